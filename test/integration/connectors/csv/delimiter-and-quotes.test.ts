import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectDelimiter, fieldCounts } from '../../../../src-main/connectors/csv/delimiter';
import { byAnchor, readAll, source, tempDir, writeCsv, type TempDir } from './csv-test-kit';

describe('CSV delimiters and quoting', () => {
  let dir: TempDir;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  const table = [
    ['employeeId', 'displayName', 'department'],
    ['E1', 'Kim Minjun', 'R&D'],
    ['E2', 'Lee Seoyeon', 'Sales'],
  ];
  for (const [delimiter, label] of [
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
  ] as const) {
    it(`detects ${label}-separated files`, async () => {
      const path = writeCsv(dir, `${label}.csv`, table.map((r) => r.join(delimiter)).join('\r\n') + '\r\n');
      const connector = source({ path });
      const test = await connector.testConnection();
      expect(test.details.find((d) => d.label === 'Delimiter')?.value).toBe(`${label} (detected)`);
      const { users } = await readAll(connector);
      expect(byAnchor(users, 'E1').attributes['department']).toBe('R&D');
      expect(users).toHaveLength(2);
    });
  }

  it('is not fooled by commas inside the values of a semicolon file', () => {
    const text = 'id;name;title\n1;Kim, Minjun;Engineer\n2;Lee, Seoyeon;Director, Sales\n3;Park;CEO\n';
    expect(detectDelimiter(text, true)).toBe(';');
  });

  it('is not fooled by semicolon-separated groups in a comma file', () => {
    const text = 'id,name,groups\n1,Kim,Sales;Project Atlas\n2,Lee,Sales\n';
    expect(detectDelimiter(text, true)).toBe(',');
  });

  it('counts fields the way the parser does: delimiters and line breaks inside quotes do not split', () => {
    const text = 'a,b,c\n1,"x,y",2\n3,"multi\nline, text",4\n5,"say ""hi"", ok",6\n';
    expect(fieldCounts(text, ',', 50, true)).toEqual([3, 3, 3, 3]);
    expect(detectDelimiter(text, true)).toBe(',');
  });

  it('falls back to comma for a single-column file', () => {
    expect(detectDelimiter('employeeId\nE1\nE2\n', true)).toBe(',');
  });

  it('honours a forced delimiter over detection', async () => {
    // Detection would pick the comma (more columns); the admin says semicolon.
    const path = writeCsv(dir, 'forced.csv', 'employeeId;note\nE1;a,b,c\nE2;d,e,f\n');
    const { users } = await readAll(source({ path, delimiter: ';' }));
    expect(byAnchor(users, 'E1').attributes['note']).toBe('a,b,c');
    const test = await source({ path, delimiter: ';' }).testConnection();
    expect(test.details.find((d) => d.label === 'Delimiter')?.value).toBe('semicolon (as set)');
  });

  it('reads quoted values with delimiters, doubled quotes and line breaks, and names rows by their first line', async () => {
    const path = writeCsv(
      dir,
      'quotes.csv',
      [
        'employeeId,displayName,address,note',
        'E1,"Kim, Minjun","12 Teheran-ro\r\nGangnam-gu\r\nSeoul",plain',
        'E2,"O""Brien, Aoife","1 Main St",""',
        '',
        'E3,Park,"a ""quoted"" word","x,y"',
      ].join('\r\n') + '\r\n',
    );
    const { users } = await readAll(source({ path }));
    const e1 = byAnchor(users, 'E1');
    expect(e1.displayName).toBe('Kim, Minjun');
    expect(e1.attributes['address']).toBe('12 Teheran-ro\r\nGangnam-gu\r\nSeoul');
    expect(e1.origin).toBe('quotes.csv:2');
    const e2 = byAnchor(users, 'E2');
    expect(e2.displayName).toBe('O"Brien, Aoife');
    expect(e2.attributes['note']).toBeNull();
    expect(e2.origin).toBe('quotes.csv:5');
    const e3 = byAnchor(users, 'E3');
    expect(e3.attributes['address']).toBe('a "quoted" word');
    expect(e3.attributes['note']).toBe('x,y');
    // Blank line 6 is skipped but counted, as an editor counts it.
    expect(e3.origin).toBe('quotes.csv:7');
  });

  it('reads the quoting fixture from test/fixtures/csv', async () => {
    const path = new URL('../../../fixtures/csv/quoting.csv', import.meta.url).pathname;
    const { users } = await readAll(source({ path }));
    expect(users.map((u) => u.anchor)).toEqual(['E100', 'E101', 'E102', 'E103']);
    expect(byAnchor(users, 'E101').attributes['jobTitle']).toBe('Director, "Special" Projects');
    expect(byAnchor(users, 'E102').attributes['address']).toBe('Karl-Marx-Allee 1\n10178 Berlin');
    expect(byAnchor(users, 'E103').origin).toBe('quoting.csv:7');
  });

  it('skips blank rows and rows of empty fields, which spreadsheets leave at the end', async () => {
    const path = writeCsv(dir, 'blank.csv', 'employeeId,displayName\nE1,Kim\n\n,\n  ,  \nE2,Lee\n,\n,\n');
    const { users } = await readAll(source({ path }));
    expect(users.map((u) => u.anchor)).toEqual(['E1', 'E2']);
    expect(byAnchor(users, 'E2').origin).toBe('blank.csv:6');
  });
});
