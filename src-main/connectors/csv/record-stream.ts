/**
 * A CSV file as a stream of records with the line each starts on: file → strict decoder → csv-parse.
 * Nothing holds more than one chunk and one record at a time, so a million-row file reads in bounded
 * memory. Parser errors become messages that name the line and say how to fix it.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, Parser, type Options as ParserOptions } from 'csv-parse';
import { isConnectorError, type ConnectorError } from '../connector';
import { excerpt } from '@shared/text/bounded-json';
import { at, csvError } from './csv-errors';
import { createDecodeStream } from './decode-stream';
import { type Delimiter } from './delimiter';
import { type EncodingChoice } from './encoding';
import { createYielder } from './event-loop';
import { fileError } from './file-access';

export interface CsvRecord {
  fields: string[];
  /** The line the record starts on; the header is line 1 (blank lines count, as in an editor). */
  line: number;
  /** False only for the last record of a file that does not end with a line break. */
  terminated: boolean;
}

export interface RecordStreamOptions {
  path: string;
  fileName: string;
  encoding: EncodingChoice;
  delimiter: Delimiter;
  maxRecordChars: number;
  signal?: AbortSignal;
}

export interface RecordStream {
  /**
   * The records in batches: what the parser has ready, at most `maxBatch` at a time. A consumer of
   * many rows loops over a batch synchronously: one record at a time through two async iterators
   * cost two promise round trips per row (a tenth of a 100,000-row read).
   */
  batches: AsyncGenerator<CsvRecord[], void, undefined>;
  /** The same records one by one (for consumers of a few rows). */
  records: AsyncGenerator<CsvRecord, void, undefined>;
  /** sha256 of the file's bytes; valid once `records` is exhausted. */
  digest(): string;
}

/** Line breaks inside quoted values: a record spans that many extra lines. */
function embeddedLineBreaks(fields: readonly string[]): number {
  let n = 0;
  for (const field of fields) {
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === 10) n++;
      else if (c === 13 && field.charCodeAt(i + 1) !== 10) n++;
    }
  }
  return n;
}

/** Records per batch at most: the consumer's work on one batch runs in one turn of the event loop. */
const maxBatch = 64;

function isBlank(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

function parserError(
  error: CsvError,
  fileName: string,
  line: number,
  maxRecordChars: number,
): ConnectorError {
  const where = at(fileName, line);
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return csvError(
        'CsvTruncated',
        `${where} opens a quoted value that is never closed: the file looks cut off, or a value has a stray quote (") in it. Export the file again, or fix that row.`,
        [where],
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return csvError(
        'CsvMalformed',
        `${where} has a quoted value followed by more text (like "Kim" Jr). Quote the whole value and double any quote inside it ("""Kim"" Jr").`,
        [where],
      );
    case 'INVALID_OPENING_QUOTE':
      return csvError(
        'CsvMalformed',
        `${where} has a quote (") inside a value that is not quoted. Quote the whole value and double the quote inside it ("a ""b"" c").`,
        [where],
      );
    case 'CSV_MAX_RECORD_SIZE':
      return csvError(
        'CsvRecordTooLarge',
        `${where} starts a row longer than ${maxRecordChars.toLocaleString('en-US')} characters. This is usually a quote that is never closed; fix that row.`,
        [where],
      );
    default:
      return csvError('CsvMalformed', `${where} cannot be read as CSV: ${excerpt(error.message, 200)}`, [
        where,
      ]);
  }
}

/**
 * csv-parse's stream, told of each record as it is pushed, with the count of empty lines skipped so
 * far. Its `on_record` option says the same but builds two info objects per record (a tenth of a
 * 100,000-row read, and its garbage); the live `info` is read here instead.
 */
class LineCountingParser extends Parser {
  constructor(
    options: ParserOptions,
    private readonly onRecord: (record: string[], emptyLines: number) => void,
  ) {
    super(options);
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk !== null) this.onRecord(chunk as string[], this.info.empty_lines);
    return super.push(chunk, encoding);
  }
}

export function openRecordStream(options: RecordStreamOptions): RecordStream {
  const { path, fileName, maxRecordChars, signal } = options;
  // 16 KiB chunks: csv-parse parses a whole chunk in one synchronous step (records buffered, the
  // consumer then drains them in the same turn), so the chunk size bounds a turn. At 64 KiB a turn
  // of a 10k-user read took 60–100 ms of CPU (issue 11's 50 ms goal); 16 KiB keeps it near a quarter.
  const file = createReadStream(path, { highWaterMark: 16 * 1024 });
  const decode = createDecodeStream(options.encoding, fileName);
  let endsWithLineBreak = false;
  decode.on('data', (chunk: Buffer) => {
    if (chunk.length > 0) {
      const last = chunk[chunk.length - 1];
      endsWithLineBreak = last === 0x0a || last === 0x0d;
    }
  });
  // Line numbers are counted as the parser produces records (its push), not as the loop below
  // consumes them: a parse error discards the records buffered in between, and its line must still
  // be right. csv-parse's own `lines` counts a quoted CRLF twice, so it is not used.
  let nextLine = 1;
  let emptyLinesSeen = 0;
  const starts: number[] = [];
  let startsHead = 0;
  const parser = new LineCountingParser(
    {
      delimiter: options.delimiter,
      // Field counts are checked by the caller, so that every bad row is named, not just the first.
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: maxRecordChars,
      bom: false,
    },
    (record, emptyLines) => {
      const line = nextLine + (emptyLines - emptyLinesSeen);
      emptyLinesSeen = emptyLines;
      nextLine = line + embeddedLineBreaks(record) + 1;
      starts.push(line);
    },
  );
  // Errors of any stage destroy the parser with that error, which the loop below rethrows.
  pipeline(file, decode, parser, () => undefined);

  /** Where a parse error is: the line after the last record the parser produced. */
  function readError(error: unknown): unknown {
    if (isConnectorError(error)) return error;
    if (error instanceof CsvError) {
      const empty = typeof error['empty_lines'] === 'number' ? error['empty_lines'] : emptyLinesSeen;
      return parserError(error, fileName, nextLine + Math.max(0, empty - emptyLinesSeen), maxRecordChars);
    }
    if (signal?.aborted && error === signal.reason) return error;
    return fileError(path, error);
  }

  async function* batches(): AsyncGenerator<CsvRecord[], void, undefined> {
    let held: CsvRecord | null = null;
    let batch: CsvRecord[] = [];
    // The clock is read every 8 records, not 64: with a consumer that validates and hashes each
    // record, 64 records plus the parsing they pull in took tens of milliseconds under load.
    const yielder = createYielder(8);
    try {
      for await (const fields of parser as AsyncIterable<string[]>) {
        // The time between records includes the consumer's work, so this bounds a turn of both.
        const pause = yielder.maybeYield();
        if (pause) await pause;
        if (signal?.aborted) throw signal.reason;
        const line = starts[startsHead++] ?? 0;
        if (startsHead > 4096) {
          starts.splice(0, startsHead);
          startsHead = 0;
        }
        if (isBlank(fields)) continue;
        // One record is held back: only at the end is it known whether the last one ended with a line break.
        if (held) batch.push(held);
        held = { fields, line, terminated: true };
        if (batch.length >= maxBatch || (parser.readableLength === 0 && batch.length > 0)) {
          yield batch;
          batch = [];
        }
      }
    } catch (error) {
      // The records before the bad one still go out first (a preview shows the rows it could read).
      if (batch.length > 0) yield batch;
      throw readError(error);
    } finally {
      // An early return (a consumer that stops reading) must not leave the file open.
      if (!parser.destroyed) parser.destroy();
      if (!file.destroyed) file.destroy();
    }
    if (held) batch.push({ ...held, terminated: endsWithLineBreak });
    if (batch.length > 0) yield batch;
  }

  const batched = batches();
  async function* records(): AsyncGenerator<CsvRecord, void, undefined> {
    for await (const batch of batched) yield* batch;
  }

  return { batches: batched, records: records(), digest: () => decode.digest() };
}
