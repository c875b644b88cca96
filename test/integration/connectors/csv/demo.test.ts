import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byAnchor, readAll, source } from './csv-test-kit';

const demoPath = join(import.meta.dirname, '../../../../resources/demo/employees.csv');

/** The options resources/demo/README.md documents for this file. */
const options = {
  path: demoPath,
  managerColumn: 'manager',
  statusColumn: 'status',
  groupsColumn: 'groups',
  columnTypes: { hireDate: 'DateTime' as const },
};

describe('the demo HR file (resources/demo/employees.csv)', () => {
  it('is what Excel writes as "CSV UTF-8": a BOM and CRLF line endings', () => {
    const bytes = readFileSync(demoPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
  });

  it('tests ok, detecting UTF-8 with BOM, commas and the employeeId key', async () => {
    const result = await source({ path: demoPath }).testConnection();
    expect(result.ok, result.summary).toBe(true);
    const details = Object.fromEntries(result.details.map((d) => [d.label, d.value]));
    expect(details['Encoding']).toBe('UTF-8 with BOM (detected)');
    expect(details['Delimiter']).toBe('comma (detected)');
    expect(details['Rows']).toBe('200');
    expect(details['Key column']).toBe('employeeId (recognised by its name)');
  });

  it('reads about 200 users, with Korean, accented and English names intact', async () => {
    const { users } = await readAll(source(options));
    expect(users).toHaveLength(200);
    const names = users.map((u) => u.displayName);
    expect(names.filter((n) => /^[\p{Script=Hangul}]+$/u.test(n)).length).toBeGreaterThan(50);
    expect(names.filter((n) => /[éèçñüöäßøåæ]/i.test(n)).length).toBeGreaterThan(20);
    expect(names.filter((n) => /^[A-Za-z' ]+$/.test(n)).length).toBeGreaterThan(10);
    for (const user of users) {
      expect(user.attributes['email']).toMatch(/^[a-z0-9.]+@brightharbor\.example$/);
      expect(user.attributes['hireDate']).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\.000Z$/);
    }
    // A quoted value with a comma in it survives.
    expect(users.some((u) => u.attributes['jobTitle'] === 'VP, Engineering')).toBe(true);
  });

  it('has one CEO without a manager and every manager reference resolving to a row', async () => {
    const { users, warnings } = await readAll(source(options));
    const anchors = new Set(users.map((u) => u.anchor));
    const roots = users.filter((u) => u.attributes['manager'] === null);
    expect(roots.map((u) => u.attributes['jobTitle'])).toEqual(['Chief Executive Officer']);
    for (const user of users) {
      const manager = user.attributes['manager'];
      if (manager !== null)
        expect(anchors.has(manager as string), `${user.anchor} → ${String(manager)}`).toBe(true);
    }
    expect(warnings).toEqual([]);
    // The hierarchy has no cycles: every chain ends at the CEO.
    const managerOf = new Map(users.map((u) => [u.anchor, u.attributes['manager'] as string | null]));
    for (const user of users) {
      let at: string | null = user.anchor;
      for (let steps = 0; at !== null; steps++) {
        expect(steps).toBeLessThan(10);
        at = managerOf.get(at) ?? null;
      }
    }
  });

  it('flags the five leavers as soft-deleted', async () => {
    const { users } = await readAll(source(options));
    const leavers = users.filter((u) => u.softDeleted);
    expect(leavers).toHaveLength(5);
    for (const leaver of leavers) expect(leaver.attributes['status']).toBe('Terminated');
    expect(users.filter((u) => u.disabled)).toHaveLength(0);
  });

  it('yields department and project groups whose members are user anchors', async () => {
    const { users, groups } = await readAll(source(options));
    const anchors = new Set(users.map((u) => u.anchor));
    expect(groups.map((g) => g.anchor)).toEqual(
      expect.arrayContaining(['Engineering', 'Sales', 'Finance', 'Project Atlas', 'Project Borealis']),
    );
    for (const group of groups) {
      expect(group.members?.length, group.anchor).toBeGreaterThan(0);
      for (const member of group.members ?? []) expect(anchors.has(member)).toBe(true);
    }
    const engineering = byAnchor(groups, 'Engineering');
    const engineers = users.filter((u) => u.attributes['department'] === 'Engineering').map((u) => u.anchor);
    expect([...(engineering.members ?? [])].sort()).toEqual(engineers.sort());
  });
});
