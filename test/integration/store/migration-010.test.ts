import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/db';
import { createLogRepo } from '../../../src-main/store/log-repo';
import { migrations } from '../../../src-main/store/migrations/index';
import { makeTempDir } from '../temp-dir';
import { logEntry } from '../retention/log-entries';

const beforeV10 = migrations.filter((m) => m.version < 10);
const upToV10 = migrations.filter((m) => m.version <= 10);

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't');
`;

function queryPlan(db: ReturnType<typeof openDatabase>['db'], sql: string, params: unknown[]): string {
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((row) => (row as { detail: string }).detail)
    .join('; ');
}

describe('migration 010 (time blocks and the block-keyed name index of the provisioning log)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('upgrades a version-9 database: its entries get time blocks, and new entries keep them through the repository', () => {
    const path = join(dir.path, 'roster.db');
    const v9 = openDatabase({ path, migrations: beforeV10 });
    expect(v9.schemaVersion).toBe(9);
    v9.db.exec(seed);
    createLogRepo(v9.db).insertMany([
      logEntry('j1', '2026-01-02T00:00:00.000Z', 'Ada'),
      logEntry('j1', '2026-01-01T00:00:00.000Z', 'Grace'),
      logEntry('j1', '2026-01-03T00:00:00.000Z', 'Alan'),
    ]);
    v9.db.close();

    const v10 = openDatabase({ path, migrations: upToV10 });
    expect(v10.schemaVersion).toBe(10);
    expect(v10.db.prepare('SELECT block, min_at, max_at FROM log_time_blocks').all()).toEqual([
      { block: 0, min_at: '2026-01-01T00:00:00.000Z', max_at: '2026-01-03T00:00:00.000Z' },
    ]);
    const log = createLogRepo(v10.db);
    log.insertMany([logEntry('j1', '2025-12-31T00:00:00.000Z', 'ada lovelace')]);
    expect(v10.db.prepare('SELECT min_at FROM log_time_blocks WHERE block = 0').pluck().get()).toBe(
      '2025-12-31T00:00:00.000Z',
    );
    // A seq in a later block gets a block of its own.
    v10.db.exec("UPDATE sqlite_sequence SET seq = 8191 WHERE name = 'log_entries'");
    log.insertMany([logEntry('j1', '2026-02-01T00:00:00.000Z', 'Later')]);
    expect(v10.db.prepare('SELECT block, min_at, max_at FROM log_time_blocks WHERE block = 2').get()).toEqual(
      {
        block: 2,
        min_at: '2026-02-01T00:00:00.000Z',
        max_at: '2026-02-01T00:00:00.000Z',
      },
    );

    expect(log.page({ identity: 'ADA', limit: 10 }).entries.map((e) => e.sourceIdentity.id)).toEqual([
      'ada lovelace',
      'Ada',
    ]);
    expect(
      log.page({ until: '2026-01-01T12:00:00.000Z', limit: 10 }).entries.map((e) => e.sourceIdentity.id),
    ).toEqual(['ada lovelace', 'Grace']);
    expect(log.page({ since: '2026-03-01T00:00:00.000Z', limit: 10 }).entries).toEqual([]);
    v10.db.close();
  });

  it('serves a name prefix inside one block from the covering index, with no sort and no row read', () => {
    const { db } = openDatabase({ path: join(dir.path, 'r.db'), migrations: upToV10 });
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'log_entries'")
      .pluck()
      .all();
    expect(indexes).toContain('log_name_blocks');
    expect(indexes).not.toContain('log_source_name');
    const plan = queryPlan(
      db,
      `SELECT l.seq FROM log_entries l INDEXED BY log_name_blocks
       WHERE l.seq >> 12 = ? AND l.source_display_name >= ? COLLATE NOCASE AND l.source_display_name < ? COLLATE NOCASE
         AND l.job_id = ? AND l.status = ? AND +l.at >= ? AND l.seq BETWEEN ? AND ?
       ORDER BY l.seq DESC LIMIT 201`,
      [3, 'ada', 'ada\u{10FFFF}', 'j1', 'failure', '2026-01-01', 0, 99_999],
    );
    expect(plan).toContain('COVERING INDEX log_name_blocks');
    // The window of a time range reads the job's own index in seq order: no sort.
    const byJob = queryPlan(
      db,
      'SELECT l.seq FROM log_entries l WHERE l.job_id = ? AND +l.at >= ? AND l.seq BETWEEN ? AND ? ORDER BY l.seq DESC LIMIT 201',
      ['j1', '2026-01-01', 0, 99_999],
    );
    expect(byJob).toContain('log_job_seq');
    expect(byJob).not.toContain('TEMP B-TREE');
    db.close();
  });
});
