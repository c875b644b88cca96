import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError, type SourceObject } from '../../../../src-main/connectors/connector';
import { createCsvSource } from '../../../../src-main/connectors/csv/csv-source';
import { csvSourceOptionsSchema } from '../../../../src-main/connectors/csv/csv-options';
import { fileError } from '../../../../src-main/connectors/csv/file-access';
import { prepareSource } from '../../../../src-main/connectors/csv/prepare';
import { validateSource } from '../../../../src-main/connectors/csv/validate-source';
import { expectReadStops, expectStop, lines, source, tempDir, writeCsv, type TempDir } from './csv-test-kit';

function people(
  count: number,
  row: (i: number) => string = (i) => `E${1000 + i},Person ${i},Sales`,
): string[] {
  return Array.from({ length: count }, (_, i) => row(i));
}

describe('CSV errors stop the cycle and name the file and rows', () => {
  let dir: TempDir;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  describe('the file itself', () => {
    it('is missing', async () => {
      const path = join(dir.path, 'missing.csv');
      const error = await expectReadStops(source({ path }), 'CsvFileNotFound');
      expect(error.message).toBe(
        `The file ${path} does not exist. Check the path in the connection settings, and that the export ran.`,
      );
      expect(error.info.location).toBe('missing.csv');
      const test = await source({ path }).testConnection();
      expect(test).toMatchObject({ ok: false, error: { code: 'CsvFileNotFound' } });
    });

    it('is not readable (permission denied) — the message says what to do', () => {
      const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      const error = fileError('/srv/hr/hr.csv', denied);
      expect(error).toMatchObject({ errorClass: 'stopCycle', code: 'CsvFileUnreadable' });
      expect(error.message).toBe(
        'Roster is not allowed to read /srv/hr/hr.csv (permission denied). Give the account that runs Roster read access to the file.',
      );
      expect(error.info.location).toBe('hr.csv');
    });

    it('is not readable by this process (a real chmod 000 when not running as root, else a folder)', async () => {
      const isRoot = process.getuid?.() === 0;
      if (isRoot) {
        // Root reads any file, so the real-file check uses another unreadable path: a folder.
        const path = join(dir.path, 'export.csv');
        mkdirSync(path);
        const error = await expectReadStops(source({ path }), 'CsvFileUnreadable');
        expect(error.message).toContain('is a folder, not a file');
      } else {
        const path = writeCsv(dir, 'locked.csv', lines('employeeId', 'E1'));
        const { chmodSync } = await import('node:fs');
        chmodSync(path, 0o000);
        const error = await expectReadStops(source({ path }), 'CsvFileUnreadable');
        expect(error.message).toContain('permission denied');
        chmodSync(path, 0o600);
      }
    });

    it('is empty: 0 bytes, a BOM only, or only blank lines', async () => {
      const zero = writeCsv(dir, 'zero.csv', '');
      const e1 = await expectReadStops(source({ path: zero }), 'CsvEmpty');
      expect(e1.message).toBe(
        'zero.csv is empty (0 bytes). Roster stops here rather than treat everyone as deleted; check the export that writes this file.',
      );
      await expectReadStops(source({ path: writeCsv(dir, 'bom.csv', '', 'utf8bom') }), 'CsvEmpty');
      await expectReadStops(source({ path: writeCsv(dir, 'blank.csv', '\r\n\r\n  \n') }), 'CsvEmpty');
    });

    it('has a header but no rows', async () => {
      const path = writeCsv(dir, 'hr.csv', lines('employeeId,displayName', '', ','));
      const error = await expectReadStops(source({ path }), 'CsvNoRows');
      expect(error.message).toBe(
        'hr.csv has a header but no rows. Roster stops here rather than treat everyone as deleted; check the export that writes this file.',
      );
      expect(error.info.location).toBe('hr.csv:2');
      const test = await source({ path }).testConnection();
      expect(test.ok).toBe(false);
      expect(test.summary).toContain('has a header but no rows');
    });
  });

  describe('truncation', () => {
    it('a last line without a line break that has fewer fields than the header', async () => {
      const path = writeCsv(
        dir,
        'hr.csv',
        'employeeId,displayName,department\nE1,Kim,Sales\nE2,Lee,Sales\nE3,Pa',
      );
      const error = await expectReadStops(source({ path }), 'CsvTruncated');
      expect(error.message).toBe(
        'hr.csv:4 is cut off: it has 2 of the 3 fields and the file ends without a line break, so the export was probably interrupted. Export the file again.',
      );
      expect(error.info.location).toBe('hr.csv:4');
    });

    it('is not claimed for a complete last line without a line break', async () => {
      const path = writeCsv(dir, 'hr.csv', 'employeeId,displayName\nE1,Kim\nE2,Lee');
      const read = await source({ path }).read({
        objectTypes: ['User'],
        since: null,
        signal: new AbortController().signal,
      });
      const users: SourceObject[] = [];
      for await (const page of read.pages) users.push(...page);
      expect(users.map((u) => u.anchor)).toEqual(['E1', 'E2']);
    });

    it('an unterminated quote at the end of the file', async () => {
      const path = writeCsv(
        dir,
        'hr.csv',
        'employeeId,displayName,note\nE1,Kim,ok\n\nE2,Lee,"this note never\nends',
      );
      const error = await expectReadStops(source({ path }), 'CsvTruncated');
      expect(error.info.location).toBe('hr.csv:4');
      expect(error.message).toContain('hr.csv:4 opens a quoted value that is never closed');
    });
  });

  it('rows with a different number of fields are all named', async () => {
    const path = writeCsv(
      dir,
      'hr.csv',
      lines(
        'employeeId,displayName,department',
        'E1,Kim,Sales',
        'E2,Lee, Seoyeon,Sales',
        'E3,Park,Sales',
        'E4,Choi',
        'E5,Jung,Sales',
      ),
    );
    const error = await expectReadStops(source({ path }), 'CsvFieldCount');
    expect(error.message).toBe(
      '2 rows have a different number of fields than the header (3): hr.csv:3 (4 fields), hr.csv:5 (2 fields). A value probably contains the delimiter without quotes around it.',
    );
    expect(error.info.location).toBe('hr.csv:3, hr.csv:5');
  });

  describe('keys', () => {
    it('duplicate keys: every duplicate with its rows, before anything is read', async () => {
      const rows = people(45, (i) => `P${i},Person ${i},Sales`);
      rows[10] = 'E1001,Kim Minjun,Sales'; // line 12
      rows[38] = 'E1001,Kim Min-jun,Sales'; // line 40
      rows[20] = 'E2000,Lee,Sales'; // line 22
      rows[21] = 'E2000,Lee,Sales'; // line 23
      rows[30] = 'E2000,Lee,Sales'; // line 32
      const path = writeCsv(dir, 'hr.csv', lines('employeeId,displayName,department', ...rows));
      const error = await expectReadStops(source({ path }), 'CsvDuplicateKeys');
      expect(error.message).toBe(
        'Each row needs its own employeeId, but 2 values appear more than once: ' +
          'hr.csv:12 and hr.csv:40 both have employeeId "E1001"; ' +
          'hr.csv:22, hr.csv:23 and hr.csv:32 all have employeeId "E2000". ' +
          'Two rows with one key would be provisioned as one account; fix the file before Roster reads it.',
      );
      expect(error.info.location).toBe('hr.csv:12, hr.csv:40, hr.csv:22, hr.csv:23, hr.csv:32');
    });

    it('a duplicate on the very last row of a large file still stops the read before the first page', async () => {
      const rows = people(5000);
      rows.push('E1000,Again,Sales');
      const path = writeCsv(dir, 'hr.csv', lines('employeeId,displayName,department', ...rows));
      const error = await expectReadStops(source({ path, pageSize: 10 }), 'CsvDuplicateKeys');
      expect(error.message).toContain('hr.csv:2 and hr.csv:5002 both have employeeId "E1000"');
    });

    it('missing keys name their rows', async () => {
      const path = writeCsv(
        dir,
        'hr.csv',
        lines('employeeId,displayName', 'E1,Kim', ',Lee', 'E3,Park', '  ,Choi'),
      );
      const error = await expectReadStops(source({ path }), 'CsvMissingKeys');
      expect(error.message).toBe(
        '2 rows have no employeeId: hr.csv:3 and hr.csv:5. Every row needs one; Roster cannot tell whose account such a row is.',
      );
      expect(error.info.location).toBe('hr.csv:3, hr.csv:5');
    });

    it('a configured key column that is not in the header: the headers found and the closest one', async () => {
      const path = writeCsv(dir, 'hr.csv', lines('employeeId,givenName,surname', 'E1,Minjun,Kim'));
      const error = await expectReadStops(source({ path, keyColumn: 'employeId' }), 'CsvColumnMissing');
      expect(error.message).toBe(
        'hr.csv:1 has no column "employeId" (the key column). Columns found: "employeeId", "givenName", "surname". Did you mean "employeeId"?',
      );
      expect(error.info.location).toBe('hr.csv:1');
    });

    it('no key column configured and none recognisable: asks for one', async () => {
      const path = writeCsv(dir, 'hr.csv', lines('mail,givenName', 'a@x.example,Minjun'));
      const error = await expectReadStops(source({ path }), 'CsvKeyColumnUnknown');
      expect(error.message).toBe(
        'Choose the key column of hr.csv: the column with each person\'s permanent id (such as employeeId). None of its columns looks like one: "mail", "givenName".',
      );
    });

    it('no key column configured and several candidates: asks which', async () => {
      const path = writeCsv(dir, 'hr.csv', lines('id,Employee ID,name', '1,E1,Kim'));
      const error = await expectReadStops(source({ path }), 'CsvKeyColumnUnknown');
      expect(error.message).toContain('several columns could be the permanent id ("id", "Employee ID")');
      // Configured, it reads.
      const read = await source({ path, keyColumn: 'Employee ID' }).read({
        objectTypes: ['User'],
        since: null,
        signal: new AbortController().signal,
      });
      expect(read.expectedCount).toBe(1);
    });

    it('recognises a Korean key column name (사번)', async () => {
      const path = writeCsv(dir, 'hr.csv', lines('사번,이름', 'K001,김민준'));
      const test = await source({ path }).testConnection();
      expect(test.ok, test.summary).toBe(true);
      expect(test.details.find((d) => d.label === 'Key column')?.value).toBe('사번 (recognised by its name)');
    });
  });

  describe('the header', () => {
    it('columns without a name, or named twice (ignoring case)', async () => {
      const path = writeCsv(dir, 'hr.csv', lines('employeeId,,mail,Mail', 'E1,x,a,b'));
      const error = await expectReadStops(source({ path }), 'CsvHeaderInvalid');
      expect(error.message).toBe(
        '2 problems must be fixed before Roster can use this file:\n' +
          '• hr.csv:1: column 2 of the header has no name. Every column needs a name, because it becomes an attribute.\n' +
          '• hr.csv:1: the header names a column more than once ("mail" and "Mail"; names are compared ignoring case). Rename one of them.',
      );
    });

    it('refuses a column named __proto__ (attribute objects are keyed by column name)', async () => {
      const path = writeCsv(dir, 'hr.csv', lines('employeeId,__proto__', 'E1,x'));
      const error = await expectReadStops(source({ path }), 'CsvHeaderInvalid');
      expect(error.message).toBe('hr.csv:1: "__proto__" cannot be a column name. Rename that column.');
    });

    it('every configured column that is missing is listed', async () => {
      const path = writeCsv(dir, 'hr.csv', lines('employeeId,manager,status', 'E1,,Active'));
      const error = await expectReadStops(
        source({
          path,
          managerColumn: 'managerId',
          groupsColumn: 'groups',
          columnTypes: { hireDate: 'DateTime' },
        }),
        'CsvColumnMissing',
      );
      expect(error.message).toContain('hr.csv:1 has no column "managerId" (the manager column)');
      expect(error.message).toContain('Did you mean "manager"?');
      expect(error.message).toContain('hr.csv:1 has no column "groups" (the groups column)');
      expect(error.message).toContain('hr.csv:1 has no column "hireDate" (typed DateTime)');
    });
  });

  describe('malformed CSV', () => {
    it('a quote inside an unquoted value', async () => {
      const path = writeCsv(
        dir,
        'hr.csv',
        lines('employeeId,displayName', 'E1,Kim', 'E2,Dwayne "The Rock" Johnson'),
      );
      const error = await expectReadStops(source({ path }), 'CsvMalformed');
      expect(error.info.location).toBe('hr.csv:3');
      expect(error.message).toContain('hr.csv:3 has a quote (") inside a value that is not quoted');
    });

    it('text after a closing quote', async () => {
      const path = writeCsv(dir, 'hr.csv', lines('employeeId,displayName', 'E1,Kim', '', 'E2,"Kim" Jr'));
      const error = await expectReadStops(source({ path }), 'CsvMalformed');
      expect(error.info.location).toBe('hr.csv:4');
    });

    it('a row far longer than any real row (a stray quote swallowing the file)', async () => {
      const path = writeCsv(dir, 'hr.csv', `employeeId,note\nE1,ok\nE2,"${'x'.repeat(5000)}\n`);
      const error = await expectReadStops(source({ path, maxRecordChars: 1000 }), 'CsvRecordTooLarge');
      expect(error.info.location).toBe('hr.csv:3');
    });
  });

  it('reports every kind of problem together, the first deciding the code', async () => {
    const path = writeCsv(
      dir,
      'hr.csv',
      lines(
        'employeeId,displayName,hireDate',
        'E1,Kim,2024-01-02',
        'E1,Lee,2024-13-01',
        ',Park,',
        'E4,Choi,01/02/2024',
      ),
    );
    const error = await expectReadStops(
      source({ path, columnTypes: { hireDate: 'DateTime' } }),
      'CsvDuplicateKeys',
    );
    expect(error.message.split('\n')).toEqual([
      '3 problems must be fixed before Roster can use this file:',
      '• Each row needs its own employeeId, but 1 value appears more than once: hr.csv:2 and hr.csv:3 both have employeeId "E1". Two rows with one key would be provisioned as one account; fix the file before Roster reads it.',
      '• 1 row has no employeeId: hr.csv:4. Every row needs one; Roster cannot tell whose account such a row is.',
      '• 2 values do not fit their column\'s type: hr.csv:3 hireDate: "2024-13-01" is not a date (use YYYY-MM-DD, optionally with a time such as 2024-03-01T09:00:00Z); hr.csv:5 hireDate: "01/02/2024" is not a date (use YYYY-MM-DD, optionally with a time such as 2024-03-01T09:00:00Z).',
    ]);
    expect(error.info.location).toBe('hr.csv:2, hr.csv:3, hr.csv:4, hr.csv:3, hr.csv:5');
  });

  it('refuses invalid settings when the connector is created', () => {
    let caught: unknown;
    try {
      createCsvSource({ path: '/x.csv', pageSize: 0, softDeletedValues: ['Disabled'] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConnectorError);
    expect(caught).toMatchObject({ errorClass: 'stopCycle', code: 'CsvSettingsInvalid' });
    expect((caught as Error).message).toContain('pageSize');
    expect((caught as Error).message).toContain(
      '"Disabled" is listed both as a disabled and as a soft-deleted status',
    );
  });

  describe('a file that changes between the validating pass and the reading pass', () => {
    const original = lines('employeeId,displayName', ...people(30, (i) => `E${i},Person ${i}`));

    it('fails the read when the size or time changed before the pages start', async () => {
      const path = writeCsv(dir, 'hr.csv', original);
      const read = await source({ path, pageSize: 10 }).read({
        objectTypes: ['User'],
        since: null,
        signal: new AbortController().signal,
      });
      writeFileSync(path, original.replace('Person 5', 'Changed 5 and longer'));
      await expectStop(
        (async () => {
          for await (const page of read.pages) void page;
        })(),
        'CsvSourceChanged',
      );
    });

    it('fails the read before its last page when the bytes changed though size and time did not', async () => {
      const path = writeCsv(dir, 'hr.csv', original);
      const { mtime, atime } = statSync(path);
      const read = await source({ path, pageSize: 10 }).read({
        objectTypes: ['User'],
        since: null,
        signal: new AbortController().signal,
      });
      writeFileSync(path, original.replace('Person 5', 'Persoo 5'));
      utimesSync(path, atime, mtime);
      const pages: SourceObject[][] = [];
      const error = await expectStop(
        (async () => {
          for await (const page of read.pages) pages.push(page);
        })(),
        'CsvSourceChanged',
      );
      expect(error.message).toContain('hr.csv changed while Roster was reading it');
      // 30 users in pages of 10: the third (last) page is never handed out.
      expect(pages.length).toBeLessThan(3);
    });
  });

  describe('a file that changes while Roster reads it in one pass (a caller that keeps every object)', () => {
    const original = lines('employeeId,displayName', ...people(30, (i) => `E${i},Person ${i}`));

    it('fails the read when the file was rewritten after it was sniffed and before the pass ended', async () => {
      const path = writeCsv(dir, 'hr.csv', original);
      const options = csvSourceOptionsSchema.parse({ path, pageSize: 10 });
      const prepared = await prepareSource(options);
      // The export rewrites the file in place while the pass runs: it now reads a different file.
      writeFileSync(path, original.replace('Person 5', 'Changed 5 and longer'));
      await expectStop(validateSource(prepared, options, false, undefined, true), 'CsvSourceChanged');
    });

    it('fails the read when only the time moved, though the size stayed the same', async () => {
      const path = writeCsv(dir, 'hr.csv', original);
      const options = csvSourceOptionsSchema.parse({ path, pageSize: 10 });
      const prepared = await prepareSource(options);
      writeFileSync(path, original.replace('Person 5', 'Persoo 5'));
      const { atime, mtime } = statSync(path);
      utimesSync(path, atime, new Date(mtime.getTime() + 5000));
      const error = await expectStop(
        validateSource(prepared, options, false, undefined, true),
        'CsvSourceChanged',
      );
      expect(error.message).toContain('hr.csv changed while Roster was reading it');
    });

    it('hands a caller that keeps everything the objects as checked, whatever happens to the file after', async () => {
      const path = writeCsv(dir, 'hr.csv', original);
      const read = await source({ path, pageSize: 10 }).read({
        objectTypes: ['User'],
        since: null,
        signal: new AbortController().signal,
        keepsAll: true,
      });
      writeFileSync(path, original.replace('Person 5', 'Changed 5 and longer'));
      const pages: SourceObject[][] = [];
      for await (const page of read.pages) pages.push(page);
      expect(pages.map((p) => p.length)).toEqual([10, 10, 10]);
      expect(pages.flat().find((u) => u.anchor === 'E5')?.displayName).toBe('Person 5');
    });
  });
});
