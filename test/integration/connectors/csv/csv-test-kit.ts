/**
 * Helpers for the CSV connector tests: files in a fresh temp folder, a connector over them, every
 * page of a read collected, and assertions on the ConnectorError a bad file must produce.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { expect } from 'vitest';
import { type ObjectType } from '@shared/domain/schema';
import { ConnectorError, type SourceObject } from '../../../../src-main/connectors/connector';
import { type CsvSourceOptionsInput } from '../../../../src-main/connectors/csv/csv-options';
import { createCsvSource, type CsvSourceConnector } from '../../../../src-main/connectors/csv/csv-source';
import { type CsvWarning } from '../../../../src-main/connectors/csv/warnings';
import { makeTempDir } from '../../temp-dir';

export type TempDir = ReturnType<typeof makeTempDir>;

export function tempDir(): TempDir {
  return makeTempDir('roster-csv-');
}

export type FileEncoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'cp949' | 'windows1252';

/** Encodes with iconv-lite: an implementation independent of the connector's TextDecoder. */
export function encode(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return iconv.encode(text, 'utf16le', { addBOM: true });
    case 'utf16be':
      return iconv.encode(text, 'utf16be', { addBOM: true });
    case 'cp949':
      return iconv.encode(text, 'cp949');
    case 'windows1252':
      return iconv.encode(text, 'windows1252');
  }
}

export function writeCsv(
  dir: TempDir,
  name: string,
  content: string | Buffer,
  encoding: FileEncoding = 'utf8',
): string {
  const path = join(dir.path, name);
  writeFileSync(path, typeof content === 'string' ? encode(content, encoding) : content);
  return path;
}

/** Lines joined with LF and a final line break, like most exports. */
export function lines(...rows: string[]): string {
  return rows.join('\n') + '\n';
}

export function source(options: CsvSourceOptionsInput): CsvSourceConnector {
  return createCsvSource(options);
}

export interface ReadAll {
  users: SourceObject[];
  groups: SourceObject[];
  pages: SourceObject[][];
  warnings: readonly CsvWarning[];
  expectedCount: number | undefined;
  watermark: string | null;
}

export async function readAll(
  connector: CsvSourceConnector,
  objectTypes: readonly ObjectType[] = ['User', 'Group'],
  signal: AbortSignal = new AbortController().signal,
): Promise<ReadAll> {
  const read = await connector.read({ objectTypes, since: null, signal });
  const pages: SourceObject[][] = [];
  for await (const page of read.pages) pages.push(page);
  const all = pages.flat();
  return {
    users: all.filter((o) => o.type === 'User'),
    groups: all.filter((o) => o.type === 'Group'),
    pages,
    warnings: read.warnings,
    expectedCount: read.expectedCount,
    watermark: read.watermark(),
  };
}

export function byAnchor(objects: readonly SourceObject[], anchor: string): SourceObject {
  const found = objects.find((o) => o.anchor === anchor);
  if (!found) throw new Error(`No object with anchor ${anchor}`);
  return found;
}

/** The read must reject with a stopCycle ConnectorError of `code`; returns it for further checks. */
export async function expectStop(promise: Promise<unknown>, code: string): Promise<ConnectorError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the read should have failed').toBeInstanceOf(ConnectorError);
  const error = caught as ConnectorError;
  expect(error.errorClass).toBe('stopCycle');
  expect(error.code, error.message).toBe(code);
  return error;
}

/** A read that fails must fail before its first page: validation runs before anything is yielded. */
export async function expectReadStops(connector: CsvSourceConnector, code: string): Promise<ConnectorError> {
  return expectStop(
    connector.read({ objectTypes: ['User', 'Group'], since: null, signal: new AbortController().signal }),
    code,
  );
}
