/**
 * A first look at a CSV file: does it exist, is it empty, which encoding and delimiter, what is the
 * header. Only the start of the file is read (sniffBytes), so this is cheap enough for
 * discoverSchema and for every cycle.
 */
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { type CsvDelimiterOption, type CsvEncodingOption } from './csv-options';
import { excerpt } from '@shared/text/bounded-json';
import { at, csvError } from './csv-errors';
import { decodeSample } from './decode-stream';
import { resolveDelimiter, type Delimiter } from './delimiter';
import { detectEncoding, sniffBytes, type EncodingChoice } from './encoding';
import { identify, readStart, type FileIdentity } from './file-access';

export interface SniffedFile {
  file: FileIdentity;
  encoding: EncodingChoice;
  delimiter: Delimiter;
  delimiterDetected: boolean;
  /** The header's names, trimmed. */
  headers: string[];
}

export interface SniffOptions {
  path: string;
  encoding: CsvEncodingOption;
  delimiter: CsvDelimiterOption;
}

/** Enough text for any real header: parsing the whole 1 MiB sample for its first record took ~40 ms. */
const headerTextChars = 64 * 1024;

/**
 * The header from the start of the sample up to a line break; when that prefix does not give a
 * record (a header longer than it, or a quoted line break at the cut), the whole sample decides,
 * with the whole sample's error if it has one.
 */
function firstRecord(text: string, delimiter: Delimiter, fileName: string): string[] | null {
  const cut = text.length > headerTextChars ? text.lastIndexOf('\n', headerTextChars) : -1;
  if (cut > 0) {
    try {
      const header = parseFirstRecord(text.slice(0, cut + 1), delimiter, fileName);
      if (header) return header;
    } catch {
      // The prefix ended inside a quoted value: the whole sample is parsed below.
    }
  }
  return parseFirstRecord(text, delimiter, fileName);
}

function parseFirstRecord(text: string, delimiter: Delimiter, fileName: string): string[] | null {
  try {
    const records: string[][] = parse(text, {
      delimiter,
      to: 1,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: false,
    });
    return records[0] ?? null;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw csvError(
      error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'CsvTruncated' : 'CsvHeaderInvalid',
      `The header of ${fileName} (${at(fileName, 1)}) cannot be read: ${excerpt(error.message, 200)}. The first line must list the column names.`,
      [at(fileName, 1)],
    );
  }
}

export async function sniffFile(options: SniffOptions): Promise<SniffedFile> {
  const file = await identify(options.path);
  const empty = (): Error =>
    csvError(
      'CsvEmpty',
      `${file.name} is empty${file.size === 0 ? ' (0 bytes)' : ''}. Roster stops here rather than treat everyone as deleted; check the export that writes this file.`,
      [file.name],
    );
  if (file.size === 0) throw empty();
  const sample = await readStart(options.path, sniffBytes);
  const complete = sample.length >= file.size;
  const encoding = detectEncoding(sample, { forced: options.encoding, fileName: file.name });
  const text = decodeSample(encoding, file.name, sample.subarray(encoding.bomLength));
  if (text.trim() === '') throw empty();

  const delimiter = resolveDelimiter(options.delimiter, text, complete);
  const header = firstRecord(text, delimiter, file.name);
  if (!header) throw empty();
  return {
    file,
    encoding,
    delimiter,
    delimiterDetected: options.delimiter === 'auto',
    headers: header.map((h) => h.trim()),
  };
}
