/**
 * Comma, semicolon or tab. Excel writes semicolons where the decimal separator is a comma (most of
 * Europe), commas elsewhere, tabs for "Unicode text". The right delimiter is the one that splits the
 * header into several columns and every following line into the same number of columns, counting
 * the way a CSV parser does (a delimiter inside quotes does not split).
 */
import { type CsvDelimiterOption } from './csv-options';

export type Delimiter = ',' | ';' | '\t';

const candidates: readonly Delimiter[] = [',', ';', '\t'];

export function describeDelimiter(delimiter: Delimiter): string {
  if (delimiter === ',') return 'comma';
  if (delimiter === ';') return 'semicolon';
  return 'tab';
}

/**
 * Field counts of the first records of `text`, respecting RFC 4180 quotes. Blank lines are skipped;
 * when the text is only the start of a file, the last (possibly cut) record is dropped.
 */
export function fieldCounts(
  text: string,
  delimiter: Delimiter,
  maxRecords: number,
  complete: boolean,
): number[] {
  const counts: number[] = [];
  let fields = 1;
  let fieldStart = true;
  let inQuotes = false;
  let empty = true;
  let i = 0;
  const endRecord = (): void => {
    if (!empty) counts.push(fields);
    fields = 1;
    fieldStart = true;
    empty = true;
  };
  while (i < text.length && counts.length < maxRecords) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
    } else if (c === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      empty = false;
    } else if (c === delimiter) {
      fields++;
      fieldStart = true;
      empty = false;
    } else if (c === '\n' || c === '\r') {
      endRecord();
    } else {
      fieldStart = false;
      if (c !== ' ') empty = false;
    }
    i++;
  }
  if (i >= text.length && complete && !inQuotes) endRecord();
  return counts;
}

interface Score {
  delimiter: Delimiter;
  columns: number;
  consistency: number;
}

/**
 * The delimiter of a file whose decoded start is `text`. With none splitting the header, the file
 * has a single column and comma is as good as any.
 */
export function detectDelimiter(text: string, complete: boolean): Delimiter {
  const scores: Score[] = candidates.map((delimiter) => {
    const counts = fieldCounts(text, delimiter, 50, complete);
    const columns = counts[0] ?? 1;
    const same = counts.filter((n) => n === columns).length;
    return { delimiter, columns, consistency: counts.length === 0 ? 0 : same / counts.length };
  });
  const splitting = scores.filter((s) => s.columns > 1);
  if (splitting.length === 0) return ',';
  // Consistency first (a stray comma in a semicolon file's names must not win), then more columns,
  // then the candidates' order (comma, semicolon, tab), which sort keeps for equal scores.
  splitting.sort((a, b) => b.consistency - a.consistency || b.columns - a.columns);
  return splitting[0]?.delimiter ?? ',';
}

export function resolveDelimiter(option: CsvDelimiterOption, text: string, complete: boolean): Delimiter {
  return option === 'auto' ? detectDelimiter(text, complete) : option;
}
