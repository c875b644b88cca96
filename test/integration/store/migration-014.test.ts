import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountsRepo } from '../../../src-main/store/accounts-repo';
import { openDatabase } from '../../../src-main/store/db';
import { migrations } from '../../../src-main/store/migrations/index';
import { migration014AccountDiscoveryRunner } from '../../../src-main/store/migrations/014-account-discovery-runner';
import { makeTempDir } from '../temp-dir';

const beforeV14 = migrations.filter((m) => m.version < 14);
const upToV14 = [...beforeV14, migration014AccountDiscoveryRunner];

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't');
  INSERT INTO account_reports (job_id, status, started_at, started_by, listed, counts_json)
    VALUES ('j1', 'running', '2026-01-01T00:00:00.000Z', 'alice', 40, '{}');
`;

const runner = { runnerId: 'r-2', label: 'the Roster app', pid: 4242, host: 'laptop' };

describe('migration 014 (who runs an account discovery)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('adds the runner columns to a version-13 report, which names no runner and can be taken', () => {
    const path = join(dir.path, 'roster.db');
    const v13 = openDatabase({ path, migrations: beforeV14 });
    expect(v13.schemaVersion).toBe(13);
    v13.db.exec(seed);
    v13.db.close();

    const v14 = openDatabase({ path, migrations: upToV14 });
    expect(v14.schemaVersion).toBe(14);
    const row = v14.db.prepare('SELECT listed, runner_id, heard_at FROM account_reports').get();
    expect(row).toEqual({ listed: 40, runner_id: null, heard_at: null });
    const repo = createAccountsRepo(v14.db);
    // A running report from before the migration names nobody: nobody holds it.
    expect(repo.runner('j1')).toBeNull();
    expect(repo.claimReport('j1', runner, '2026-01-02T00:00:00.000Z', 'bob', () => false)).toEqual({
      claimed: true,
    });
    expect(repo.runner('j1')).toEqual({
      ...runner,
      since: '2026-01-02T00:00:00.000Z',
      heardAt: '2026-01-02T00:00:00.000Z',
    });
    v14.db.close();
  });

  it('refuses a second runner while the first lives, and hands over once it is gone', () => {
    const { db } = openDatabase({ path: join(dir.path, 'r.db'), migrations: upToV14 });
    db.exec(seed);
    const repo = createAccountsRepo(db);
    repo.claimReport('j1', runner, '2026-01-02T00:00:00.000Z', 'bob', () => true);
    expect(repo.heard('j1', 'r-2', '2026-01-02T00:01:00.000Z')).toBe(true);
    const second = { runnerId: 'r-3', label: 'the roster command', pid: 7, host: 'laptop' };
    const refused = repo.claimReport('j1', second, '2026-01-02T00:02:00.000Z', 'carol', () => false);
    expect(refused).toEqual({
      claimed: false,
      holder: { ...runner, since: '2026-01-02T00:00:00.000Z', heardAt: '2026-01-02T00:01:00.000Z' },
    });
    expect(repo.claimReport('j1', second, '2026-01-02T00:03:00.000Z', 'carol', () => true)).toEqual({
      claimed: true,
    });
    // The first runner lost it: it is no longer heard as the holder.
    expect(repo.heard('j1', 'r-2', '2026-01-02T00:04:00.000Z')).toBe(false);
    expect(repo.report('j1')).toMatchObject({ status: 'running', startedBy: 'carol' });
    // A finished report is held by nobody.
    repo.finishReport('j1', {
      status: 'completed',
      endedAt: '2026-01-02T00:05:00.000Z',
      listed: 0,
      expected: 0,
      counts: repo.recount('j1'),
      warnings: [],
      error: null,
    });
    expect(repo.runner('j1')).toBeNull();
    db.close();
  });
});
