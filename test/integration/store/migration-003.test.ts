import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/db';
import { migration001Initial } from '../../../src-main/store/migrations/001-initial';
import { migration002Provisioning } from '../../../src-main/store/migrations/002-provisioning';
import { migration003WriteSafety } from '../../../src-main/store/migrations/003-write-safety';
import { makeTempDir } from '../temp-dir';

const upToV2 = [migration001Initial, migration002Provisioning];
const upToV3 = [...upToV2, migration003WriteSafety];

describe('migration 003 (write safety: job leases, write intents)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('upgrades a version-2 database with its jobs, links and cycles intact, after a backup', () => {
    const path = join(dir.path, 'roster.db');
    const v2 = openDatabase({ path, migrations: upToV2 });
    v2.db.exec(`
      INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
        VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
      INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, created_at, updated_at)
        VALUES ('j1', 'HR → App', 's', 't', '{}', 't', 't');
      INSERT INTO links (job_id, object_type, anchor, target_id, linked_at, updated_at)
        VALUES ('j1', 'User', 'E1', 'id-1', 't', 't');
      INSERT INTO cycles (id, job_id, kind, dry_run, status, started_at, initiated_by)
        VALUES ('c1', 'j1', 'initial', 0, 'running', 't', 'tester');
    `);
    v2.db.close();

    const v3 = openDatabase({ path, migrations: upToV3 });
    expect(v3.schemaVersion).toBe(3);
    expect(v3.db.pragma('user_version', { simple: true })).toBe(3);
    expect(v3.backupPath).toMatch(/roster\.db\.v2-.*\.bak$/);
    expect(v3.db.prepare('SELECT name FROM jobs').pluck().all()).toEqual(['HR → App']);
    expect(v3.db.prepare('SELECT target_id FROM links').pluck().all()).toEqual(['id-1']);
    // A cycle left running before leases existed has no lease: start-up will mark it abandoned.
    expect(v3.db.prepare('SELECT status FROM cycles').pluck().all()).toEqual(['running']);
    const tables = v3.db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['job_leases', 'write_intents']));
    expect(tables).toHaveLength(13);
    expect(
      v3.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'write_intents_job'")
        .get(),
    ).toBeDefined();
    v3.db.close();
  });

  it('keeps one lease per job, tied to the job, and intents to known operations', () => {
    const { db } = openDatabase({ path: join(dir.path, 'r.db'), migrations: upToV3 });
    db.exec(`
      INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
        VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
      INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, created_at, updated_at)
        VALUES ('j1', 'HR → App', 's', 't', '{}', 't', 't');
    `);
    const lease = db.prepare(
      `INSERT INTO job_leases (job_id, owner_id, owner_label, pid, host, acquired_at, renewed_at, expires_at)
       VALUES (?, ?, 'roster sync', 1, 'h', 't', 't', 't')`,
    );
    lease.run('j1', 'o1');
    expect(() => lease.run('j1', 'o2')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => lease.run('missing', 'o1')).toThrow(/FOREIGN KEY/);
    const intent = db.prepare(
      `INSERT INTO write_intents (job_id, cycle_id, object_type, anchor, operation, created_at)
       VALUES ('j1', 'c1', 'User', 'E1', ?, 't')`,
    );
    intent.run('create');
    expect(() => intent.run('frobnicate')).toThrow(/CHECK/);

    db.prepare("DELETE FROM jobs WHERE id = 'j1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM job_leases').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM write_intents').pluck().get()).toBe(0);
    db.close();
  });
});
