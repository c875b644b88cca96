import { basename, join } from 'node:path';
import type { AccountRow } from '@shared/domain/accounts';
import { CsvFileWriter } from './csv-file-writer';
import type { ExportedFile } from './log-export';

/** The columns of the account discovery report, in order (docs/account-discovery.md explains each). */
export const accountColumns = [
  'job',
  'objectType',
  'targetId',
  'displayName',
  'keyValue',
  'active',
  'class',
  'note',
  'sourceKey',
  'sourceName',
  'matchedOn',
  'outOfScopeBecause',
  'decision',
  'decidedBy',
  'decidedAt',
] as const;

/**
 * Values a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) get a leading
 * apostrophe: the names and values come from the target, which anyone with an account there may set.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The report's rows as one CSV file for Excel, streamed: memory stays flat for 100,000 rows. */
export async function exportAccounts(
  rows: Iterable<AccountRow>,
  options: { jobName: string; bom: boolean } & ({ dir: string; baseName: string } | { path: string }),
): Promise<ExportedFile> {
  const path = 'path' in options ? options.path : join(options.dir, `${options.baseName}.csv`);
  const writer = new CsvFileWriter(path, accountColumns, { bom: options.bom });
  const safe = (value: string | null | undefined) => spreadsheetSafe(value ?? '');
  for (const row of rows) {
    await writer.write({
      job: safe(options.jobName),
      objectType: row.objectType,
      targetId: safe(row.targetId),
      displayName: safe(row.displayName),
      keyValue: safe(row.keyValue),
      active: row.active === null ? '' : String(row.active),
      class: row.accountClass,
      note: row.note ?? '',
      sourceKey: safe(row.source?.anchor),
      sourceName: safe(row.source?.displayName),
      matchedOn: row.matched ? safe(`${row.matched.path} = ${row.matched.value}`) : '',
      outOfScopeBecause: safe(row.scopeDetail),
      decision: row.decision?.kind ?? '',
      decidedBy: safe(row.decision?.by),
      decidedAt: row.decision?.at ?? '',
    });
  }
  await writer.close();
  return { fileName: basename(path), path, rows: writer.rows };
}
