/**
 * The users phase starts its objects in batches beyond the target's concurrency so that their write
 * intents share a commit (bounded-pool.ts runBatched, issue 11), while the SCIM client still keeps
 * no more than `maxConcurrency` requests in flight at the server. Real scimmy; each request held
 * 5 ms so that requests overlap as they would against a remote app.
 */
import type { NextFunction, Request, Response } from 'express';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startScimmyServer, type ScimmyPeer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee } from './engine-kit';
import { countIntentCommits } from './intent-commits';

/** Holds each request 5 ms and keeps the most requests the server had in flight at once. */
function overlapping() {
  const seen = { inFlight: 0, most: 0 };
  const layer = (_request: Request, response: Response, next: NextFunction) => {
    seen.inFlight++;
    seen.most = Math.max(seen.most, seen.inFlight);
    response.once('finish', () => seen.inFlight--);
    setTimeout(next, 5);
  };
  return { seen, layer };
}

describe('write intents committed in batches', () => {
  let kit: EngineKit;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => kit?.stop());

  it('commits the intents of many creates together and never exceeds maxConcurrency at the server', async () => {
    const { seen, layer } = overlapping();
    kit = new EngineKit(await startScimmyServer({ layers: [layer] }));
    await kit.start(
      Array.from({ length: 80 }, (_, i) => employee(i + 1)),
      { settings: { maxConcurrency: 2, maxRequestsPerSecond: 1000 } },
    );
    const commits = countIntentCommits(kit.app.store);

    const cycle = await kit.sync();

    expect(cycle.status).toBe('completed');
    expect(cycle.counters.created).toBe(80);
    expect(kit.peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users')).toHaveLength(80);
    // Every write had its intent: the 80 creates and the groups' creates and membership requests.
    expect(commits.intents).toBe(kit.writes().length);
    // One commit per object before; now a commit holds the intents of a batch.
    expect(commits.withIntents.size).toBeLessThanOrEqual(commits.intents / 4);
    expect(seen.most).toBe(2);
    expect(kit.app.store.intents.forJob(kit.jobId)).toEqual([]);
  });

  it('opens the intents of many updates together, before their reads, and finishes every one', async () => {
    const { seen, layer } = overlapping();
    kit = new EngineKit(await startScimmyServer({ layers: [layer] }));
    const everyone = Array.from({ length: 40 }, (_, i) => employee(i + 1));
    await kit.start(everyone, { settings: { maxConcurrency: 2, maxRequestsPerSecond: 1000 } });
    await kit.sync();
    // 30 change their title; of them, one already has the new title in the target (its read shows
    // nothing to send, and its intent is finished all the same).
    kit.writeCsv(everyone.map((e, i) => (i < 30 ? { ...e, jobTitle: 'Lead' } : e)));
    const already = kit.targetIdOf(everyone[0]?.employeeId ?? '');
    const stored = (kit.peer as ScimmyPeer).storedUser(already);
    if (stored) stored['title'] = 'Lead';
    kit.peer.resetRequests();
    seen.most = 0;
    const commits = countIntentCommits(kit.app.store);

    const cycle = await kit.sync();

    expect(cycle.status).toBe('completed');
    expect(cycle.counters.updated).toBe(29);
    expect(kit.writes().filter((r) => r.method === 'PATCH')).toHaveLength(29);
    expect(commits.intents).toBe(30);
    expect(commits.withIntents.size).toBeLessThanOrEqual(30 / 4);
    expect(seen.most).toBe(2);
    expect(kit.app.store.intents.forJob(kit.jobId)).toEqual([]);
  });

  it('disables leavers side by side, within maxConcurrency', async () => {
    const { seen, layer } = overlapping();
    kit = new EngineKit(await startScimmyServer({ layers: [layer] }));
    const everyone = Array.from({ length: 40 }, (_, i) => employee(i + 1));
    // Three quarters leave at once: the shrink guard would stop the cycle at its default 30 %.
    await kit.start(everyone, {
      settings: { maxConcurrency: 3, maxRequestsPerSecond: 1000, maxSourceShrinkFraction: 0.9 },
    });
    expect((await kit.sync()).counters.created).toBe(40);

    kit.writeCsv(everyone.slice(0, 10));
    kit.peer.resetRequests();
    seen.most = 0;
    const cycle = await kit.sync();

    expect(cycle, JSON.stringify(cycle.error)).toMatchObject({ status: 'completed' });
    expect(cycle.counters.disabled).toBe(30);
    const disables = kit.writes().filter((r) => r.method === 'PATCH' && r.path.startsWith('/Users/'));
    expect(disables).toHaveLength(30);
    // One at a time before; now the phase keeps the target's three requests in flight, and no more.
    expect(seen.most).toBe(3);
    for (const gone of everyone.slice(10))
      expect(kit.app.store.links.get(kit.jobId, 'User', gone.employeeId)?.active).toBe(false);
    expect(kit.app.store.intents.forJob(kit.jobId)).toEqual([]);
  });
});
