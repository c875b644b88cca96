import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/db';
import { createAccountsRepo } from '../../../src-main/store/accounts-repo';
import { migrations } from '../../../src-main/store/migrations/index';
import { migration008AccountDiscovery } from '../../../src-main/store/migrations/008-account-discovery';
import { makeTempDir } from '../temp-dir';

const beforeV8 = migrations.filter((m) => m.version < 8);
const upToV8 = [...beforeV8, migration008AccountDiscovery];

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't');
  INSERT INTO links (job_id, object_type, anchor, target_id, linked_at, updated_at)
    VALUES ('j1', 'User', 'E1', 'u-1', 't', 't');
`;

const row = {
  objectType: 'User' as const,
  displayName: 'Ghost',
  keyValue: 'ghost@example.com',
  active: true,
  accountClass: 'unmanaged' as const,
  note: null,
  source: null,
  scopeDetail: null,
  matched: null,
};

describe('migration 008 (account discovery: reports, rows, decisions)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('upgrades a version-7 database with its jobs and links intact and adds the three tables', () => {
    const path = join(dir.path, 'roster.db');
    const v7 = openDatabase({ path, migrations: beforeV8 });
    expect(v7.schemaVersion).toBe(7);
    v7.db.exec(seed);
    v7.db.close();

    const v8 = openDatabase({ path, migrations: upToV8 });
    expect(v8.schemaVersion).toBe(8);
    expect(v8.backupPath).toMatch(/roster\.db\.v7-.*\.bak$/);
    expect(v8.db.prepare('SELECT target_id FROM links').pluck().all()).toEqual(['u-1']);
    const tables = v8.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'account_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['account_decisions', 'account_reports', 'account_rows']);
    v8.db.close();
  });

  it('keeps decisions across reports, skips an account listed twice, and drops everything with its job', () => {
    // The repository is today's: it reads the tables 008 made through today's schema (014 adds the runner).
    const { db } = openDatabase({ path: join(dir.path, 'r.db'), migrations });
    db.exec(seed);
    const repo = createAccountsRepo(db);
    repo.startReport('j1', '2026-01-01T00:00:00.000Z', 'alice');
    expect(
      repo.insertRows('j1', [
        { ...row, targetId: 'g-1' },
        { ...row, targetId: 'g-1' },
      ]),
    ).toBe(1);
    repo.decide('j1', 'User', 'g-1', 'left', '2026-01-01T00:01:00.000Z', 'alice');
    repo.startReport('j1', '2026-01-02T00:00:00.000Z', 'alice');
    expect(repo.page('j1', {}, 0, 10).total).toBe(0);
    repo.insertRows('j1', [{ ...row, targetId: 'g-1' }]);
    expect(repo.row('j1', 'User', 'g-1')?.decision).toEqual({
      kind: 'left',
      at: '2026-01-01T00:01:00.000Z',
      by: 'alice',
    });
    // A class outside the closed set is refused by the table itself.
    expect(() =>
      db.exec(
        "INSERT INTO account_rows (job_id, seq, object_type, target_id, class) VALUES ('j1', 9, 'User', 'x', 'orphan')",
      ),
    ).toThrow(/CHECK constraint/);
    db.exec("DELETE FROM jobs WHERE id = 'j1'");
    for (const table of ['account_reports', 'account_rows', 'account_decisions'])
      expect(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get()).toBe(0);
    db.close();
  });
});
