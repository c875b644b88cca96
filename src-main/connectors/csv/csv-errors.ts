/**
 * How the CSV connector fails. Every problem with a file stops the cycle (a half-read HR file must
 * never turn into disables), names the file and rows the way an admin finds them in an editor
 * (`hr.csv:12`, line numbers, header = 1) and says what to do.
 */
import { excerpt } from '@shared/text/bounded-json';
import { ConnectorError } from '../connector';

/** Codes a CSV source fails with; the engine logs them and the UI shows the message. */
export type CsvErrorCode =
  | 'CsvSettingsInvalid'
  | 'CsvFileNotFound'
  | 'CsvFileUnreadable'
  | 'CsvNotCsv'
  | 'CsvEmpty'
  | 'CsvNoRows'
  | 'CsvTruncated'
  | 'CsvMalformed'
  | 'CsvFieldCount'
  | 'CsvHeaderInvalid'
  | 'CsvColumnMissing'
  | 'CsvKeyColumnUnknown'
  | 'CsvDuplicateKeys'
  | 'CsvMissingKeys'
  | 'CsvInvalidValues'
  | 'CsvEncoding'
  | 'CsvRecordTooLarge'
  | 'CsvSourceChanged';

/**
 * A value from the file as a message quotes it: short and on one line. A header line can be 10 MB,
 * a cell a megabyte; the message names the place, and the admin opens the file there.
 */
export function quote(value: string, max = 60): string {
  return `"${excerpt(value, max)}"`;
}

/** A name from the file (a column, a key) said without quotes, as short as `quote` makes it. */
export function short(value: string, max = 40): string {
  return excerpt(value, max);
}

/** At most `max` names, each quoted short, then how many more: `"a", "b" and 998 more`. */
export function quoteNames(names: readonly string[], max = 20): string {
  const shown = names.slice(0, max).map((n) => quote(n, 40));
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** One finding of a scan; several are reported together so the admin can fix them in one go. */
export interface CsvProblem {
  code: CsvErrorCode;
  message: string;
  locations: string[];
}

/** At most this many rows are named per problem; the message says how many more there are. */
export const maxNamedRows = 100;

export function at(fileName: string, line: number): string {
  return `${fileName}:${line}`;
}

/** `hr.csv:3, hr.csv:9 and 4 more`. */
export function listRows(fileName: string, lines: readonly number[], total = lines.length): string {
  const named = lines.slice(0, maxNamedRows).map((line) => at(fileName, line));
  const rest = total - named.length;
  const head = rest > 0 ? named.join(', ') : joinAnd(named);
  return rest > 0 ? `${head} and ${rest} more` : head;
}

export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function csvError(
  code: CsvErrorCode,
  message: string,
  locations: readonly string[] = [],
): ConnectorError {
  const location = locations.slice(0, maxNamedRows * 2).join(', ');
  return new ConnectorError('stopCycle', code, message, location ? { location } : {});
}

/** Several problems in one error: the first decides the code, every message is kept. */
export function problemsError(problems: readonly CsvProblem[]): ConnectorError {
  const first = problems[0];
  if (!first) throw new Error('problemsError needs at least one problem');
  const message =
    problems.length === 1
      ? first.message
      : `${problems.length} problems must be fixed before Roster can use this file:\n` +
        problems.map((p) => `• ${p.message}`).join('\n');
  return csvError(
    first.code,
    message,
    problems.flatMap((p) => p.locations),
  );
}
