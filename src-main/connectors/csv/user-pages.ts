/**
 * The reading pass: the file again, streamed, one page of users at a time. It runs after the
 * validating pass succeeded, so a row that no longer reads, a different row count or different bytes
 * mean the file changed in between: the read then fails rather than hand the engine a mix of two files.
 */
import { type SourceObject } from '../connector';
import { identify } from './file-access';
import { type PreparedSource } from './prepare';
import { openRecordStream } from './record-stream';
import { sourceChangedError } from './source-changed';
import { type ValidatedSource } from './validate-source';

export interface PageOptions {
  pageSize: number;
  maxRecordChars: number;
  signal?: AbortSignal;
}

export async function* userPages(
  prepared: PreparedSource,
  validated: ValidatedSource,
  options: PageOptions,
): AsyncGenerator<SourceObject[], void, undefined> {
  const { sniffed, plan, reader } = prepared;
  const fileName = sniffed.file.name;
  const now = await identify(sniffed.file.path);
  if (now.size !== sniffed.file.size || now.mtimeMs !== sniffed.file.mtimeMs)
    throw sourceChangedError(fileName);

  const stream = openRecordStream({
    path: sniffed.file.path,
    fileName,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter,
    maxRecordChars: options.maxRecordChars,
    signal: options.signal,
  });
  let page: SourceObject[] = [];
  let count = 0;
  let headerSeen = false;
  for await (const record of stream.records) {
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    const result =
      record.fields.length === plan.columns.length ? reader.read(record.fields, record.line) : null;
    if (!result?.ok) throw sourceChangedError(fileName);
    page.push(result.object);
    count++;
    if (page.length >= options.pageSize) {
      yield page;
      page = [];
    }
  }
  // Checked before the last page, so a changed file never completes a read.
  if (count !== validated.rows || stream.digest() !== validated.digest) throw sourceChangedError(fileName);
  if (page.length > 0) yield page;
}
