import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/db';
import { migration001Initial } from '../../../src-main/store/migrations/001-initial';
import { migration002Provisioning } from '../../../src-main/store/migrations/002-provisioning';
import { makeTempDir } from '../temp-dir';

describe('migration 002 (provisioning)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('upgrades a version-1 database with its connections intact, after a backup', () => {
    const path = join(dir.path, 'roster.db');
    const v1 = openDatabase({ path, migrations: [migration001Initial] });
    v1.db
      .prepare(
        "INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at) VALUES ('c1', 'HR', 'csv', '{\"path\":\"/hr.csv\"}', 't', 't')",
      )
      .run();
    v1.db.close();

    const v2 = openDatabase({ path, migrations: [migration001Initial, migration002Provisioning] });
    expect(v2.schemaVersion).toBe(2);
    expect(v2.backupPath).not.toBeNull();
    expect(v2.db.prepare('SELECT name FROM connections').pluck().all()).toEqual(['HR']);
    const tables = v2.db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(tables).toEqual([
      'audit_log',
      'connections',
      'cycles',
      'jobs',
      'links',
      'log_entries',
      'pending_references',
      'plan_items',
      'settings',
      'source_objects',
      'staged_deletes',
    ]);
    v2.db.close();
  });

  it('keeps jobs tied to existing connections, and drops a job’s links with it', () => {
    const { db } = openDatabase({
      path: join(dir.path, 'r.db'),
      migrations: [migration001Initial, migration002Provisioning],
    });
    db.prepare(
      "INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at) VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't')",
    ).run();
    const insertJob = db.prepare(
      "INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, created_at, updated_at) VALUES (?, ?, ?, ?, '{}', 't', 't')",
    );
    expect(() => insertJob.run('j0', 'Bad', 'missing', 't')).toThrow(/FOREIGN KEY/);
    insertJob.run('j1', 'HR → App', 's', 't');
    db.prepare(
      "INSERT INTO links (job_id, object_type, anchor, target_id, linked_at, updated_at) VALUES ('j1', 'User', 'E1', 'id-1', 't', 't')",
    ).run();
    expect(() => db.prepare("DELETE FROM connections WHERE id = 's'").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM jobs WHERE id = 'j1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM links').pluck().get()).toBe(0);
    db.close();
  });

  it('indexes every provisioning-log filter', () => {
    const { db } = openDatabase({
      path: join(dir.path, 'r.db'),
      migrations: [migration001Initial, migration002Provisioning],
    });
    const plan = (where: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN SELECT * FROM log_entries WHERE ${where}`)
        .all()
        .map((r) => (r as { detail: string }).detail)
        .join(' ');
    for (const where of [
      "job_id = 'j' AND at > 'x'",
      "cycle_id = 'c'",
      "change_id = 'c'",
      "job_id = 'j' AND status = 'failure'",
      "job_id = 'j' AND action = 'create'",
      "source_id = 's'",
      "target_id = 't'",
    ]) {
      expect(plan(where), where).toMatch(/USING (COVERING )?INDEX/);
    }
    db.close();
  });
});
