import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** What a CSV cell can hold: `null` and `undefined` are written as empty cells. */
export type CsvValue = string | number | null | undefined;

/**
 * Text is handed to the file in chunks of about this many UTF-16 units: one write per few hundred
 * rows instead of one per row, and the caller awaits only when a chunk is ready.
 */
const chunkChars = 64 * 1024;

/**
 * A few chunks may wait in the file stream while the next one is built, so building and writing
 * overlap; beyond that the writer waits for the disk (back-pressure), so memory stays flat.
 */
const fileHighWaterMark = 4 * chunkChars * 2;

/** A cell needs quotes when it holds a delimiter, a quote or a line break (RFC 4180 §2.6). */
const needsQuotes = /[",\r\n]/;

/**
 * First characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"): = + - @,
 * tab, CR, and the full-width forms some spreadsheets fold to them. `-` counts for text only, so a
 * negative number stays a number.
 */
const formulaStarts = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d, 0xff1d, 0xff0b, 0xff0d, 0xff20]);

/** One CSV cell: empty for null, apostrophe before a formula (when asked), quoted when it must be. */
export function csvCell(value: CsvValue, escapeFormulas: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = escapeFormulas && formulaStarts.has(value.charCodeAt(0)) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A file written in chunks: text is appended in memory and handed to the file stream a chunk at a
 * time, waiting only when the stream is full (back-pressure). Errors of the stream (cannot open,
 * disk full) come out of `flush`/`close` instead of as an unhandled 'error' event.
 */
class ChunkedFile {
  private readonly file: WriteStream;
  private chunk = '';
  /** Bytes appended whole, with the text chunk that came before them: written in order at `flush`. */
  private queued: (string | Uint8Array)[] = [];
  private failure: Error | null = null;

  constructor(path: string) {
    this.file = createWriteStream(path, { mode: 0o600, highWaterMark: fileHighWaterMark });
    this.file.on('error', (error) => (this.failure ??= error));
  }

  /** Appends text; true when a chunk is ready and `flush()` should be awaited. */
  append(text: string): boolean {
    this.chunk += text;
    return this.chunk.length >= chunkChars;
  }

  /** Appends bytes already encoded (UTF-8) after the text so far; true: `flush()` should be awaited. */
  appendBytes(bytes: Uint8Array): boolean {
    if (this.chunk) this.queued.push(this.chunk);
    this.chunk = '';
    this.queued.push(bytes);
    return true;
  }

  async flush(): Promise<void> {
    this.throwIfFailed();
    if (this.chunk) this.queued.push(this.chunk);
    this.chunk = '';
    if (this.queued.length === 0) return;
    let more = true;
    for (const part of this.queued) more = this.file.write(part);
    this.queued = [];
    if (!more) await once(this.file, 'drain');
    this.throwIfFailed();
  }

  async close(): Promise<void> {
    await this.flush();
    this.file.end();
    if (!this.file.closed) await Promise.race([once(this.file, 'close'), once(this.file, 'error')]);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

/**
 * Streams rows to a CSV file: RFC 4180 quoting, CRLF line ends, a header row, an optional UTF-8 BOM
 * (Excel then reads UTF-8), file mode 0600. With `escapeFormulas`, text that a spreadsheet would run
 * as a formula gets a leading apostrophe (for values that come from directories and targets).
 *
 * Fast path: `add()` appends a row to the current chunk and says when to `await flush()` — no await
 * per row (the provisioning log export's way). `write()` is the simple form.
 */
export class CsvFileWriter {
  private readonly file: ChunkedFile;
  private readonly columns: readonly string[];
  private readonly escapeFormulas: boolean;
  rows = 0;

  constructor(path: string, columns: readonly string[], options: { bom: boolean; escapeFormulas?: boolean }) {
    this.file = new ChunkedFile(path);
    this.columns = columns;
    this.escapeFormulas = options.escapeFormulas ?? false;
    this.file.append(`${options.bom ? '\uFEFF' : ''}${columns.map((c) => csvCell(c, false)).join(',')}\r\n`);
  }

  /** Appends one row, cells in column order; true when a chunk is ready and `flush()` should be awaited. */
  add(cells: readonly CsvValue[]): boolean {
    let line = '';
    for (let i = 0; i < cells.length; i++) line += (i ? ',' : '') + csvCell(cells[i], this.escapeFormulas);
    this.rows++;
    return this.file.append(`${line}\r\n`);
  }

  /**
   * Appends one row already written as CSV, line end included (the provisioning log keeps its export
   * lines ready-made); true when a chunk is ready and `flush()` should be awaited.
   */
  addLine(line: string): boolean {
    this.rows++;
    return this.file.append(line);
  }

  /**
   * Appends `rows` whole rows already written as CSV, line ends included: text, or its UTF-8 bytes
   * (the provisioning log's store joins a block of lines in SQLite); true when `flush()` should be
   * awaited.
   */
  addLines(lines: string | Uint8Array, rows: number): boolean {
    this.rows += rows;
    return typeof lines === 'string' ? this.file.append(lines) : this.file.appendBytes(lines);
  }

  flush(): Promise<void> {
    return this.file.flush();
  }

  async write(row: Readonly<Record<string, CsvValue>>): Promise<void> {
    if (this.add(this.columns.map((c) => row[c]))) await this.flush();
  }

  close(): Promise<void> {
    return this.file.close();
  }
}

/** Streams a JSON array to a file, one element per line after `[`, in chunks like CsvFileWriter. */
export class JsonArrayFileWriter {
  private readonly file: ChunkedFile;
  rows = 0;

  constructor(path: string) {
    this.file = new ChunkedFile(path);
    this.file.append('[\n');
  }

  /** Appends one element; true when a chunk is ready and `flush()` should be awaited. */
  add(value: unknown): boolean {
    const text = `${this.rows ? ',\n' : ''}${JSON.stringify(value)}`;
    this.rows++;
    return this.file.append(text);
  }

  flush(): Promise<void> {
    return this.file.flush();
  }

  async write(value: unknown): Promise<void> {
    if (this.add(value)) await this.flush();
  }

  close(): Promise<void> {
    this.file.append('\n]\n');
    return this.file.close();
  }
}
