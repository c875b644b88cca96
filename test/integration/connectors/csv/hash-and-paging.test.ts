import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, hashedText, hashKeys } from '../../../../src-main/connectors/csv/object-hash';
import { byAnchor, lines, readAll, source, tempDir, writeCsv, type TempDir } from './csv-test-kit';

const header = 'employeeId,displayName,department,aliases,groups';
const base = [
  'E1,Kim Minjun,Sales,a@x.example;b@x.example,Sales;All',
  'E2,Élodie Lefèvre,R&D,,R&D;All',
  'E3,José Núñez,Sales,c@x.example,Sales',
];
const options = { multiValuedColumns: ['aliases'], groupsColumn: 'groups' };

describe('CSV content hashes', () => {
  let dir: TempDir;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  let files = 0;
  async function hashes(content: string): Promise<Map<string, string>> {
    const path = writeCsv(dir, `f${files++}.csv`, content);
    const { users, groups } = await readAll(source({ path, ...options }));
    return new Map([...users, ...groups].map((o) => [`${o.type}:${o.anchor}`, o.hash]));
  }

  it('are sha256 hex, equal for the same content, whatever the file looks like', async () => {
    const plain = await hashes(lines(header, ...base));
    for (const hash of plain.values()) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // Same content: CRLF, a BOM, semicolons, quotes, padding, blank lines, a different encoding.
    expect(await hashes(lines(header, ...base).replace(/\n/g, '\r\n'))).toEqual(plain);
    const semicolon = [header, ...base].map((r) =>
      r
        .split(',')
        .map((v) => `"${v}"`)
        .join(';'),
    );
    expect(await hashes(lines(...semicolon))).toEqual(plain);
    expect(
      await hashes(
        lines(header, ' E1 , Kim Minjun ,Sales, a@x.example ; b@x.example ,Sales;All', '', ...base.slice(1)),
      ),
    ).toEqual(plain);
    const path = writeCsv(dir, 'utf16.csv', lines(header, ...base), 'utf16le');
    const { users } = await readAll(source({ path, ...options }));
    expect(byAnchor(users, 'E2').hash).toBe(plain.get('User:E2'));
  });

  it('do not depend on row order, column order or the order of multi-values', async () => {
    const plain = await hashes(lines(header, ...base));
    expect(await hashes(lines(header, ...[...base].reverse()))).toEqual(plain);
    const reordered = lines(
      'groups,aliases,department,displayName,employeeId',
      ...base.map((r) => r.split(',').reverse().join(',')),
    );
    expect(await hashes(reordered)).toEqual(plain);
    const swapped = await hashes(
      lines(header, 'E1,Kim Minjun,Sales,b@x.example;a@x.example,All;Sales', ...base.slice(1)),
    );
    expect(swapped).toEqual(plain);
  });

  it('change when one cell changes, and only for that object (and the groups it affects)', async () => {
    const plain = await hashes(lines(header, ...base));
    const changed = await hashes(lines(header, base[0]!, 'E2,Élodie Lefèvre,Research,,R&D;All', base[2]!));
    expect(changed.get('User:E2')).not.toBe(plain.get('User:E2'));
    for (const key of ['User:E1', 'User:E3', 'Group:Sales', 'Group:All', 'Group:R&D']) {
      expect(changed.get(key), key).toBe(plain.get(key));
    }
    const moved = await hashes(lines(header, base[0]!, 'E2,Élodie Lefèvre,R&D,,All', base[2]!));
    expect(moved.get('User:E2')).not.toBe(plain.get('User:E2'));
    expect(moved.get('Group:R&D')).not.toBe(plain.get('Group:R&D'));
    expect(moved.get('Group:All')).toBe(plain.get('Group:All'));
  });

  it('cover only the attributes the reader names, in both ways of reading (hashedAttributes)', async () => {
    const read = async (content: string, keepsAll: boolean) => {
      const path = writeCsv(dir, `f${files++}.csv`, content);
      const result = await source({ path, ...options }).read({
        objectTypes: ['User'],
        since: null,
        signal: new AbortController().signal,
        keepsAll,
        // Lower-cased, as the engine names them: the file's column is "department".
        hashedAttributes: { User: new Set(['department']) },
      });
      const users: { anchor: string; hash: string }[] = [];
      for await (const page of result.pages) users.push(...page);
      return new Map(users.map((u) => [u.anchor, u.hash]));
    };
    for (const keepsAll of [true, false]) {
      const plain = await read(lines(header, ...base), keepsAll);
      // E1's aliases and groups change, E2's department: only E2's hash moves.
      const changed = await read(
        lines(header, 'E1,Kim Minjun,Sales,z@x.example,All', 'E2,Élodie Lefèvre,Research,,R&D;All', base[2]!),
        keepsAll,
      );
      expect(changed.get('E1'), `keepsAll ${keepsAll}`).toBe(plain.get('E1'));
      expect(changed.get('E2'), `keepsAll ${keepsAll}`).not.toBe(plain.get('E2'));
      expect(changed.get('E3'), `keepsAll ${keepsAll}`).toBe(plain.get('E3'));
      // The display name is the object's own, hashed whatever the reader names.
      const renamed = await read(
        lines(header, 'E1,Kim Min-jun,Sales,a@x.example;b@x.example,Sales;All'),
        keepsAll,
      );
      expect(renamed.get('E1')).not.toBe(plain.get('E1'));
    }
  });

  it('change when the status flips an object to soft-deleted', async () => {
    const read = async (status: string) => {
      const path = writeCsv(dir, `${status}.csv`, lines('employeeId,status', `E1,${status}`));
      const { users } = await readAll(source({ path, statusColumn: 'status' }));
      return users[0]!;
    };
    const before = await read('Active');
    const after = await read('Terminated');
    expect(after.softDeleted).toBe(true);
    expect(after.hash).not.toBe(before.hash);
  });

  it('canonical JSON sorts keys at every level (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.constant(null))),
        (record) => {
          const reversed = Object.fromEntries(Object.entries(record).reverse());
          expect(canonicalJson({ b: record, a: [reversed] })).toBe(
            canonicalJson({ a: [record], b: reversed }),
          );
        },
      ),
    );
  });

  it('hash exactly the canonical JSON of the content, multi-values sorted, whatever the characters (property)', () => {
    // 'binary' strings: quotes, backslashes, control characters, lone and paired surrogates.
    const text = fc.string({ unit: 'binary' });
    const key = text.filter((k) => k !== '__proto__');
    const value = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text));
    fc.assert(
      fc.property(
        fc.record({
          anchor: text,
          displayName: text,
          disabled: fc.boolean(),
          softDeleted: fc.boolean(),
          attributes: fc.dictionary(key, value),
          members: fc.option(fc.array(text), { nil: undefined }),
        }),
        (c) => {
          const content = { type: 'Group' as const, ...c };
          const sorted = Object.fromEntries(
            Object.entries(c.attributes).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]),
          );
          const members = c.members ? [...c.members].sort() : undefined;
          const expected = canonicalJson({ ...content, attributes: sorted, members });
          expect(hashedText(content)).toBe(expected);
          // With the keys prepared once for a file, as the CSV reader does (names it may not have too).
          expect(hashedText(content, hashKeys(new Set([...Object.keys(c.attributes), 'absent'])))).toBe(
            expected,
          );
        },
      ),
    );
  });

  it('do not depend on row order for any shuffle of a file (property)', async () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `E${i},Person ${i},Dept ${i % 3},x${i}@a.example,G${i % 4};All`,
    );
    const reference = await hashes(lines(header, ...rows));
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
        async (shuffled) => {
          expect(await hashes(lines(header, ...shuffled))).toEqual(reference);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('CSV paging', () => {
  let dir: TempDir;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  const rows = Array.from({ length: 1234 }, (_, i) => `E${String(i).padStart(5, '0')},Person ${i}`);

  it('yields pages of the default size 500, in file order, with the expected count known up front', async () => {
    const path = writeCsv(dir, 'hr.csv', lines('employeeId,displayName', ...rows));
    const result = await readAll(source({ path }));
    expect(result.expectedCount).toBe(1234);
    expect(result.pages.map((p) => p.length)).toEqual([500, 500, 234]);
    expect(result.users.map((u) => u.anchor)).toEqual(rows.map((r) => r.split(',')[0]));
    expect(result.users[1233]?.origin).toBe('hr.csv:1235');
  });

  it('honours the page size option', async () => {
    const path = writeCsv(dir, 'hr.csv', lines('employeeId,displayName', ...rows));
    const result = await readAll(source({ path, pageSize: 100 }));
    expect(result.pages).toHaveLength(13);
    expect(result.pages.every((p) => p.length <= 100)).toBe(true);
  });

  it('is always a full read, whatever the watermark; the watermark digests the settings and the file content', async () => {
    const path = writeCsv(dir, 'hr.csv', lines('employeeId,displayName', ...rows));
    const connector = source({ path });
    const first = await connector.read({
      objectTypes: ['User'],
      since: null,
      signal: new AbortController().signal,
    });
    for await (const page of first.pages) void page;
    const watermark = first.watermark();
    expect(watermark).toMatch(/^csv2:[0-9a-f]{64}$/);
    const second = await connector.read({
      objectTypes: ['User'],
      since: watermark,
      signal: new AbortController().signal,
    });
    expect(second.kind).toBe('full');
    let count = 0;
    for await (const page of second.pages) count += page.length;
    expect(count).toBe(1234);
    expect(second.deletedAnchors()).toEqual([]);
    expect(second.watermark()).toBe(watermark);
  });

  it('stops when the cycle is aborted', async () => {
    const path = writeCsv(dir, 'hr.csv', lines('employeeId,displayName', ...rows));
    const controller = new AbortController();
    const read = await source({ path, pageSize: 100 }).read({
      objectTypes: ['User'],
      since: null,
      signal: controller.signal,
    });
    let pages = 0;
    await expect(
      (async () => {
        for await (const page of read.pages) {
          void page;
          pages++;
          if (pages === 2) controller.abort(new Error('cycle stopped'));
        }
      })(),
    ).rejects.toThrow('cycle stopped');
    expect(pages).toBe(2);
  });

  it('lets a consumer stop early without leaking the file', async () => {
    const path = writeCsv(dir, 'hr.csv', lines('employeeId,displayName', ...rows));
    const read = await source({ path, pageSize: 10 }).read({
      objectTypes: ['User'],
      since: null,
      signal: new AbortController().signal,
    });
    for await (const page of read.pages) {
      expect(page).toHaveLength(10);
      break;
    }
    // Removing the folder afterwards (afterEach) works on every platform only if the file was closed.
  });
});
