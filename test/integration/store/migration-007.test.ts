import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyCounters } from '@shared/domain/provisioning';
import { openDatabase } from '../../../src-main/store/db';
import { createCyclesRepo } from '../../../src-main/store/cycles-repo';
import { createDraftsRepo } from '../../../src-main/store/drafts-repo';
import { migrations } from '../../../src-main/store/migrations/index';
import { migration007Drafts } from '../../../src-main/store/migrations/007-drafts';
import { makeTempDir } from '../temp-dir';

const beforeV7 = migrations.filter((m) => m.version < 7);
const upToV7 = [...beforeV7, migration007Drafts];

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't');
  INSERT INTO cycles (id, job_id, kind, dry_run, status, started_at, initiated_by)
    VALUES ('c1', 'j1', 'initial', 0, 'completed', '2026-01-01T00:00:00.000Z', 'alice');
`;

describe('migration 007 (wizard drafts, configuration digest per cycle)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('upgrades a version-6 database: old cycles keep their rows with an unknown digest', () => {
    const path = join(dir.path, 'roster.db');
    const v6 = openDatabase({ path, migrations: beforeV7 });
    expect(v6.schemaVersion).toBe(6);
    v6.db.exec(seed);
    v6.db.close();

    const v7 = openDatabase({ path, migrations: upToV7 });
    expect(v7.schemaVersion).toBe(7);
    expect(v7.backupPath).toMatch(/roster\.db\.v6-.*\.bak$/);
    v7.db.close();
    // Today's repository needs today's schema (later migrations add tables it reads).
    const latest = openDatabase({ path, migrations });
    const cycles = createCyclesRepo(latest.db);
    expect(cycles.get('c1')?.status).toBe('completed');
    // Recorded before digests existed: unknown (null), which the engine does not read as "changed".
    expect(cycles.lastCompletedDigest('j1')).toBeNull();
    expect(cycles.lastCompletedDigest('no-such-job')).toBeUndefined();
    latest.db.close();
  });

  it('records the digest a cycle runs under, and reads the last completed real one', () => {
    const { db } = openDatabase({ path: join(dir.path, 'r.db'), migrations });
    db.exec(seed);
    const cycles = createCyclesRepo(db);
    const start = (id: string, at: string, dryRun: boolean, digest: string) =>
      cycles.start({
        id,
        jobId: 'j1',
        kind: 'incremental',
        dryRun,
        startedAt: at,
        initiatedBy: 'alice',
        watermarkBefore: null,
        configDigest: digest,
      });
    const finish = (id: string, status: 'completed' | 'failed') =>
      cycles.finish(id, {
        status,
        endedAt: '2026-01-03T00:00:00.000Z',
        counters: emptyCounters(),
        error: null,
        watermarkAfter: null,
      });
    start('c2', '2026-01-02T00:00:00.000Z', false, 'digest-a');
    finish('c2', 'completed');
    start('c3', '2026-01-02T01:00:00.000Z', true, 'digest-dry');
    finish('c3', 'completed');
    start('c4', '2026-01-02T02:00:00.000Z', false, 'digest-failed');
    finish('c4', 'failed');
    expect(cycles.lastCompletedDigest('j1')).toBe('digest-a');
    db.close();
  });

  it('holds one job draft, replaced on save and removed on delete; only the kind "job" exists', () => {
    const { db } = openDatabase({ path: join(dir.path, 'd.db'), migrations: upToV7 });
    const drafts = createDraftsRepo(db);
    expect(drafts.getJob()).toBeNull();
    drafts.saveJob({ step: 1, data: { source: 'HR' }, savedAt: '2026-01-01T00:00:00.000Z' });
    drafts.saveJob({ step: 3, data: { source: 'HR', target: 'App' }, savedAt: '2026-01-01T00:01:00.000Z' });
    expect(drafts.getJob()).toEqual({
      step: 3,
      data: { source: 'HR', target: 'App' },
      savedAt: '2026-01-01T00:01:00.000Z',
    });
    expect(db.prepare('SELECT COUNT(*) FROM drafts').pluck().get()).toBe(1);
    expect(() =>
      db.prepare("INSERT INTO drafts (kind, step, data_json, saved_at) VALUES ('other', 0, '{}', 't')").run(),
    ).toThrow(/CHECK constraint failed/);
    expect(drafts.deleteJob()).toBe(true);
    expect(drafts.deleteJob()).toBe(false);
    db.close();
  });
});
