import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify, type Stringifier } from 'csv-stringify';

/**
 * Streams rows to a CSV file: RFC 4180 quoting, CRLF line ends, optional UTF-8 BOM (Excel opens such
 * files cleanly). Respects back-pressure, so memory stays flat however many rows pass through.
 */
export class CsvFileWriter {
  private readonly stringifier: Stringifier;
  private readonly done: Promise<void>;
  rows = 0;

  constructor(path: string, columns: readonly string[], options: { bom: boolean }) {
    const file = createWriteStream(path, { mode: 0o600 });
    this.stringifier = stringify({
      header: true,
      columns: [...columns],
      bom: options.bom,
      record_delimiter: 'windows',
    });
    this.stringifier.pipe(file);
    this.done = once(file, 'finish').then(() => undefined);
  }

  async write(row: Record<string, string | number | null>): Promise<void> {
    this.rows++;
    if (!this.stringifier.write(row)) await once(this.stringifier, 'drain');
  }

  async close(): Promise<void> {
    this.stringifier.end();
    await this.done;
  }
}

/** Streams a JSON array to a file, one element at a time. */
export class JsonArrayFileWriter {
  private readonly file;
  private first = true;
  rows = 0;

  constructor(path: string) {
    this.file = createWriteStream(path, { mode: 0o600 });
    this.file.write('[\n');
  }

  async write(value: unknown): Promise<void> {
    this.rows++;
    const chunk = `${this.first ? '' : ',\n'}${JSON.stringify(value)}`;
    this.first = false;
    if (!this.file.write(chunk)) await once(this.file, 'drain');
  }

  async close(): Promise<void> {
    this.file.end('\n]\n');
    await once(this.file, 'finish');
  }
}
