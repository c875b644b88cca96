import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countLinks } from '../../../src-main/engine/load-cycle-state';
import type { LinkRecord } from '../../../src-main/store/links-repo';
import { openStore } from '../../../src-main/store/store';
import { seedJob } from '../retention/log-entries';
import { makeTempDir } from '../temp-dir';

function link(jobId: string, objectType: 'User' | 'Group', anchor: string): LinkRecord {
  return {
    jobId,
    objectType,
    anchor,
    targetId: `t-${anchor}`,
    displayName: anchor,
    exported: {},
    active: true,
    members: [],
    linkedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('counting a job’s links in steps', () => {
  const dir = makeTempDir('roster-count-links-');
  afterAll(() => dir.remove());

  it('counts every link of both types across steps, and only the job’s', async () => {
    const store = openStore({ path: join(dir.path, 'roster.db') });
    const jobId = seedJob(store);
    // More users than one step counts (10,000), so the count goes on across steps.
    store.transaction(() => {
      for (let i = 0; i < 20_005; i++) store.links.upsert(link(jobId, 'User', `u${i}`));
      for (const anchor of ['g1', 'g2', 'g3']) store.links.upsert(link(jobId, 'Group', anchor));
    });
    expect(await countLinks(store, jobId)).toBe(20_008);
    expect(store.links.count(jobId, 'User') + store.links.count(jobId, 'Group')).toBe(20_008);

    // Steps follow the links_target index: target id, then anchor (`t-u0`, `t-u1`, `t-u10`, …).
    const first = store.links.countStep(jobId, 'User', null, 3);
    expect(first).toEqual({ counted: 3, next: { targetId: 't-u10', anchor: 'u10' } });
    expect(store.links.countStep(jobId, 'User', first.next, 3)).toEqual({
      counted: 3,
      next: { targetId: 't-u10000', anchor: 'u10000' },
    });
    // The last step counts what is left and ends the walk.
    expect(store.links.countStep(jobId, 'Group', null, 10)).toEqual({ counted: 3, next: null });
    expect(store.links.countStep(jobId, 'Group', { targetId: 't-g3', anchor: 'g3' }, 10)).toEqual({
      counted: 0,
      next: null,
    });
    expect(await countLinks(store, 'no-such-job')).toBe(0);
    store.close();
  });
});
