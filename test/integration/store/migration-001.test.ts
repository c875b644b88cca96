import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/db';
import { migration001Initial } from '../../../src-main/store/migrations/001-initial';
import { makeTempDir } from '../temp-dir';

describe('migration 001 (initial)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('creates settings, connections and the audit log from an empty file', () => {
    const { db } = openDatabase({ path: join(dir.path, 'r.db'), migrations: [migration001Initial] });
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(tables).toEqual(['audit_log', 'connections', 'settings']);
    db.close();
  });

  it('keeps connection names unique regardless of case, and only known kinds', () => {
    const { db } = openDatabase({ path: join(dir.path, 'r.db'), migrations: [migration001Initial] });
    const insert = db.prepare(
      "INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at) VALUES (?, ?, ?, '{}', 'now', 'now')",
    );
    insert.run('a', 'Slack', 'scim');
    expect(() => insert.run('b', 'SLACK', 'scim')).toThrow(/UNIQUE/);
    expect(() => insert.run('c', 'Other', 'ftp')).toThrow(/CHECK/);
    db.close();
  });

  it('has no column that could hold a secret value', () => {
    const { db } = openDatabase({ path: join(dir.path, 'r.db'), migrations: [migration001Initial] });
    const columns = db.prepare("SELECT name FROM pragma_table_info('connections')").pluck().all();
    expect(columns).toEqual([
      'id',
      'name',
      'kind',
      'settings_json',
      'secret_ids_json',
      'created_at',
      'updated_at',
    ]);
    db.close();
    // and a file made by it is a plain SQLite file another tool can read
    const raw = new BetterSqlite3(join(dir.path, 'r.db'), { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    raw.close();
  });
});
