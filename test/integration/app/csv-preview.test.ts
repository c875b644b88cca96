import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CsvPreviewResult } from '@shared/domain/csv-preview';
import type { Result } from '@shared/domain/result';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { makeTempDir } from '../temp-dir';

const silentLog = { info: () => {}, warn: () => {}, error: () => {} };

function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('connections.csvPreview on real files', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let app: RosterApp;

  beforeEach(() => {
    dir = makeTempDir();
    app = createApp({ dataDir: join(dir.path, 'data'), mode: 'browser', osUser: 'alice', logger: silentLog });
  });
  afterEach(async () => {
    await app.close();
    dir.remove();
  });

  function file(name: string, bytes: string | Buffer): string {
    const path = join(dir.path, name);
    writeFileSync(path, bytes);
    return path;
  }

  async function preview(input: Record<string, unknown>): Promise<CsvPreviewResult> {
    return unwrap<CsvPreviewResult>(await app.dispatch('connections.csvPreview', input));
  }

  it('reads a UTF-8 file with a BOM: header without the BOM, first rows, detected settings', async () => {
    const path = file(
      'hr.csv',
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('employeeId,displayName,status\nE1,김민지,Active\nE2,Bob Ray,Terminated\nE3,Cy,Active\n'),
      ]),
    );
    const result = await preview({ path, limit: 2 });
    expect(result.problem).toBeNull();
    expect(result.columns).toEqual(['employeeId', 'displayName', 'status']);
    expect(result.rows).toEqual([
      ['E1', '김민지', 'Active'],
      ['E2', 'Bob Ray', 'Terminated'],
    ]);
    expect(result).toMatchObject({
      encoding: 'utf8',
      encodingLabel: 'UTF-8 with BOM',
      hasBom: true,
      encodingDetected: true,
      delimiter: ',',
      delimiterDetected: true,
    });
  });

  it('reads UTF-16 (Excel "Unicode text": BOM and tabs)', async () => {
    const text = '\ufeffemployeeId\tgivenName\tdepartment\nE1\t지훈\t영업\nE2\tAnn\tSales\n';
    const path = file('hr-utf16.txt', iconv.encode(text, 'utf16le'));
    const result = await preview({ path });
    expect(result.problem).toBeNull();
    expect(result.encoding).toBe('utf16le');
    expect(result.delimiter).toBe('\t');
    expect(result.columns).toEqual(['employeeId', 'givenName', 'department']);
    expect(result.rows[0]).toEqual(['E1', '지훈', '영업']);
  });

  it('detects semicolons, and a forced delimiter is used as given', async () => {
    const path = file('eu.csv', 'id;name;groups\n1;"Müller, Anna";a,b\n2;Lee;c\n');
    const detected = await preview({ path });
    expect(detected.delimiter).toBe(';');
    expect(detected.columns).toEqual(['id', 'name', 'groups']);
    expect(detected.rows[0]).toEqual(['1', 'Müller, Anna', 'a,b']);

    // Forced to comma, the file reads as one column and its first row is refused with its line.
    const forced = await preview({ path, delimiter: ',' });
    expect(forced.delimiterDetected).toBe(false);
    expect(forced.delimiter).toBe(',');
    expect(forced.columns).toEqual(['id;name;groups']);
    expect(forced.problem).toMatchObject({ code: 'CsvMalformed', location: 'eu.csv:2' });
  });

  it('pads short rows to the header and reads CP949 when asked', async () => {
    const path = file('kr.csv', iconv.encode('사번,이름,부서\n1001,김철수\n', 'cp949'));
    const result = await preview({ path, encoding: 'cp949' });
    expect(result.problem).toBeNull();
    expect(result.encodingDetected).toBe(false);
    expect(result.columns).toEqual(['사번', '이름', '부서']);
    expect(result.rows).toEqual([['1001', '김철수', '']]);
  });

  it('refuses a 10 MB header line clearly, naming line 1, in a short message', async () => {
    const path = file('huge.csv', `employeeId,${'y'.repeat(10_000_000)}\nE1,x\n`);
    const result = await preview({ path });
    expect(result.columns).toEqual([]);
    expect(result.rows).toEqual([]);
    expect(result.problem).toMatchObject({ code: 'CsvRecordTooLarge', location: 'huge.csv:1' });
    expect(result.problem?.message).toContain('huge.csv:1');
    expect(result.problem?.message.length).toBeLessThan(400);
    // The file was opened: what was detected is still told.
    expect(result.encoding).toBe('utf8');
  });

  it('answers with a problem, not an error, for a missing file, a folder, an empty file and a workbook', async () => {
    const missing = await preview({ path: join(dir.path, 'nope.csv') });
    expect(missing.problem).toMatchObject({ code: 'CsvFileNotFound' });
    expect(missing.problem?.message).toContain('nope.csv');
    expect(missing.sizeBytes).toBeNull();

    expect((await preview({ path: dir.path })).problem?.code).toBe('CsvFileUnreadable');
    expect((await preview({ path: file('empty.csv', '') })).problem?.code).toBe('CsvEmpty');
    const xlsx = file('book.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect((await preview({ path: xlsx })).problem).toMatchObject({ code: 'CsvNotCsv' });
  });

  it('asks for a full path rather than reading relative to wherever Roster runs', async () => {
    const result = await preview({ path: 'hr.csv' });
    expect(result.problem).toMatchObject({ code: 'CsvPathRelative' });
  });

  it('refuses an unknown key and an out-of-range limit as invalid input', async () => {
    const typo = await app.dispatch('connections.csvPreview', { path: '/x.csv', delimter: ';' });
    expect(typo.ok).toBe(false);
    const big = await app.dispatch('connections.csvPreview', { path: '/x.csv', limit: 10_000 });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.error.code).toBe('invalidInput');
  });
});
