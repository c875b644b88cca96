import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyCounters } from '@shared/domain/provisioning';
import { openDatabase } from '../../../src-main/store/db';
import { createCyclesRepo } from '../../../src-main/store/cycles-repo';
import { createLinksRepo, type LinkRecord } from '../../../src-main/store/links-repo';
import { createSourceStateRepo } from '../../../src-main/store/source-state-repo';
import { migrations } from '../../../src-main/store/migrations/index';
import { migration012SourceStateEpochs } from '../../../src-main/store/migrations/012-source-state-epochs';
import { loadCycleState, loadCycleStateNow } from '../../../src-main/engine/load-cycle-state';
import type { Store } from '../../../src-main/store/store';
import { makeTempDir } from '../temp-dir';

const before012 = migrations.filter((m) => m.version < 12);
const upTo012 = [...before012, migration012SourceStateEpochs];

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't'), ('j2', 'HR → Other', 's', 't', '{}', 'Active', 't', 't');
`;

function link(jobId: string, objectType: 'User' | 'Group', anchor: string): LinkRecord {
  return {
    jobId,
    objectType,
    anchor,
    targetId: `t-${anchor}`,
    displayName: anchor,
    exported: { userName: `${anchor}@example.com`, active: true },
    active: true,
    members: objectType === 'Group' ? ['m1'] : [],
    linkedAt: 't',
    updatedAt: 't',
  };
}

describe('migration 012 (source-state epochs) and paged loading of links and state', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('counts every delete of a link or a state row per job, and a finished cycle records the count', () => {
    const path = join(dir.path, 'roster.db');
    const old = openDatabase({ path, migrations: before012 });
    old.db.exec(seed);
    old.db.close();

    const { db } = openDatabase({ path, migrations: upTo012 });
    const links = createLinksRepo(db);
    const state = createSourceStateRepo(db);
    const cycles = createCyclesRepo(db);
    expect(cycles.sourceStateEpoch('j1')).toBe(0);

    links.upsert(link('j1', 'User', 'a'));
    links.upsert(link('j1', 'User', 'b'));
    state.upsertMany('j1', [
      { objectType: 'User', anchor: 'a', stateHash: 'h1', displayName: 'a' },
      { objectType: 'User', anchor: 'b', stateHash: 'h2', displayName: 'b' },
    ]);
    // Adding and updating rows is what cycles do; they leave the epoch alone.
    state.upsertMany('j1', [{ objectType: 'User', anchor: 'a', stateHash: 'h3', displayName: 'a' }]);
    expect(cycles.sourceStateEpoch('j1')).toBe(0);

    cycles.start({
      id: 'c1',
      jobId: 'j1',
      kind: 'initial',
      dryRun: false,
      startedAt: '2026-01-01T00:00:00.000Z',
      initiatedBy: 'tester',
      watermarkBefore: null,
      configDigest: 'd',
    });
    expect(cycles.lastReal('j1')).toMatchObject({ id: 'c1', status: 'running', sourceStateEpoch: null });
    cycles.finish('c1', {
      status: 'completed',
      endedAt: '2026-01-01T00:01:00.000Z',
      counters: { ...emptyCounters(), read: 2 },
      error: null,
      watermarkAfter: 'w1',
    });
    expect(cycles.lastReal('j1')).toMatchObject({
      status: 'completed',
      configDigest: 'd',
      watermarkAfter: 'w1',
      sourceStateEpoch: 0,
      counters: { read: 2 },
    });

    // An unlink between cycles: the link and the state row go, the epoch moves on (for j1 only).
    links.delete('j1', 'User', 'b');
    state.deleteMany('j1', [{ objectType: 'User', anchor: 'b' }]);
    expect(cycles.sourceStateEpoch('j1')).toBe(2);
    expect(cycles.sourceStateEpoch('j2')).toBe(0);

    db.exec("DELETE FROM jobs WHERE id = 'j1'");
    expect(db.prepare('SELECT COUNT(*) AS n FROM source_state_epochs').get()).toEqual({ n: 0 });
    db.close();
  });

  it('reads links and state page by page in key order, the same as reading them whole', async () => {
    const { db } = openDatabase({ path: join(dir.path, 'roster.db'), migrations: upTo012 });
    db.exec(seed);
    const links = createLinksRepo(db);
    const sourceState = createSourceStateRepo(db);
    // Anchors that sort differently as text and as numbers, over several pages of 2,000 (load-cycle-state.ts), both types.
    const anchors = Array.from({ length: 4500 }, (_, i) => `u${i}`);
    db.transaction(() => {
      for (const anchor of anchors) links.upsert(link('j1', 'User', anchor));
      for (const anchor of ['g2', 'g10', 'g1']) links.upsert(link('j1', 'Group', anchor));
      links.upsert(link('j2', 'User', 'other'));
    })();
    sourceState.upsertMany(
      'j1',
      anchors.map((anchor) => ({
        objectType: 'User' as const,
        anchor,
        stateHash: `h-${anchor}`,
        displayName: anchor,
      })),
    );

    const store = { links, sourceState } as unknown as Store;
    const loaded = await loadCycleState(store, 'j1', new AbortController().signal);
    const whole = links.forJob('j1');
    expect(loaded.links.size).toBe(4503);
    expect([...loaded.links.keys()].sort()).toEqual(
      whole.map((l) => `${l.objectType}\u0000${l.anchor}`).sort(),
    );
    for (const l of whole)
      expect(loaded.links.targetIdOf(`${l.objectType}\u0000${l.anchor}`)).toBe(l.targetId);
    // Records are read by key when asked for (and not kept: job-links.ts).
    const group = loaded.links.get('Group\u0000g10');
    expect(group?.members).toEqual(['m1']);
    expect(loaded.links.get('Group\u0000g10')).toEqual(group);
    expect(loaded.links.get('User\u0000other')).toBeUndefined();
    expect(loaded.previousHashes).toEqual(
      new Map([...sourceState.forJob('j1')].map(([key, state]) => [key, state.stateHash])),
    );
    expect(loadCycleStateNow(store, 'j1').previousHashes).toEqual(loaded.previousHashes);

    // In the order of the links_target index: object type, target id, anchor.
    const firstTwo = links.targetIdPage('j1', null, 2);
    expect(firstTwo.map(([key]) => key)).toEqual(['Group\u0000g1', 'Group\u0000g10']);
    const next = links.targetIdPage('j1', { objectType: 'Group', anchor: 'g10', targetId: 't-g10' }, 2);
    expect(next).toEqual([
      ['Group\u0000g2', 't-g2'],
      ['User\u0000u0', 't-u0'],
    ]);

    const controller = new AbortController();
    controller.abort();
    await expect(loadCycleState(store, 'j1', controller.signal)).rejects.toThrow(/cancelled/);
    db.close();
  });
});
