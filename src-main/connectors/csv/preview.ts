/**
 * The header and first rows of a CSV file for the connection form (connections.csvPreview), read by
 * the same pieces a cycle uses — sniff (encoding, delimiter), the strict decoder and the bounded
 * record stream — so what the form shows is what a cycle will read. Problems come back as data
 * naming the place (`hr.csv:1`), never as a thrown error: the form shows them beside the path.
 */
import { isAbsolute } from 'node:path';
import type { CsvPreviewInput, CsvPreviewProblem, CsvPreviewResult } from '@shared/domain/csv-preview';
import { excerpt } from '@shared/text/bounded-json';
import { isConnectorError } from '../connector';
import { describeEncoding } from './encoding';
import { openRecordStream } from './record-stream';
import { sniffFile } from './sniff';

/** The connector's own default limit (csv-options.ts): a longer row is refused the same way here. */
const maxRecordChars = 1_000_000;
/** A preview cell is for recognising a column, not for reading a megabyte of it. */
const maxCellChars = 200;
/** A header with more columns than this is broken; the form lists the first ones. */
const maxColumns = 2_000;

function problemOf(error: unknown, fallbackLocation: string): CsvPreviewProblem {
  if (isConnectorError(error)) {
    const location = error.info.location?.split(', ')[0] ?? fallbackLocation;
    return { code: error.code, message: error.message, location };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'CsvFileUnreadable', message: excerpt(message, 500), location: fallbackLocation };
}

function empty(problem: CsvPreviewProblem): CsvPreviewResult {
  return {
    columns: [],
    columnCount: 0,
    rows: [],
    encoding: null,
    encodingLabel: null,
    hasBom: false,
    encodingDetected: false,
    delimiter: null,
    delimiterDetected: false,
    sizeBytes: null,
    problem,
  };
}

export async function previewCsv(input: Required<CsvPreviewInput>): Promise<CsvPreviewResult> {
  const { path, limit } = input;
  if (!isAbsolute(path)) {
    return empty({
      code: 'CsvPathRelative',
      message: `"${excerpt(path, 200)}" is not a full path. Give the file's full path (for example /srv/hr/employees.csv or C:\\HR\\employees.csv): Roster runs from another folder than you.`,
      location: '',
    });
  }
  let sniffed;
  try {
    sniffed = await sniffFile({ path, encoding: input.encoding, delimiter: input.delimiter });
  } catch (error) {
    return empty(problemOf(error, path));
  }
  const result: CsvPreviewResult = {
    columns: [],
    columnCount: 0,
    rows: [],
    encoding: sniffed.encoding.encoding,
    encodingLabel: describeEncoding(sniffed.encoding),
    hasBom: sniffed.encoding.bomLength > 0,
    encodingDetected: input.encoding === 'auto',
    delimiter: sniffed.delimiter,
    delimiterDetected: sniffed.delimiterDetected,
    sizeBytes: sniffed.file.size,
    problem: null,
  };
  // The sniffed header comes from the first megabyte only; the record stream reads the real header
  // line and refuses one longer than a cycle would accept, with its line.
  const stream = openRecordStream({
    path,
    fileName: sniffed.file.name,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter,
    maxRecordChars,
  });
  try {
    let header = true;
    for await (const record of stream.records) {
      if (header) {
        header = false;
        const names = record.fields.map((f) => f.trim());
        result.columns = names.slice(0, maxColumns);
        result.columnCount = names.length;
        if (limit === 0) break;
        continue;
      }
      const width = result.columns.length;
      const cells = record.fields.slice(0, width).map((cell) => excerpt(cell, maxCellChars));
      while (cells.length < width) cells.push('');
      result.rows.push(cells);
      if (result.rows.length >= limit) break;
    }
  } catch (error) {
    // What was read before the problem stays: the header and good rows help to find the bad one.
    // The stream holds one record back, so a bad line 2 can stop it before the header came out;
    // then the sniffed header (read from the same bytes) stands in for it.
    const problem = problemOf(error, sniffed.file.name);
    const headerFine = problem.location !== `${sniffed.file.name}:1`;
    if (result.columns.length === 0 && headerFine) {
      result.columns = sniffed.headers.slice(0, maxColumns);
      result.columnCount = sniffed.headers.length;
    }
    return { ...result, problem };
  }
  return result;
}
