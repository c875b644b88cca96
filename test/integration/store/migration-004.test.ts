import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/db';
import { migration001Initial } from '../../../src-main/store/migrations/001-initial';
import { migration002Provisioning } from '../../../src-main/store/migrations/002-provisioning';
import { migration003WriteSafety } from '../../../src-main/store/migrations/003-write-safety';
import { migration004Scheduler } from '../../../src-main/store/migrations/004-scheduler';
import { createSchedulesRepo } from '../../../src-main/store/schedules-repo';
import { makeTempDir } from '../temp-dir';

const upToV3 = [migration001Initial, migration002Provisioning, migration003WriteSafety];
const upToV4 = [...upToV3, migration004Scheduler];

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't');
`;

describe('migration 004 (scheduler: job schedules)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('upgrades a version-3 database with its jobs intact; existing jobs start out not started', () => {
    const path = join(dir.path, 'roster.db');
    const v3 = openDatabase({ path, migrations: upToV3 });
    v3.db.exec(seed);
    v3.db.close();

    const v4 = openDatabase({ path, migrations: upToV4 });
    expect(v4.schemaVersion).toBe(4);
    expect(v4.backupPath).toMatch(/roster\.db\.v3-.*\.bak$/);
    expect(v4.db.prepare('SELECT name, status FROM jobs').all()).toEqual([
      { name: 'HR → App', status: 'Active' },
    ]);
    // Nothing runs on its own after an upgrade: the admin presses Start.
    expect(v4.db.prepare('SELECT COUNT(*) FROM job_schedules').pluck().get()).toBe(0);
    v4.db.close();
  });

  it('keeps one schedule per job, tied to the job, in a known state', () => {
    const { db } = openDatabase({ path: join(dir.path, 'r.db'), migrations: upToV4 });
    db.exec(seed);
    const insert = db.prepare(
      `INSERT INTO job_schedules (job_id, state, changed_at, changed_by) VALUES (?, ?, 't', 'admin')`,
    );
    insert.run('j1', 'started');
    expect(() => insert.run('j1', 'paused')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('missing', 'started')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM job_schedules').run();
    expect(() => insert.run('j1', 'running')).toThrow(/CHECK/);
    insert.run('j1', 'paused');
    db.prepare("DELETE FROM jobs WHERE id = 'j1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM job_schedules').pluck().get()).toBe(0);
    db.close();
  });

  it('reads and writes schedules, the latest real cycle start, and the scheduler settings', () => {
    const { db } = openDatabase({ path: join(dir.path, 'r.db'), migrations: upToV4 });
    db.exec(seed);
    const repo = createSchedulesRepo(db);
    expect(repo.get('j1')).toBeNull();
    repo.set('j1', 'started', '2026-03-02T09:00:00.000Z', 'admin');
    repo.set('j1', 'paused', '2026-03-02T10:00:00.000Z', 'other');
    expect(repo.list()).toEqual([
      { jobId: 'j1', state: 'paused', changedAt: '2026-03-02T10:00:00.000Z', changedBy: 'other' },
    ]);
    const cycle = db.prepare(
      `INSERT INTO cycles (id, job_id, kind, dry_run, status, started_at, initiated_by) VALUES (?, 'j1', 'initial', ?, 'completed', ?, 'x')`,
    );
    cycle.run('c1', 0, '2026-03-02T09:00:00.000Z');
    cycle.run('c2', 1, '2026-03-02T09:30:00.000Z'); // a dry run does not count
    cycle.run('c3', 0, '2026-03-02T11:00:00.000Z'); // "in the future" for the question below
    expect(repo.lastCycleStart('j1', '2026-03-02T10:00:00.000Z')).toBe('2026-03-02T09:00:00.000Z');
    expect(repo.lastCycleStart('j1', '2026-03-02T12:00:00.000Z')).toBe('2026-03-02T11:00:00.000Z');
    expect(repo.lastCycleStart('j1', '2026-03-02T08:00:00.000Z')).toBeNull();

    expect(repo.settings()).toEqual({ maxConcurrentJobs: 2 });
    repo.saveSettings({ maxConcurrentJobs: 5 });
    expect(repo.settings()).toEqual({ maxConcurrentJobs: 5 });
    db.prepare("UPDATE settings SET value = '{\"maxConcurrentJobs\": 999}' WHERE key = 'scheduler'").run();
    expect(repo.settings()).toEqual({ maxConcurrentJobs: 2 });
    db.prepare("UPDATE settings SET value = 'not json' WHERE key = 'scheduler'").run();
    expect(repo.settings()).toEqual({ maxConcurrentJobs: 2 });
    db.close();
  });
});
