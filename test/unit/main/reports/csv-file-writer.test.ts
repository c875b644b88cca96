import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CsvFileWriter,
  JsonArrayFileWriter,
  type CsvValue,
} from '../../../../src-main/reports/csv-file-writer';
import { makeTempDirFor } from '../../../peers/temp';

const hostile: CsvValue[] = [
  'plain',
  'Sales, Seoul',
  'say "hi"',
  'two\nlines',
  'carriage\rreturn',
  'crlf\r\nend',
  '',
  null,
  undefined,
  0,
  -12.5,
  '한국어 이름',
  ' padded ',
  '"',
  ',',
];

describe('CsvFileWriter', () => {
  let dir: ReturnType<typeof makeTempDirFor>;
  beforeEach(() => (dir = makeTempDirFor('roster-csv-writer-')));
  afterEach(() => dir.remove());

  it('quotes by RFC 4180 (delimiters, quotes, any line break), with CRLF rows, a header and a BOM', async () => {
    const path = join(dir.path, 'a.csv');
    const writer = new CsvFileWriter(path, ['value', 'n'], { bom: true });
    for (let i = 0; i < hostile.length; i++) await writer.write({ value: hostile[i], n: i });
    await writer.close();
    expect(readFileSync(path, 'utf8')).toBe(
      [
        '\uFEFFvalue,n',
        'plain,0',
        '"Sales, Seoul",1',
        '"say ""hi""",2',
        '"two\nlines",3',
        '"carriage\rreturn",4',
        '"crlf\r\nend",5',
        ',6',
        ',7',
        ',8',
        '0,9',
        '-12.5,10',
        '한국어 이름,11',
        ' padded ,12',
        '"""",13',
        '",",14',
        '',
      ].join('\r\n'),
    );
    expect(writer.rows).toBe(hostile.length);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('reads back with a CSV parser to the same cells', async () => {
    const path = join(dir.path, 'round.csv');
    const writer = new CsvFileWriter(path, ['value'], { bom: false });
    const texts = hostile.filter((v): v is string => typeof v === 'string');
    for (const text of texts) writer.add([text]);
    await writer.close();
    const records = parse<{ value: string }>(readFileSync(path, 'utf8'), {
      columns: true,
      record_delimiter: '\r\n',
    });
    expect(records.map((r) => r.value)).toEqual(texts);
  });

  it('puts an apostrophe before text a spreadsheet would run as a formula, only when asked', async () => {
    const path = join(dir.path, 'f.csv');
    const writer = new CsvFileWriter(path, ['v'], { bom: false, escapeFormulas: true });
    for (const value of ['=1+2', '+SUM(A1)', '-cmd', '@x', '\tlead', '\rx', '＝1', 'safe=1', -3])
      writer.add([value]);
    await writer.close();
    expect(readFileSync(path, 'utf8').split('\r\n')).toEqual([
      'v',
      "'=1+2",
      "'+SUM(A1)",
      "'-cmd",
      "'@x",
      "'\tlead",
      `"'\rx"`,
      "'＝1",
      'safe=1',
      '-3',
      '',
    ]);

    const plain = join(dir.path, 'p.csv');
    const unescaped = new CsvFileWriter(plain, ['v'], { bom: false });
    unescaped.add(['=1+2']);
    await unescaped.close();
    expect(readFileSync(plain, 'utf8')).toBe('v\r\n=1+2\r\n');
  });

  it('keeps every row through many chunks, awaiting only when add() says a chunk is ready', async () => {
    const path = join(dir.path, 'big.csv');
    const writer = new CsvFileWriter(path, ['n', 'text'], { bom: false });
    let flushes = 0;
    for (let n = 0; n < 50_000; n++) {
      if (writer.add([n, `row "${n}", with a comma`])) {
        flushes++;
        await writer.flush();
      }
    }
    await writer.close();
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines).toHaveLength(50_002);
    expect(lines[1]).toBe('0,"row ""0"", with a comma"');
    expect(lines[50_000]).toBe('49999,"row ""49999"", with a comma"');
    expect(flushes).toBeGreaterThan(10);
    expect(flushes).toBeLessThan(1000);
  });

  it('writes runs of ready-made lines, as text or as UTF-8 bytes, in the order they came, counting their rows', async () => {
    const path = join(dir.path, 'lines.csv');
    const writer = new CsvFileWriter(path, ['n', 'name'], { bom: true });
    const runs: (string | Buffer)[] = [];
    for (let run = 0; run < 300; run++) {
      const text = Array.from({ length: 50 }, (_, i) => `${run * 50 + i},박민지 "${run}"\r\n`).join('');
      // Every third run arrives as bytes (what SQLite joins), the others as text built in JS.
      runs.push(run % 3 ? text : Buffer.from(text, 'utf8'));
    }
    let flushes = 0;
    for (const run of runs)
      if (writer.addLines(run, 50)) {
        flushes++;
        await writer.flush();
      }
    writer.addLine('15000,last\r\n');
    await writer.close();
    expect(writer.rows).toBe(15_001);
    expect(flushes).toBeGreaterThan(10);
    const written = readFileSync(path);
    const expected = Buffer.concat([
      Buffer.from('\uFEFFn,name\r\n', 'utf8'),
      ...runs.map((run) => (typeof run === 'string' ? Buffer.from(run, 'utf8') : run)),
      Buffer.from('15000,last\r\n', 'utf8'),
    ]);
    expect(written.equals(expected)).toBe(true);
  });

  it('rejects with the file error instead of crashing when the file cannot be written', async () => {
    const writer = new CsvFileWriter(join(dir.path, 'no-such-folder', 'x.csv'), ['v'], { bom: false });
    writer.add(['a']);
    await expect(writer.close()).rejects.toThrow(/ENOENT/);
  });
});

describe('JsonArrayFileWriter', () => {
  let dir: ReturnType<typeof makeTempDirFor>;
  beforeEach(() => (dir = makeTempDirFor('roster-json-writer-')));
  afterEach(() => dir.remove());

  it('writes a JSON array that parses back to the values, empty or across many chunks', async () => {
    const empty = join(dir.path, 'empty.json');
    await new JsonArrayFileWriter(empty).close();
    expect(JSON.parse(readFileSync(empty, 'utf8'))).toEqual([]);

    const path = join(dir.path, 'many.json');
    const writer = new JsonArrayFileWriter(path);
    const values = Array.from({ length: 5000 }, (_, i) => ({ i, text: `"${i}"\n, 한` }));
    for (const value of values) if (writer.add(value)) await writer.flush();
    await writer.close();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(values);
    expect(writer.rows).toBe(5000);
  });
});
