/**
 * One cell → one typed source value. Cells are trimmed (exports pad with spaces), an empty cell is
 * null, and a value that does not fit its column's type is a problem to report with its row, never
 * a silent null: "lose nothing" (ARCHITECTURE.md §6).
 */
import { type SourceValue } from '@shared/domain/schema';
import { type ColumnSpec } from './columns';
import { quote } from './csv-errors';

export type CellResult = { ok: true; value: SourceValue } | { ok: false; problem: string };

const trueWords = new Set(['true', 'yes', 'y', '1', 't']);
const falseWords = new Set(['false', 'no', 'n', '0', 'f']);

/**
 * Values of a multi-valued cell: trimmed, empty ones dropped, duplicates dropped (order kept).
 *
 * The common cells (one value, or a few distinct ones) return the array `split` made, which is
 * exactly as long as its values: an array grown by `push` from empty reserves 17 slots, and a cycle
 * keeps every row's values (100,000 users with one group each: 18 MB of empty slots, issue 11).
 */
export function splitValues(cell: string, separator: string): string[] {
  const parts = cell.split(separator);
  // Past a few values the duplicate check goes through a set (indexOf would be quadratic).
  let clean = parts.length <= 16;
  for (let i = 0; i < parts.length; i++) {
    const value = (parts[i] as string).trim();
    parts[i] = value;
    if (clean && (value === '' || parts.indexOf(value) < i)) clean = false;
  }
  if (clean) return parts;
  const seen = new Set<string>();
  for (const value of parts) if (value !== '') seen.add(value);
  return [...seen];
}

function readInteger(text: string): CellResult {
  if (!/^[+-]?\d+$/.test(text)) return { ok: false, problem: `${quote(text)} is not a whole number` };
  const value = Number(text);
  return Number.isSafeInteger(value)
    ? { ok: true, value }
    : { ok: false, problem: `${quote(text)} is too large for a whole number` };
}

function readBoolean(text: string): CellResult {
  const word = text.toLowerCase();
  if (trueWords.has(word)) return { ok: true, value: true };
  if (falseWords.has(word)) return { ok: true, value: false };
  return { ok: false, problem: `${quote(text)} is not true or false (use true/false, yes/no or 1/0)` };
}

// Year first only: 03/04/2024 means different days in different countries, so it is refused.
const dateTimePattern =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** ISO 8601 UTC, as the engine sends DateTime values. A time without a zone is taken as UTC. */
export function readDateTime(text: string): CellResult {
  const problem = `${quote(text)} is not a date (use YYYY-MM-DD, optionally with a time such as 2024-03-01T09:00:00Z)`;
  const m = dateTimePattern.exec(text);
  if (!m) return { ok: false, problem };
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s), ms);
  const check = new Date(utc);
  // Date.UTC rolls 2024-02-30 over to March: a value that does not come back unchanged is not a date.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== Number(h) ||
    check.getUTCMinutes() !== Number(mi) ||
    check.getUTCSeconds() !== Number(s)
  ) {
    return { ok: false, problem };
  }
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const zh = Number(digits.slice(0, 2));
    const zm = Number(digits.slice(2, 4));
    if (zh > 23 || zm > 59) return { ok: false, problem };
    offsetMinutes = sign * (zh * 60 + zm);
  }
  return { ok: true, value: new Date(utc - offsetMinutes * 60_000).toISOString() };
}

export function readCell(cell: string, spec: ColumnSpec): CellResult {
  if (spec.separator !== null) {
    const values = splitValues(cell, spec.separator);
    return { ok: true, value: values.length === 0 ? null : values };
  }
  const text = cell.trim();
  if (text === '') return { ok: true, value: null };
  switch (spec.type) {
    case 'Integer':
      return readInteger(text);
    case 'Boolean':
      return readBoolean(text);
    case 'DateTime':
      return readDateTime(text);
    default:
      return { ok: true, value: text };
  }
}
