import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('CSV groups, memberships and manager references', () => {
  let dir: TempDir;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  const hr = lines(
    'employeeId,displayName,manager,groups',
    'E1,CEO,,Executive;All Staff',
    'E2,Kim,E1,Engineering;All Staff;Project Atlas',
    'E3,Lee,E2," Engineering ; All Staff "',
    'E4,Park,E9,All Staff',
  );

  describe('a groups column', () => {
    it('yields one Group per name, anchored by name, with the user anchors as members', async () => {
      const path = writeCsv(dir, 'hr.csv', hr);
      const { users, groups } = await readAll(
        source({ path, groupsColumn: 'groups', managerColumn: 'manager' }),
      );
      expect(users).toHaveLength(4);
      expect(groups.map((g) => [g.anchor, g.members])).toEqual([
        ['All Staff', ['E1', 'E2', 'E3', 'E4']],
        ['Engineering', ['E2', 'E3']],
        ['Executive', ['E1']],
        ['Project Atlas', ['E2']],
      ]);
      const engineering = byAnchor(groups, 'Engineering');
      expect(engineering).toMatchObject({
        type: 'Group',
        displayName: 'Engineering',
        attributes: { displayName: 'Engineering', objectId: 'Engineering', members: ['E2', 'E3'] },
        disabled: false,
        softDeleted: false,
        origin: 'hr.csv:3',
      });
      // The groups column is also a multi-valued user attribute.
      expect(byAnchor(users, 'E3').attributes['groups']).toEqual(['Engineering', 'All Staff']);
    });

    it('uses its own separator', async () => {
      const path = writeCsv(dir, 'hr.csv', lines('employeeId,groups', 'E1,a|b', 'E2,b'));
      const { groups } = await readAll(source({ path, groupsColumn: 'groups', groupsSeparator: '|' }));
      expect(groups.map((g) => [g.anchor, g.members])).toEqual([
        ['a', ['E1']],
        ['b', ['E1', 'E2']],
      ]);
    });

    it('yields no groups when only users are asked for, and users only after all groups when both are', async () => {
      const path = writeCsv(dir, 'hr.csv', hr);
      const connector = source({ path, groupsColumn: 'groups', pageSize: 2 });
      const usersOnly = await readAll(connector, ['User']);
      expect(usersOnly.groups).toEqual([]);
      expect(usersOnly.expectedCount).toBe(4);
      const groupsOnly = await readAll(connector, ['Group']);
      expect(groupsOnly.users).toEqual([]);
      expect(groupsOnly.groups).toHaveLength(4);
      const both = await readAll(connector);
      expect(both.pages.map((p) => p.map((o) => o.type))).toEqual([
        ['User', 'User'],
        ['User', 'User'],
        ['Group', 'Group'],
        ['Group', 'Group'],
      ]);
      expect(both.expectedCount).toBe(8);
    });
  });

  describe('a memberships file', () => {
    it('yields groups from (group, member) rows, merged with the groups column', async () => {
      const users = writeCsv(dir, 'hr.csv', hr);
      const memberships = writeCsv(
        dir,
        'memberships.csv',
        lines('group;member', 'Finance;E1', 'Finance;E4', 'Engineering;E4', 'Finance;E4', 'Empty Group;'),
      );
      const { groups, warnings } = await readAll(
        source({ path: users, groupsColumn: 'groups', membershipsFile: { path: memberships } }),
      );
      expect(warnings).toEqual([]);
      expect(byAnchor(groups, 'Finance').members).toEqual(['E1', 'E4']);
      expect(byAnchor(groups, 'Finance').origin).toBe('memberships.csv:2');
      expect(byAnchor(groups, 'Engineering').members).toEqual(['E2', 'E3', 'E4']);
      expect(byAnchor(groups, 'Empty Group').members).toEqual([]);
    });

    it('can anchor groups by an id column and name them from another', async () => {
      const users = writeCsv(dir, 'hr.csv', hr);
      const memberships = writeCsv(
        dir,
        'm.csv',
        lines(
          'groupId,groupName,employeeId',
          'G-100,Sales Korea,E2',
          'G-100,Sales Korea,E3',
          'G-200,영업팀,E4',
          'G-200,Sales KR,E1',
        ),
      );
      const { groups, warnings } = await readAll(
        source({
          path: users,
          membershipsFile: {
            path: memberships,
            groupColumn: 'groupId',
            memberColumn: 'employeeId',
            groupNameColumn: 'groupName',
          },
        }),
      );
      expect(groups.map((g) => [g.anchor, g.displayName, g.members])).toEqual([
        ['G-100', 'Sales Korea', ['E2', 'E3']],
        ['G-200', '영업팀', ['E1', 'E4']],
      ]);
      expect(warnings).toEqual([
        {
          code: 'GroupNameConflict',
          message:
            'm.csv:5: group "G-200" is named "Sales KR" here but "영업팀" at m.csv:4; the first name is used.',
          location: 'm.csv:5',
        },
      ]);
    });

    it('leaves out members that are no user, with a warning naming the row', async () => {
      const users = writeCsv(dir, 'hr.csv', hr);
      const memberships = writeCsv(dir, 'm.csv', lines('group,member', 'Finance,E1', 'Finance,E404'));
      const { groups, warnings } = await readAll(
        source({ path: users, membershipsFile: { path: memberships } }),
      );
      expect(byAnchor(groups, 'Finance').members).toEqual(['E1']);
      expect(warnings).toEqual([
        {
          code: 'UnknownMember',
          message:
            'm.csv:3: member "E404" of group "Finance" matches no user key in hr.csv; it is left out of the group.',
          location: 'm.csv:3',
        },
      ]);
    });

    it('is validated like the main file: missing columns, empty, truncated, rows without a group', async () => {
      const users = writeCsv(dir, 'hr.csv', hr);
      const wrongHeader = writeCsv(dir, 'm1.csv', lines('grp,member', 'Finance,E1'));
      const e1 = await expectReadStops(
        source({ path: users, membershipsFile: { path: wrongHeader } }),
        'CsvColumnMissing',
      );
      expect(e1.message).toBe(
        'm1.csv:1 has no column "group" (the group column). Columns found: "grp", "member". Did you mean "grp"?',
      );

      const headerOnly = writeCsv(dir, 'm2.csv', lines('group,member'));
      const e2 = await expectReadStops(
        source({ path: users, membershipsFile: { path: headerOnly } }),
        'CsvNoRows',
      );
      expect(e2.message).toContain('m2.csv has a header but no rows');

      const truncated = writeCsv(dir, 'm3.csv', 'group,member\nFinance,E1\nFinance');
      const e3 = await expectReadStops(
        source({ path: users, membershipsFile: { path: truncated } }),
        'CsvTruncated',
      );
      expect(e3.info.location).toBe('m3.csv:3');

      const noGroup = writeCsv(dir, 'm4.csv', lines('group,member', 'Finance,E1', ',E2'));
      const e4 = await expectReadStops(
        source({ path: users, membershipsFile: { path: noGroup } }),
        'CsvMissingKeys',
      );
      expect(e4.message).toBe('1 row of m4.csv has no group: m4.csv:3.');

      const missing = `${dir.path}/nope.csv`;
      await expectReadStops(source({ path: users, membershipsFile: { path: missing } }), 'CsvFileNotFound');
    });

    it('is read in its own encoding and delimiter (CP949, tab)', async () => {
      const users = writeCsv(dir, 'hr.csv', hr);
      const memberships = writeCsv(
        dir,
        'm.tsv',
        lines('group\tmember', '개발팀\tE2', '개발팀\tE3', '인사팀\tE1'),
        'cp949',
      );
      const { groups } = await readAll(source({ path: users, membershipsFile: { path: memberships } }));
      expect(groups.map((g) => [g.anchor, g.members])).toEqual([
        ['개발팀', ['E2', 'E3']],
        ['인사팀', ['E1']],
      ]);
    });
  });

  describe('manager references', () => {
    it('keep the referenced key as a Reference value', async () => {
      const path = writeCsv(dir, 'hr.csv', hr);
      const { users } = await readAll(source({ path, managerColumn: 'manager' }));
      expect(byAnchor(users, 'E1').attributes['manager']).toBeNull();
      expect(byAnchor(users, 'E3').attributes['manager']).toBe('E2');
    });

    it('that match no row are kept and reported as warnings, not failures', async () => {
      const path = writeCsv(dir, 'hr.csv', hr);
      const { users, warnings } = await readAll(source({ path, managerColumn: 'manager' }));
      expect(byAnchor(users, 'E4').attributes['manager']).toBe('E9');
      expect(warnings).toEqual([
        {
          code: 'UnknownManager',
          message:
            'hr.csv:5: manager "E9" matches no employeeId in hr.csv. The reference is kept and will stay unresolved until such a row exists.',
          location: 'hr.csv:5',
        },
      ]);
      const test = await source({ path, managerColumn: 'manager' }).testConnection();
      expect(test.ok).toBe(true);
      expect(test.details).toContainEqual(expect.objectContaining({ label: 'Warnings', value: '1' }));
    });

    it('to oneself are a warning too', async () => {
      const path = writeCsv(dir, 'hr.csv', lines('employeeId,manager', 'E1,E1', 'E2,E1'));
      const { warnings } = await readAll(source({ path, managerColumn: 'manager' }));
      expect(warnings.map((w) => [w.code, w.location])).toEqual([['SelfManager', 'hr.csv:2']]);
    });

    it('cap the warnings per kind and say how many were left out', async () => {
      const rows = Array.from({ length: 1005 }, (_, i) => `E${i},X${i}`);
      const path = writeCsv(dir, 'hr.csv', lines('employeeId,manager', ...rows));
      const { warnings } = await readAll(source({ path, managerColumn: 'manager' }), ['User']);
      expect(warnings.filter((w) => w.code === 'UnknownManager')).toHaveLength(1000);
      expect(warnings.at(-1)).toEqual({
        code: 'MoreWarnings',
        message: '5 more warnings like "UnknownManager" were left out.',
        location: '',
      });
    });
  });
});
