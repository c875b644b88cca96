import type { Database } from './sandbox-db';
import { whereClause, type Equality } from './equality-query';
import {
  isUniqueViolation,
  likePattern,
  UniquenessError,
  type GroupRecord,
  type MemberRecord,
  type MemberType,
  type Page,
} from './records';

interface GroupRow {
  id: string;
  display_name: string;
  external_id: string | null;
  resource_json: string;
  created_at: string;
  updated_at: string;
}

export interface GroupRows {
  get(id: string): GroupRecord | undefined;
  /** Groups matching `anyOf` (all groups when it is empty), in creation order. */
  page(anyOf: readonly Equality[][], offset: number, limit: number): Page<GroupRecord>;
  all(): GroupRecord[];
  /** For the app's sandbox view: ordered by displayName, with member counts. */
  browse(offset: number, limit: number, search?: string): Page<GroupRecord & { memberCount: number }>;
  insert(group: GroupRecord): void;
  update(group: GroupRecord): void;
  /** Removes the group, its memberships, and its own membership in other groups. */
  delete(id: string): boolean;
  members(groupId: string): MemberRecord[];
  /** Makes the group's members exactly `members`, touching only the rows that change; true if any did. */
  setMembers(groupId: string, members: ReadonlyMap<string, MemberType>): boolean;
  /** Adds one member; false when it was already there. */
  addMember(groupId: string, memberId: string, type: MemberType): boolean;
  /** Removes one member; false when it was not there. */
  removeMember(groupId: string, memberId: string): boolean;
  /** Sets lastModified, for changes made through the membership methods. */
  touch(groupId: string, at: string): void;
  /** Whether `id` is a user or a group of this sandbox, for validating member references. */
  kindOf(id: string): MemberType | undefined;
  counts(): { groups: number; memberships: number };
}

const columns = 'id, display_name, external_id, resource_json, created_at, updated_at';

export function createGroupRows(db: Database): GroupRows {
  const getStatement = db.prepare<[string], GroupRow>(`SELECT ${columns} FROM scim_groups WHERE id = ?`);
  const insertStatement = db.prepare(
    `INSERT INTO scim_groups (${columns}) VALUES (@id, @display_name, @external_id, @resource_json, @created_at, @updated_at)`,
  );
  const updateStatement = db.prepare(
    `UPDATE scim_groups SET display_name = @display_name, external_id = @external_id,
       resource_json = @resource_json, updated_at = @updated_at WHERE id = @id`,
  );
  const deleteAsMember = db.prepare('DELETE FROM scim_memberships WHERE member_id = ?');
  // Memberships of the group itself go by ON DELETE CASCADE.
  const deleteStatement = db.prepare('DELETE FROM scim_groups WHERE id = ?');
  const membersStatement = db.prepare<[string], { id: string; type: MemberType; display: string | null }>(
    `SELECT m.member_id AS id, m.member_type AS type,
            COALESCE(u.display_name, u.user_name, g.display_name) AS display
       FROM scim_memberships m
       LEFT JOIN scim_users u ON m.member_type = 'User' AND u.id = m.member_id
       LEFT JOIN scim_groups g ON m.member_type = 'Group' AND g.id = m.member_id
      WHERE m.group_id = ?
      ORDER BY m.rowid`,
  );
  const memberIdsStatement = db
    .prepare<[string], string>('SELECT member_id FROM scim_memberships WHERE group_id = ?')
    .pluck();
  const addMember = db.prepare(
    'INSERT OR IGNORE INTO scim_memberships (group_id, member_id, member_type) VALUES (?, ?, ?)',
  );
  const removeMember = db.prepare('DELETE FROM scim_memberships WHERE group_id = ? AND member_id = ?');
  const touchStatement = db.prepare('UPDATE scim_groups SET updated_at = ? WHERE id = ?');
  const isUser = db.prepare<[string], number>('SELECT 1 FROM scim_users WHERE id = ?').pluck();
  const isGroup = db.prepare<[string], number>('SELECT 1 FROM scim_groups WHERE id = ?').pluck();
  const countsStatement = db.prepare<[], { groups: number; memberships: number }>(
    'SELECT (SELECT COUNT(*) FROM scim_groups) AS groups, (SELECT COUNT(*) FROM scim_memberships) AS memberships',
  );

  function write(statement: typeof insertStatement, group: GroupRecord): number {
    try {
      return statement.run(toRow(group)).changes;
    } catch (error) {
      if (isUniqueViolation(error))
        throw new UniquenessError(`displayName "${group.displayName}" is already taken`);
      throw error;
    }
  }

  return {
    get(id) {
      const row = getStatement.get(id);
      return row && fromRow(row);
    },
    page(anyOf, offset, limit) {
      const where = anyOf.length > 0 ? whereClause(anyOf) : { sql: '1', params: [] };
      const total = db
        .prepare(`SELECT COUNT(*) FROM scim_groups WHERE ${where.sql}`)
        .pluck()
        .get(...where.params);
      const rows = db
        .prepare<unknown[], GroupRow>(
          `SELECT ${columns} FROM scim_groups WHERE ${where.sql} ORDER BY seq LIMIT ? OFFSET ?`,
        )
        .all(...where.params, limit, offset);
      return { total: total as number, items: rows.map(fromRow) };
    },
    all() {
      return db.prepare<[], GroupRow>(`SELECT ${columns} FROM scim_groups ORDER BY seq`).all().map(fromRow);
    },
    browse(offset, limit, search) {
      const term = search?.trim();
      const where = term
        ? {
            sql: "display_name LIKE ? ESCAPE '\\' OR external_id LIKE ? ESCAPE '\\'",
            params: [likePattern(term), likePattern(term)],
          }
        : { sql: '1', params: [] };
      const total = db
        .prepare(`SELECT COUNT(*) FROM scim_groups WHERE ${where.sql}`)
        .pluck()
        .get(...where.params);
      const rows = db
        .prepare<unknown[], GroupRow & { member_count: number }>(
          `SELECT ${columns},
                  (SELECT COUNT(*) FROM scim_memberships m WHERE m.group_id = scim_groups.id) AS member_count
             FROM scim_groups WHERE ${where.sql} ORDER BY display_name, seq LIMIT ? OFFSET ?`,
        )
        .all(...where.params, limit, offset);
      return {
        total: total as number,
        items: rows.map((row) => ({ ...fromRow(row), memberCount: row.member_count })),
      };
    },
    insert(group) {
      write(insertStatement, group);
    },
    update(group) {
      if (write(updateStatement, group) === 0) throw new Error(`No group ${group.id} to update`);
    },
    delete(id) {
      return db.transaction(() => {
        deleteAsMember.run(id);
        return deleteStatement.run(id).changes > 0;
      })();
    },
    members(groupId) {
      return membersStatement.all(groupId);
    },
    setMembers(groupId, members) {
      return db.transaction(() => {
        const current = new Set(memberIdsStatement.all(groupId));
        let changed = false;
        for (const id of current) {
          if (!members.has(id)) changed = removeMember.run(groupId, id).changes > 0 || changed;
        }
        for (const [id, type] of members) {
          if (!current.has(id)) changed = addMember.run(groupId, id, type).changes > 0 || changed;
        }
        return changed;
      })();
    },
    addMember(groupId, memberId, type) {
      return addMember.run(groupId, memberId, type).changes > 0;
    },
    removeMember(groupId, memberId) {
      return removeMember.run(groupId, memberId).changes > 0;
    },
    touch(groupId, at) {
      touchStatement.run(at, groupId);
    },
    kindOf(id) {
      if (isUser.get(id) !== undefined) return 'User';
      if (isGroup.get(id) !== undefined) return 'Group';
      return undefined;
    },
    counts() {
      return countsStatement.get() ?? { groups: 0, memberships: 0 };
    },
  };
}

function toRow(group: GroupRecord): GroupRow {
  return {
    id: group.id,
    display_name: group.displayName,
    external_id: group.externalId,
    resource_json: JSON.stringify(group.attributes),
    created_at: group.created,
    updated_at: group.lastModified,
  };
}

function fromRow(row: GroupRow): GroupRecord {
  return {
    id: row.id,
    displayName: row.display_name,
    externalId: row.external_id,
    attributes: JSON.parse(row.resource_json) as GroupRecord['attributes'],
    created: row.created_at,
    lastModified: row.updated_at,
  };
}
