import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/db';
import { createLogRepo } from '../../../src-main/store/log-repo';
import { migrations } from '../../../src-main/store/migrations/index';
import { migration006LogRetention } from '../../../src-main/store/migrations/006-log-retention';
import { makeTempDir } from '../temp-dir';
import { logEntry } from '../retention/log-entries';

const beforeV6 = migrations.filter((m) => m.version < 6);
const upToV6 = [...beforeV6, migration006LogRetention];

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't'), ('j2', 'HR → Other', 's', 't', '{}', 'Active', 't', 't');
`;

describe('migration 006 (log retention: an index on entry time)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('upgrades a version-5 database with its log entries intact and adds the log_at index', () => {
    const path = join(dir.path, 'roster.db');
    const v5 = openDatabase({ path, migrations: beforeV6 });
    expect(v5.schemaVersion).toBe(5);
    v5.db.exec(seed);
    createLogRepo(v5.db).insertMany([
      logEntry('j1', '2026-01-01T00:00:00.000Z', 'a'),
      logEntry('j2', '2026-02-01T00:00:00.000Z', 'b'),
    ]);
    v5.db.close();

    const v6 = openDatabase({ path, migrations: upToV6 });
    expect(v6.schemaVersion).toBe(6);
    expect(v6.backupPath).toMatch(/roster\.db\.v5-.*\.bak$/);
    expect(v6.db.prepare('SELECT COUNT(*) FROM log_entries').pluck().get()).toBe(2);
    expect(
      v6.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'log_at'").pluck().get(),
    ).toBe('CREATE INDEX log_at ON log_entries (at)');
    v6.db.close();
  });

  it('prunes the oldest entries of every job by a range read of that index, never a table scan', () => {
    const { db } = openDatabase({ path: join(dir.path, 'r.db'), migrations: upToV6 });
    db.exec(seed);
    const repo = createLogRepo(db);
    repo.insertMany([
      logEntry('j1', '2026-01-03T00:00:00.000Z', 'j1-jan3'),
      logEntry('j2', '2026-01-01T00:00:00.000Z', 'j2-jan1'),
      logEntry('j1', '2026-01-02T00:00:00.000Z', 'j1-jan2'),
      logEntry('j2', '2026-03-01T00:00:00.000Z', 'j2-mar1'),
    ]);
    const plan = db
      .prepare<[string, number], { detail: string }>(
        'EXPLAIN QUERY PLAN SELECT seq FROM log_entries WHERE at < ? ORDER BY at LIMIT ?',
      )
      .all('2026-02-01', 500)
      .map((row) => row.detail);
    expect(plan).toEqual(['SEARCH log_entries USING COVERING INDEX log_at (at<?)']);

    // Oldest first across jobs, at most `limit` per call, nothing at or after the cutoff.
    expect(repo.pruneOlderThan('2026-02-01T00:00:00.000Z', 2)).toBe(2);
    const left = () => db.prepare('SELECT source_id FROM log_entries ORDER BY at').pluck().all();
    expect(left()).toEqual(['j1-jan3', 'j2-mar1']);
    expect(repo.pruneOlderThan('2026-02-01T00:00:00.000Z', 2)).toBe(1);
    expect(repo.pruneOlderThan('2026-02-01T00:00:00.000Z', 2)).toBe(0);
    expect(left()).toEqual(['j2-mar1']);
    db.close();
  });
});
