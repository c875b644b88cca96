import type { Database } from './sandbox-db';
import { whereClause, type Equality } from './equality-query';
import { isUniqueViolation, likePattern, UniquenessError, type Page, type UserRecord } from './records';

interface UserRow {
  id: string;
  user_name: string;
  external_id: string | null;
  display_name: string | null;
  active: number;
  resource_json: string;
  created_at: string;
  updated_at: string;
}

export interface UserRows {
  get(id: string): UserRecord | undefined;
  /** Users matching `anyOf` (all users when it is empty), in creation order. */
  page(anyOf: readonly Equality[][], offset: number, limit: number): Page<UserRecord>;
  all(): UserRecord[];
  /** For the app's sandbox view: ordered by userName, `search` matches userName, displayName or externalId. */
  browse(offset: number, limit: number, search?: string): Page<UserRecord>;
  insert(user: UserRecord): void;
  update(user: UserRecord): void;
  /** Removes the user and its group memberships; false when there was no such user. */
  delete(id: string): boolean;
  counts(): { users: number; activeUsers: number };
}

const columns = 'id, user_name, external_id, display_name, active, resource_json, created_at, updated_at';

export function createUserRows(db: Database): UserRows {
  const getStatement = db.prepare<[string], UserRow>(`SELECT ${columns} FROM scim_users WHERE id = ?`);
  const insertStatement = db.prepare(
    `INSERT INTO scim_users (${columns}) VALUES (@id, @user_name, @external_id, @display_name, @active, @resource_json, @created_at, @updated_at)`,
  );
  const updateStatement = db.prepare(
    `UPDATE scim_users SET user_name = @user_name, external_id = @external_id, display_name = @display_name,
       active = @active, resource_json = @resource_json, updated_at = @updated_at WHERE id = @id`,
  );
  const deleteMemberships = db.prepare('DELETE FROM scim_memberships WHERE member_id = ?');
  const deleteStatement = db.prepare('DELETE FROM scim_users WHERE id = ?');
  const countsStatement = db.prepare<[], { users: number; activeUsers: number | null }>(
    'SELECT COUNT(*) AS users, SUM(active) AS activeUsers FROM scim_users',
  );

  function write(statement: typeof insertStatement, user: UserRecord): number {
    try {
      return statement.run(toRow(user)).changes;
    } catch (error) {
      if (isUniqueViolation(error)) throw new UniquenessError(`userName "${user.userName}" is already taken`);
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
        .prepare(`SELECT COUNT(*) FROM scim_users WHERE ${where.sql}`)
        .pluck()
        .get(...where.params);
      const rows = db
        .prepare<unknown[], UserRow>(
          `SELECT ${columns} FROM scim_users WHERE ${where.sql} ORDER BY seq LIMIT ? OFFSET ?`,
        )
        .all(...where.params, limit, offset);
      return { total: total as number, items: rows.map(fromRow) };
    },
    all() {
      return db.prepare<[], UserRow>(`SELECT ${columns} FROM scim_users ORDER BY seq`).all().map(fromRow);
    },
    browse(offset, limit, search) {
      const term = search?.trim();
      const where = term
        ? {
            sql: "user_name LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\' OR external_id LIKE ? ESCAPE '\\'",
            params: [likePattern(term), likePattern(term), likePattern(term)],
          }
        : { sql: '1', params: [] };
      const total = db
        .prepare(`SELECT COUNT(*) FROM scim_users WHERE ${where.sql}`)
        .pluck()
        .get(...where.params);
      const rows = db
        .prepare<unknown[], UserRow>(
          `SELECT ${columns} FROM scim_users WHERE ${where.sql} ORDER BY user_name, seq LIMIT ? OFFSET ?`,
        )
        .all(...where.params, limit, offset);
      return { total: total as number, items: rows.map(fromRow) };
    },
    insert(user) {
      write(insertStatement, user);
    },
    update(user) {
      if (write(updateStatement, user) === 0) throw new Error(`No user ${user.id} to update`);
    },
    delete(id) {
      return db.transaction(() => {
        deleteMemberships.run(id);
        return deleteStatement.run(id).changes > 0;
      })();
    },
    counts() {
      const row = countsStatement.get();
      return { users: row?.users ?? 0, activeUsers: row?.activeUsers ?? 0 };
    },
  };
}

function toRow(user: UserRecord): UserRow {
  return {
    id: user.id,
    user_name: user.userName,
    external_id: user.externalId,
    display_name: user.displayName,
    active: user.active ? 1 : 0,
    resource_json: JSON.stringify(user.attributes),
    created_at: user.created,
    updated_at: user.lastModified,
  };
}

function fromRow(row: UserRow): UserRecord {
  return {
    id: row.id,
    userName: row.user_name,
    externalId: row.external_id,
    displayName: row.display_name,
    active: row.active === 1,
    attributes: JSON.parse(row.resource_json) as UserRecord['attributes'],
    created: row.created_at,
    lastModified: row.updated_at,
  };
}
