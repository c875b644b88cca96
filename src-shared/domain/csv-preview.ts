/**
 * connections.csvPreview: the real header and first rows of a CSV file, read the way the CSV source
 * reads it, so the connection form offers column roles from the file itself instead of free text.
 * An unreadable file is an answer (with `problem`), not an error: the form shows it beside the path.
 */
import { z } from 'zod';
import { csvDelimiters, csvEncodings } from './connections';

export const csvPreviewInputSchema = z
  .object({
    path: z.string().trim().min(1, 'Give the path of the CSV file').max(4096),
    encoding: z.enum(csvEncodings).default('auto'),
    delimiter: z.enum(csvDelimiters).default('auto'),
    /** Rows after the header to return. */
    limit: z.number().int().min(0).max(50).default(5),
  })
  .strict();
export type CsvPreviewInput = z.input<typeof csvPreviewInputSchema>;

export type CsvPreviewEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'cp949' | 'windows1252';
export type CsvPreviewDelimiter = ',' | ';' | '\t';

export interface CsvPreviewProblem {
  /** A CSV source code (CsvFileNotFound, CsvRecordTooLarge, …) or CsvPathRelative: the renderer translates it. */
  code: string;
  /** Roster's English sentence, naming the file and line (kept for the CLI and details). */
  message: string;
  /** `hr.csv:1`, or the file name; '' when there is no place to name. */
  location: string;
}

export interface CsvPreviewResult {
  /** The header's names as the connector reads them (trimmed); [] when the file cannot be read. */
  columns: string[];
  /** Columns in the header; more than `columns` holds when a (broken) header has thousands. */
  columnCount: number;
  /** Up to `limit` rows after the header, each as long as the header (missing cells are ''). */
  rows: string[][];
  /** What was used: detected, or the override. null when the file could not be opened. */
  encoding: CsvPreviewEncoding | null;
  /** "UTF-8 with BOM", "CP949 (Korean, EUC-KR)"… (English, for the CLI; the UI builds its own from the fields). */
  encodingLabel: string | null;
  /** The file starts with a byte-order mark. */
  hasBom: boolean;
  encodingDetected: boolean;
  delimiter: CsvPreviewDelimiter | null;
  delimiterDetected: boolean;
  /** Size of the file in bytes; null when it could not be opened. */
  sizeBytes: number | null;
  problem: CsvPreviewProblem | null;
}
