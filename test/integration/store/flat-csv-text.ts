import type { FlatCsvPart } from '../../../src-main/store/log-flat-csv-read';

/** The flat CSV lines an export's parts hold, as one text, and how many rows the parts said. */
export function flatCsvText(parts: Iterable<FlatCsvPart>): string {
  return Buffer.concat(
    [...parts].map(({ text }) => (typeof text === 'string' ? Buffer.from(text, 'utf8') : text)),
  ).toString('utf8');
}

/** How many rows the parts of an export say they hold. */
export function flatCsvRows(parts: Iterable<FlatCsvPart>): number {
  let rows = 0;
  for (const part of parts) rows += part.rows;
  return rows;
}
