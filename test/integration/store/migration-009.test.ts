import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/db';
import { createLogRepo } from '../../../src-main/store/log-repo';
import { migrations } from '../../../src-main/store/migrations/index';
import { makeTempDir } from '../temp-dir';
import { logEntry } from '../retention/log-entries';

const beforeV9 = migrations.filter((m) => m.version < 9);
const upToV9 = migrations.filter((m) => m.version <= 9);

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't'), ('j2', 'HR → Other', 's', 't', '{}', 'Active', 't', 't');
`;

describe('migration 009 (log indexes that end in seq)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('upgrades a version-8 database with its entries intact, and pages come from an index without sorting', () => {
    const path = join(dir.path, 'roster.db');
    const v8 = openDatabase({ path, migrations: beforeV9 });
    expect(v8.schemaVersion).toBe(8);
    v8.db.exec(seed);
    createLogRepo(v8.db).insertMany([
      logEntry('j1', '2026-01-01T00:00:00.000Z', 'a'),
      logEntry('j2', '2026-02-01T00:00:00.000Z', 'b'),
      logEntry('j1', '2026-03-01T00:00:00.000Z', 'c'),
    ]);
    v8.db.close();

    const v9 = openDatabase({ path, migrations: upToV9 });
    expect(v9.schemaVersion).toBe(9);
    const log = createLogRepo(v9.db);
    expect(log.page({ jobId: 'j1', limit: 10 }).entries.map((e) => e.activityDateTime)).toEqual([
      '2026-03-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    ]);
    const indexes = v9.db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'log_entries' ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'log_job_seq',
        'log_job_status_seq',
        'log_job_action_seq',
        'log_status_seq',
        'log_action_seq',
      ]),
    );
    expect(indexes).not.toContain('log_job_time');
    // Each filter's page reads rows in seq order from an index: no temporary B-tree for ORDER BY.
    for (const where of [
      'job_id = ?',
      'status = ?',
      'job_id = ? AND status = ?',
      'action = ?',
      'job_id = ? AND action = ?',
    ]) {
      const plan = v9.db
        .prepare(`EXPLAIN QUERY PLAN SELECT seq FROM log_entries WHERE ${where} ORDER BY seq DESC LIMIT 200`)
        .all(
          ...where
            .split('?')
            .slice(1)
            .map(() => 'x'),
        )
        .map((row) => (row as { detail: string }).detail)
        .join('; ');
      expect(plan, where).not.toContain('TEMP B-TREE');
    }
    v9.db.close();
  });
});
