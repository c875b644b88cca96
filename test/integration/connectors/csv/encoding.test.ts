import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../../src-main/connectors/connector';
import {
  chooseLegacyEncoding,
  detectEncoding,
  legacyByteStats,
} from '../../../../src-main/connectors/csv/encoding';
import {
  byAnchor,
  encode,
  expectReadStops,
  expectStop,
  lines,
  readAll,
  source,
  tempDir,
  writeCsv,
  type FileEncoding,
  type TempDir,
} from './csv-test-kit';

const korean = lines(
  'employeeId,displayName,department',
  'E1,김민준,개발팀',
  'E2,이서연,"인사팀, 채용"',
  'E3,박지호,영업',
  'E4,최하은,재무',
);
const accented = lines(
  'employeeId,displayName,office',
  'E1,Élodie Lefèvre,Paris',
  'E2,José Núñez,Madrid',
  'E3,Jürgen Müller,Köln',
  'E4,Søren Ødegård,Tromsø',
  'E5,François Garçon,Besançon',
);
const mixed = lines(
  'employeeId,displayName',
  'E1,김민준',
  'E2,Élodie Lefèvre',
  'E3,Łukasz Wójcik',
  'E4,Zoë 🚀 Smith',
);

function detect(text: string, encoding: FileEncoding): string {
  return detectEncoding(encode(text, encoding), { forced: 'auto', fileName: 'x.csv' }).encoding;
}

describe('CSV encodings', () => {
  let dir: TempDir;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  const cases: { encoding: FileEncoding; text: string; expected: string; names: string[] }[] = [
    {
      encoding: 'utf8',
      text: mixed,
      expected: 'UTF-8 without BOM',
      names: ['김민준', 'Łukasz Wójcik', 'Zoë 🚀 Smith'],
    },
    { encoding: 'utf8bom', text: mixed, expected: 'UTF-8 with BOM', names: ['김민준', 'Élodie Lefèvre'] },
    { encoding: 'utf16le', text: mixed, expected: 'UTF-16 LE with BOM', names: ['김민준', 'Zoë 🚀 Smith'] },
    { encoding: 'utf16be', text: mixed, expected: 'UTF-16 BE with BOM', names: ['김민준', 'Łukasz Wójcik'] },
    {
      encoding: 'cp949',
      text: korean,
      expected: 'CP949 (Korean, EUC-KR)',
      names: ['김민준', '이서연', '최하은'],
    },
    {
      encoding: 'windows1252',
      text: accented,
      expected: 'Windows-1252 (Western European)',
      names: ['Élodie Lefèvre', 'José Núñez', 'Jürgen Müller', 'Søren Ødegård', 'François Garçon'],
    },
  ];
  for (const c of cases) {
    it(`detects ${c.expected} and reads the names intact`, async () => {
      const path = writeCsv(dir, `${c.encoding}.csv`, c.text, c.encoding);
      const connector = source({ path });
      const test = await connector.testConnection();
      expect(test.ok, test.summary).toBe(true);
      expect(test.details.find((d) => d.label === 'Encoding')?.value).toBe(`${c.expected} (detected)`);
      const { users } = await readAll(connector);
      const names = users.map((u) => u.displayName);
      for (const name of c.names) expect(names).toContain(name);
      // The BOM never leaks into the first column's name.
      expect(Object.keys(users[0]?.attributes ?? {})[0]).toBe('employeeId');
    });
  }

  it('reads a quoted CP949 value with the delimiter inside', async () => {
    const path = writeCsv(dir, 'kr.csv', korean, 'cp949');
    const { users } = await readAll(source({ path }));
    expect(byAnchor(users, 'E2').attributes['department']).toBe('인사팀, 채용');
  });

  it('detects UTF-16 LE without a BOM by its zero bytes', async () => {
    const path = writeCsv(dir, 'nobom.csv', iconv.encode(accented, 'utf16le'));
    const test = await source({ path }).testConnection();
    expect(test.details.find((d) => d.label === 'Encoding')?.value).toBe('UTF-16 LE (detected)');
    const { users } = await readAll(source({ path }));
    expect(byAnchor(users, 'E4').displayName).toBe('Søren Ødegård');
  });

  describe('the CP949-vs-Windows-1252 heuristic', () => {
    it('takes Korean text as CP949', () => {
      expect(detect(korean, 'cp949')).toBe('cp949');
      expect(detect('id,name\n1,김\n', 'cp949')).toBe('cp949');
      // Rare syllables live in the Unified Hangul extension (똠, 햏, 믜): still Korean when most are common.
      expect(detect('id,name\n1,똠방각하\n2,김햏수\n3,믜리내\n', 'cp949')).toBe('cp949');
    });

    it('takes accented European text as Windows-1252, also when its bytes happen to be valid CP949', () => {
      expect(detect(accented, 'windows1252')).toBe('windows1252');
      // Å+s and Ä+r are valid CP949 pairs (Unified Hangul extension): the shape, not validity, decides.
      const ambiguous = 'id,name\n1,Åse\n2,Ärger\n3,Æsir\n';
      const stats = legacyByteStats(encode(ambiguous, 'windows1252'));
      expect(stats.invalid).toBe(0);
      expect(stats.uhcExtension).toBe(3);
      expect(chooseLegacyEncoding(stats)).toBe('windows1252');
      expect(detect(ambiguous, 'windows1252')).toBe('windows1252');
      expect(detect('id,name\n1,João Conceição\n2,Françoise\n', 'windows1252')).toBe('windows1252');
    });

    it('prefers valid UTF-8 over both', () => {
      expect(detect(korean, 'utf8')).toBe('utf8');
      expect(detect(accented, 'utf8')).toBe('utf8');
    });

    it('keeps CP949 for a Korean file with one stray byte, so the bad row is reported', async () => {
      const rows = ['employeeId,displayName'];
      for (let i = 0; i < 30; i++) rows.push(`E${i},김민준${i}`);
      const bytes = Buffer.concat([encode(lines(...rows), 'cp949'), Buffer.from('E99,\xff\n', 'latin1')]);
      expect(detectEncoding(bytes, { forced: 'auto', fileName: 'x.csv' }).encoding).toBe('cp949');
      const path = writeCsv(dir, 'stray.csv', bytes);
      const error = await expectReadStops(source({ path }), 'CsvEncoding');
      expect(error.info.location).toBe('stray.csv:32');
      expect(error.message).toContain('stray.csv:32 contains bytes that are not valid CP949');
    });
  });

  describe('forced encodings', () => {
    it('override detection', async () => {
      // Windows-1252 bytes read as forced Windows-1252 (detection would agree) and CP949 forced on Korean.
      const kr = writeCsv(dir, 'kr.csv', korean, 'cp949');
      const forced = await readAll(source({ path: kr, encoding: 'cp949' }));
      expect(byAnchor(forced.users, 'E1').displayName).toBe('김민준');
      // Forcing the wrong single-byte encoding is the admin's call: it reads, as mojibake.
      const wrong = await readAll(source({ path: kr, encoding: 'windows1252' }));
      expect(byAnchor(wrong.users, 'E1').displayName).toBe(
        iconv.decode(iconv.encode('김민준', 'cp949'), 'windows1252'),
      );
      const test = await source({ path: kr, encoding: 'windows1252' }).testConnection();
      expect(test.details.find((d) => d.label === 'Encoding')?.value).toBe(
        'Windows-1252 (Western European) (as set)',
      );
    });

    it('fail on undecodable bytes with the line they are on (UTF-8 forced on Windows-1252)', async () => {
      const path = writeCsv(dir, 'hr.csv', accented, 'windows1252');
      const error = await expectReadStops(source({ path, encoding: 'utf8' }), 'CsvEncoding');
      expect(error.info.location).toBe('hr.csv:2');
      expect(error.message).toBe(
        'hr.csv:2 contains bytes that are not valid UTF-8. Check the encoding in the connection settings (it is set to UTF-8), or set it to Automatic.',
      );
    });

    it('fail on bytes CP949 cannot decode, naming the line', async () => {
      const bytes = Buffer.concat([
        encode(lines('employeeId,displayName', 'E1,김민준', 'E2,이서연'), 'cp949'),
        // A lead byte followed by a space: not a character in CP949.
        Buffer.from('E3,\xb0 \n', 'latin1'),
      ]);
      const path = writeCsv(dir, 'kr.csv', bytes);
      const error = await expectReadStops(source({ path, encoding: 'cp949' }), 'CsvEncoding');
      expect(error.info.location).toBe('kr.csv:4');
    });

    it('refuse a byte-order mark that contradicts the setting', async () => {
      const path = writeCsv(dir, 'bom.csv', mixed, 'utf16le');
      const error = await expectReadStops(source({ path, encoding: 'cp949' }), 'CsvEncoding');
      expect(error.message).toContain(
        'starts with a UTF-16 LE byte-order mark, but the connection says the file is CP949',
      );
    });
  });

  it('reports a UTF-8 file that turns into another encoding after the sniffed start, with the line', async () => {
    const rows = ['employeeId,displayName'];
    // Over 1 MiB of valid UTF-8 first, so the sniffed sample cannot see the bad byte.
    for (let i = 0; i < 50_000; i++) rows.push(`E${i},Zoë Müller ${i}`);
    const utf8 = encode(lines(...rows), 'utf8');
    expect(utf8.length).toBeGreaterThan(1024 * 1024);
    const bytes = Buffer.concat([utf8, encode('E50000,José\n', 'windows1252')]);
    const path = writeCsv(dir, 'late.csv', bytes);
    const error = await expectReadStops(source({ path }), 'CsvEncoding');
    expect(error.info.location).toBe('late.csv:50002');
    expect(error.message).toContain('so the file mixes encodings');
  });

  it('reports a file cut off in the middle of a UTF-8 character as truncated', async () => {
    const bytes = encode('employeeId,displayName\nE1,김민준\n', 'utf8');
    const path = writeCsv(dir, 'cut.csv', bytes.subarray(0, bytes.length - 2));
    const error = await expectReadStops(source({ path }), 'CsvTruncated');
    expect(error.info.location).toBe('cut.csv:2');
  });

  it('refuses an Excel workbook saved under a .csv name', async () => {
    const path = writeCsv(dir, 'hr.csv', Buffer.from('PK\x03\x04\x14\x00\x06\x00binary', 'latin1'));
    const error = await expectReadStops(source({ path }), 'CsvNotCsv');
    expect(error.message).toContain('is an Excel workbook (.xlsx)');
    const test = await source({ path }).testConnection();
    expect(test.ok).toBe(false);
    expect(test.error?.code).toBe('CsvNotCsv');
  });

  it('fails discovery too when the start of the file does not decode in the forced encoding', async () => {
    const path = writeCsv(dir, 'hr.csv', accented, 'windows1252');
    const error = await expectStop(source({ path, encoding: 'utf8' }).discoverSchema(), 'CsvEncoding');
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.info.location).toBe('hr.csv:2');
  });
});
