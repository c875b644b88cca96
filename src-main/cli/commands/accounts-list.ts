import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { AccountRow } from '@shared/domain/accounts';
import { exportAccounts } from '../../reports/accounts-export';
import type { ListFormat } from './accounts-args';

export interface ListOutput {
  format: ListFormat;
  /** A file to write; stdout when absent. */
  out?: string;
  /** CSV files start with a UTF-8 byte order mark for Excel (never on stdout). */
  bom: boolean;
  jobName: string;
}

/** Table columns: the id is never cut (the act commands take it); names are, to keep a row on one line. */
const tableColumns: { title: string; width: number; value: (row: AccountRow) => string; cut?: boolean }[] = [
  { title: 'CLASS', width: 15, value: (r) => r.accountClass },
  { title: 'TYPE', width: 5, value: (r) => r.objectType },
  { title: 'ID', width: 36, value: (r) => r.targetId },
  { title: 'NAME', width: 24, value: (r) => r.displayName, cut: true },
  { title: 'KEY', width: 24, value: (r) => r.keyValue ?? '', cut: true },
  { title: 'SOURCE', width: 12, value: (r) => r.source?.anchor ?? '', cut: true },
  { title: 'DECISION', width: 0, value: (r) => r.decision?.kind ?? '' },
];

function cell(text: string, width: number, cut: boolean): string {
  // Control characters from the target would break the table (or the terminal): shown escaped.
  const clean = text.replace(
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  const fitted = cut && clean.length > width ? `${clean.slice(0, width - 1)}…` : clean;
  return width === 0 ? fitted : fitted.padEnd(width);
}

export function tableLine(values: readonly string[]): string {
  return tableColumns
    .map((c, i) => cell(values[i] ?? '', c.width, c.cut ?? false))
    .join('  ')
    .trimEnd();
}

export function tableHeader(): string {
  return tableLine(tableColumns.map((c) => c.title));
}

export function tableRow(row: AccountRow): string {
  return tableLine(tableColumns.map((c) => c.value(row)));
}

/** A row as JSON: everything the report holds but its position in the report. */
export function jsonRow(row: AccountRow): Omit<AccountRow, 'seq'> {
  const { seq: _seq, ...rest } = row;
  return rest;
}

async function writeTo(sink: Writable, text: string): Promise<void> {
  if (!sink.write(text)) await once(sink, 'drain');
}

/**
 * Writes the rows, streamed: the report of 100,000 accounts never sits in memory. Returns how many
 * rows were written.
 */
export async function writeAccountRows(rows: Iterable<AccountRow>, output: ListOutput): Promise<number> {
  if (output.format === 'csv') return writeCsv(rows, output);
  const sink: Writable = output.out ? createWriteStream(output.out, { mode: 0o600 }) : process.stdout;
  let count = 0;
  if (output.format === 'table') {
    await writeTo(sink, `${tableHeader()}\n`);
    for (const row of rows) {
      count++;
      await writeTo(sink, `${tableRow(row)}\n`);
    }
  } else {
    await writeTo(sink, '[');
    for (const row of rows) {
      await writeTo(sink, `${count === 0 ? '\n' : ',\n'}${JSON.stringify(jsonRow(row))}`);
      count++;
    }
    await writeTo(sink, count === 0 ? ']\n' : '\n]\n');
  }
  if (sink !== process.stdout) {
    sink.end();
    await once(sink, 'finish');
  }
  return count;
}

/** The CSV of the Accounts page's export (same columns, quoting and formula guard). */
async function writeCsv(rows: Iterable<AccountRow>, output: ListOutput): Promise<number> {
  if (output.out)
    return (await exportAccounts(rows, { path: output.out, jobName: output.jobName, bom: output.bom })).rows;
  const dir = mkdtempSync(join(tmpdir(), 'roster-accounts-'));
  try {
    const path = join(dir, 'accounts.csv');
    const file = await exportAccounts(rows, { path, jobName: output.jobName, bom: false });
    await pipeline(createReadStream(path), process.stdout, { end: false });
    return file.rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
