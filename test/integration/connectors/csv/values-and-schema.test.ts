import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDateTime, splitValues } from '../../../../src-main/connectors/csv/values';
import {
  byAnchor,
  expectReadStops,
  lines,
  readAll,
  source,
  tempDir,
  writeCsv,
  type TempDir,
} from './csv-test-kit';

describe('CSV values, status and schema', () => {
  let dir: TempDir;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  const typed = lines(
    'employeeId,displayName,level,remote,hireDate,lastLogin,proxyAddresses,note',
    'E1,Kim,3,yes,2024-03-01,2024-03-01T09:30:00+09:00,smtp:kim@a.example;SMTP:minjun@a.example,  padded  ',
    'E2,Lee,-12,FALSE,2023/12/31,2024-03-01 23:59:59Z,,',
    'E3,Park,,,,,"x@a.example; ;x@a.example;y@a.example",',
  );
  const typedOptions = {
    columnTypes: {
      level: 'Integer',
      remote: 'Boolean',
      hireDate: 'DateTime',
      lastLogin: 'DateTime',
    } as const,
    multiValuedColumns: ['proxyAddresses'],
  };

  it('types values per the options: Integer, Boolean, DateTime (as ISO 8601 UTC), multi-valued; empty is null', async () => {
    const path = writeCsv(dir, 'typed.csv', typed);
    const { users } = await readAll(source({ path, ...typedOptions }));
    expect(byAnchor(users, 'E1').attributes).toMatchObject({
      level: 3,
      remote: true,
      hireDate: '2024-03-01T00:00:00.000Z',
      lastLogin: '2024-03-01T00:30:00.000Z',
      proxyAddresses: ['smtp:kim@a.example', 'SMTP:minjun@a.example'],
      note: 'padded',
    });
    expect(byAnchor(users, 'E2').attributes).toMatchObject({
      level: -12,
      remote: false,
      hireDate: '2023-12-31T00:00:00.000Z',
      lastLogin: '2024-03-01T23:59:59.000Z',
      proxyAddresses: null,
      note: null,
    });
    // Every column is present; empty cells are null, never undefined or "".
    expect(byAnchor(users, 'E3').attributes).toEqual({
      employeeId: 'E3',
      displayName: 'Park',
      level: null,
      remote: null,
      hireDate: null,
      lastLogin: null,
      proxyAddresses: ['x@a.example', 'y@a.example'],
      note: null,
    });
  });

  it('refuses values that do not fit their type, naming row and column', async () => {
    const path = writeCsv(
      dir,
      'bad.csv',
      lines(
        'employeeId,level,remote,hireDate',
        'E1,3,yes,2024-02-29',
        'E2,3.5,maybe,2023-02-29',
        'E3,99999999999999999,no,2024-1-5',
      ),
    );
    const error = await expectReadStops(
      source({ path, columnTypes: { level: 'Integer', remote: 'Boolean', hireDate: 'DateTime' } }),
      'CsvInvalidValues',
    );
    expect(error.message).toBe(
      "4 values do not fit their column's type: " +
        'bad.csv:3 level: "3.5" is not a whole number; ' +
        'bad.csv:3 remote: "maybe" is not true or false (use true/false, yes/no or 1/0); ' +
        'bad.csv:3 hireDate: "2023-02-29" is not a date (use YYYY-MM-DD, optionally with a time such as 2024-03-01T09:00:00Z); ' +
        'bad.csv:4 level: "99999999999999999" is too large for a whole number.',
    );
    expect(error.info.location).toBe('bad.csv:3, bad.csv:4');
  });

  it('reads dates strictly: year first, real days only, zones applied', () => {
    expect(readDateTime('2024-1-5')).toEqual({ ok: true, value: '2024-01-05T00:00:00.000Z' });
    expect(readDateTime('2024.03.01')).toEqual({ ok: true, value: '2024-03-01T00:00:00.000Z' });
    expect(readDateTime('2024-03-01T00:15:00-0130')).toEqual({ ok: true, value: '2024-03-01T01:45:00.000Z' });
    expect(readDateTime('2024-03-01T09:00:00.123456Z')).toEqual({
      ok: true,
      value: '2024-03-01T09:00:00.123Z',
    });
    for (const bad of [
      '01/03/2024',
      '2024-02-30',
      '2024-03-01T24:00',
      '2024-03-01T10:00+25:00',
      'yesterday',
    ]) {
      expect(readDateTime(bad).ok, bad).toBe(false);
    }
  });

  it('splits multi-valued cells with trimming, no empties and no duplicates', () => {
    expect(splitValues(' a ; b;;a ; c ', ';')).toEqual(['a', 'b', 'c']);
    expect(splitValues('a|b', '|')).toEqual(['a', 'b']);
    expect(splitValues(' ; ', ';')).toEqual([]);
    expect(splitValues(' sales ', ';')).toEqual(['sales']);
    expect(splitValues('a;a', ';')).toEqual(['a']);
    expect(splitValues('', ';')).toEqual([]);
    // Past 16 values duplicates are dropped through a set, keeping the first occurrence's place.
    const many = Array.from({ length: 40 }, (_, i) => `g${i % 25}`);
    expect(splitValues(many.join(' ; '), ';')).toEqual(Array.from({ length: 25 }, (_, i) => `g${i}`));
    expect(splitValues(Array.from({ length: 20 }, (_, i) => `g${i}`).join(';'), ';')).toHaveLength(20);
  });

  it('flags disabled and soft-deleted rows from a status column, case-insensitively', async () => {
    const path = writeCsv(
      dir,
      'status.csv',
      lines(
        'employeeId,status',
        'E1,Active',
        'E2,terminated',
        'E3,Suspended',
        'E4,',
        'E5,On leave',
        'E6,LEFT',
      ),
    );
    const { users } = await readAll(
      source({ path, statusColumn: 'status', softDeletedValues: ['Terminated', 'Left'] }),
    );
    const flags = Object.fromEntries(users.map((u) => [u.anchor, [u.disabled, u.softDeleted]]));
    expect(flags).toEqual({
      E1: [false, false],
      E2: [false, true],
      E3: [true, false],
      E4: [false, false],
      E5: [false, false],
      E6: [false, true],
    });
  });

  it('can read a Boolean "enabled" column as the status', async () => {
    const path = writeCsv(dir, 'enabled.csv', lines('employeeId,accountEnabled', 'E1,true', 'E2,false'));
    const { users } = await readAll(
      source({
        path,
        statusColumn: 'accountEnabled',
        disabledValues: ['false'],
        columnTypes: { accountEnabled: 'Boolean' },
      }),
    );
    expect(byAnchor(users, 'E1').disabled).toBe(false);
    expect(byAnchor(users, 'E2').disabled).toBe(true);
    expect(byAnchor(users, 'E2').attributes['accountEnabled']).toBe(false);
  });

  describe('display names', () => {
    it('come from the display name column, else given name + surname (Korean order for Hangul), else the key', async () => {
      const path = writeCsv(
        dir,
        'names.csv',
        lines('id,firstName,lastName', '1,Minjun,Kim', '2,민준,김', '3,,Park', '4,,', '5,Élodie,Lefèvre'),
      );
      const { users } = await readAll(source({ path }));
      expect(users.map((u) => u.displayName)).toEqual([
        'Minjun Kim',
        '김민준',
        'Park',
        '4',
        'Élodie Lefèvre',
      ]);
      // The computed name is an attribute too, so a displayName mapping has a source.
      expect(byAnchor(users, '2').attributes['displayName']).toBe('김민준');
    });

    it('use a configured column, falling back when its cell is empty', async () => {
      const path = writeCsv(
        dir,
        'names.csv',
        lines('id,preferred,given,family', '1,Minnie,Minjun,Kim', '2,,Seoyeon,Lee'),
      );
      const { users } = await readAll(
        source({ path, displayNameColumn: 'preferred', givenNameColumn: 'given', surnameColumn: 'family' }),
      );
      expect(users.map((u) => u.displayName)).toEqual(['Minnie', 'Seoyeon Lee']);
    });
  });

  it('discovers the schema from the header: types, multi-valued, the manager reference, the group attributes', async () => {
    const path = writeCsv(
      dir,
      'hr.csv',
      lines('employeeId,givenName,surname,level,manager,groups,aliases', 'E1,a,b,1,,,'),
    );
    const schema = await source({
      path,
      managerColumn: 'manager',
      groupsColumn: 'groups',
      multiValuedColumns: ['aliases'],
      columnTypes: { level: 'Integer' },
    }).discoverSchema();
    expect(schema).toEqual([
      { objectType: 'User', name: 'employeeId', type: 'String', multiValued: false },
      { objectType: 'User', name: 'givenName', type: 'String', multiValued: false },
      { objectType: 'User', name: 'surname', type: 'String', multiValued: false },
      { objectType: 'User', name: 'level', type: 'Integer', multiValued: false },
      {
        objectType: 'User',
        name: 'manager',
        type: 'Reference',
        multiValued: false,
        referencedObject: 'User',
      },
      { objectType: 'User', name: 'groups', type: 'String', multiValued: true },
      { objectType: 'User', name: 'aliases', type: 'String', multiValued: true },
      { objectType: 'User', name: 'displayName', type: 'String', multiValued: false },
      { objectType: 'Group', name: 'displayName', type: 'String', multiValued: false },
      { objectType: 'Group', name: 'objectId', type: 'String', multiValued: false },
      {
        objectType: 'Group',
        name: 'members',
        type: 'Reference',
        multiValued: true,
        referencedObject: 'User',
      },
    ]);
  });

  it('discovers a header-only file (a template) without needing rows', async () => {
    const path = writeCsv(dir, 'template.csv', 'employeeId,mail\r\n');
    const schema = await source({ path }).discoverSchema();
    expect(schema.map((a) => a.name)).toEqual(['employeeId', 'mail', 'displayName']);
  });

  it('declares its capabilities: no delta, groups only when configured, no nested groups', () => {
    expect(source({ path: '/x.csv' }).capabilities).toEqual({
      delta: false,
      groups: false,
      nestedGroups: false,
    });
    expect(source({ path: '/x.csv', groupsColumn: 'groups' }).capabilities.groups).toBe(true);
    expect(source({ path: '/x.csv', membershipsFile: { path: '/m.csv' } }).capabilities.groups).toBe(true);
  });

  it('tests the connection with the facts an admin needs', async () => {
    const path = writeCsv(dir, 'hr.csv', typed, 'utf8bom');
    const result = await source({ path, ...typedOptions, groupsColumn: 'note' }).testConnection();
    expect(result).toMatchObject({
      ok: true,
      summary: 'hr.csv: 3 rows, 8 columns, UTF-8 with BOM, comma-separated.',
    });
    expect(result.details).toEqual([
      { label: 'File', labelCode: 'file', value: path },
      {
        label: 'Encoding',
        labelCode: 'encoding',
        value: 'UTF-8 with BOM (detected)',
        valueCode: 'detected',
        valueParams: { value: 'UTF-8 with BOM' },
      },
      {
        label: 'Delimiter',
        labelCode: 'delimiter',
        value: 'comma (detected)',
        valueCode: 'detected',
        valueParams: { value: 'comma' },
      },
      {
        label: 'Columns',
        labelCode: 'columns',
        value: '8: employeeId, displayName, level, remote, hireDate, lastLogin, proxyAddresses, note',
      },
      {
        label: 'Key column',
        labelCode: 'keyColumn',
        value: 'employeeId (recognised by its name)',
        valueCode: 'keyRecognised',
        valueParams: { value: 'employeeId' },
      },
      { label: 'Rows', labelCode: 'rows', value: '3' },
      { label: 'Groups', labelCode: 'groups', value: '1' },
      { label: 'Warnings', labelCode: 'warnings', value: '0' },
    ]);
    // The same summary under a code, for the app in Korean.
    expect(result).toMatchObject({
      summaryCode: 'csvRead',
      summaryParams: {
        file: 'hr.csv',
        rows: '3',
        columns: '8',
        encoding: 'UTF-8 with BOM',
        delimiter: 'comma',
      },
    });
  });

  it('tests not ok with the reason and what it learned on the way', async () => {
    const path = writeCsv(dir, 'hr.csv', lines('employeeId,name', 'E1,Kim', 'E1,Lee'));
    const result = await source({ path }).testConnection();
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('CsvDuplicateKeys');
    expect(result.summary).toContain('hr.csv:2 and hr.csv:3 both have employeeId "E1"');
    expect(result.details.map((d) => d.label)).toEqual([
      'File',
      'Encoding',
      'Delimiter',
      'Columns',
      'Key column',
    ]);
  });
});
