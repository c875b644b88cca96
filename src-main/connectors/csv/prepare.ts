/**
 * Everything known before the rows are read: the sniffed file and the column plan. Each operation
 * (test, discover, read) starts here, so a changed header is noticed every time.
 */
import { planColumns, type ColumnPlan } from './columns';
import { type CsvSourceOptions } from './csv-options';
import { sniffFile, type SniffedFile } from './sniff';
import { createRowReader, type RowReader } from './user-object';

export interface PreparedSource {
  sniffed: SniffedFile;
  plan: ColumnPlan;
  reader: RowReader;
}

/** `hashed`: the lower-cased columns the users' hashes cover (SourceReadOptions.hashedAttributes); all when absent. */
export async function prepareSource(
  options: CsvSourceOptions,
  hashed?: ReadonlySet<string>,
): Promise<PreparedSource> {
  const sniffed = await sniffFile(options);
  const plan = planColumns(sniffed.file.name, sniffed.headers, options);
  return { sniffed, plan, reader: createRowReader(sniffed.file.name, plan, options, hashed) };
}
