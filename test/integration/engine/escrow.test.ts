import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EscrowView } from '@shared/domain/escrow';
import { scimRefusal, startScimProxy, type ScimProxy } from '../../peers/scim-proxy';
import { startScimmyServer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee } from './engine-kit';

const hour = 3_600_000;

/**
 * Escrow (§9.2) against a real SCIM server (scimmy) that refuses one account through a proxy: the
 * refused object is retried on its schedule (next cycle, +6 h, +12 h …), at once when it changes in
 * the source or when the admin asks, and costs the target nothing in between.
 */
describe('escrow: a refused object is retried on its schedule, not in every cycle', () => {
  let kit: EngineKit | null = null;
  let proxy: ScimProxy | null = null;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
    await proxy?.stop();
    kit = null;
    proxy = null;
  });

  it('follows next cycle, +6 h, a source change, retry now and success', async () => {
    const peer = await startScimmyServer();
    let refuse = true;
    proxy = await startScimProxy(peer.baseUrl, {
      before: (req) =>
        refuse && req.method === 'POST' && req.body.includes('user3@example.com')
          ? scimRefusal('title is not allowed')
          : 'forward',
    });
    let now = Date.parse('2026-03-02T09:00:00.000Z');
    kit = new EngineKit({ ...peer, baseUrl: proxy.baseUrl, stop: () => peer.stop() }, () => new Date(now));
    const staff = [1, 2, 3].map((n) => employee(n));
    await kit.start(staff);
    const app = kit;
    const escrows = async () =>
      (await app.app.dispatch('jobs.escrows', { id: app.jobId })) as unknown as {
        ok: boolean;
        value: EscrowView[];
      };
    const user3Posts = () =>
      proxy!.seen.filter((r) => r.method === 'POST' && r.body.includes('user3@example.com')).length;
    const writes = () => proxy!.seen.filter((r) => r.method !== 'GET').length;

    const first = await app.sync();
    expect(first.counters).toMatchObject({ created: 2, failed: 1 });
    let list = (await escrows()).value;
    expect(list).toMatchObject([
      {
        anchor: 'E0003',
        errorClass: 'permanent',
        errorCode: 'UnprocessableEntity',
        attempts: 1,
        nextRetry: { kind: 'nextCycle' },
      },
    ]);
    expect(list[0]?.errorMessage).toContain('title is not allowed');

    // The next cycle retries it once more.
    now += 40 * 60_000;
    expect((await app.sync()).counters).toMatchObject({ failed: 1, escrowWaiting: 0 });
    expect(user3Posts()).toBe(2);
    list = (await escrows()).value;
    expect(list[0]).toMatchObject({ attempts: 2, nextRetry: { kind: 'at', at: '2026-03-02T15:00:00.000Z' } });

    // Then not before +6 h after the first failure: the cycles in between send nothing at all.
    for (const minutes of [80, 120, 300]) {
      now = Date.parse('2026-03-02T09:00:00.000Z') + minutes * 60_000;
      const before = proxy.seen.length;
      const cycle = await app.sync();
      expect(cycle.counters).toMatchObject({ failed: 0, escrowWaiting: 1 });
      expect(proxy.seen.length).toBe(before);
    }
    now = Date.parse('2026-03-02T09:00:00.000Z') + 6 * hour;
    expect((await app.sync()).counters).toMatchObject({ failed: 1, escrowWaiting: 0 });
    expect(user3Posts()).toBe(3);
    expect((await escrows()).value[0]).toMatchObject({
      attempts: 3,
      nextRetry: { kind: 'at', at: '2026-03-02T21:00:00.000Z' },
    });

    // A change in the source makes it due at once.
    now += 40 * 60_000;
    app.writeCsv([staff[0]!, staff[1]!, { ...staff[2]!, surname: 'Renamed' }]);
    expect((await app.sync()).counters).toMatchObject({ failed: 1, escrowWaiting: 0 });
    expect(user3Posts()).toBe(4);

    // Quiet again until the admin asks for a retry (the target was fixed meanwhile).
    now += 40 * 60_000;
    const quiet = writes();
    expect((await app.sync()).counters).toMatchObject({ escrowWaiting: 1 });
    expect(writes()).toBe(quiet);
    refuse = false;
    const asked = await app.app.dispatch('jobs.escrowAction', {
      id: app.jobId,
      objectType: 'User',
      anchor: 'E0003',
      action: 'retryNow',
    });
    expect(asked.ok).toBe(true);
    now += 40 * 60_000;
    expect((await app.sync()).counters).toMatchObject({ created: 1, failed: 0 });
    expect((await escrows()).value).toEqual([]);
    expect(app.targetIdOf('E0003')).toBeTruthy();
    expect(peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users')).toHaveLength(3);
    // Steady: the next cycle sends nothing.
    now += 40 * 60_000;
    const steady = writes();
    expect((await app.sync()).counters).toMatchObject({ failed: 0, escrowWaiting: 0 });
    expect(writes()).toBe(steady);
  });

  it('stops retrying 28 days after the first failure, and drop forgets the entry', async () => {
    const peer = await startScimmyServer();
    proxy = await startScimProxy(peer.baseUrl, {
      before: (req) =>
        req.method === 'POST' && req.body.includes('user2@example.com')
          ? {
              respond: {
                status: 409,
                body: JSON.stringify({ status: '409', scimType: 'uniqueness', detail: 'taken' }),
              },
            }
          : 'forward',
    });
    let now = Date.parse('2026-03-02T09:00:00.000Z');
    kit = new EngineKit({ ...peer, baseUrl: proxy.baseUrl, stop: () => peer.stop() }, () => new Date(now));
    await kit.start([employee(1), employee(2)]);
    const app = kit;
    await app.sync();
    now += 29 * 24 * hour;
    const listed = await app.app.dispatch('jobs.escrows', { id: app.jobId });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value).toMatchObject([{ anchor: 'E0002', expired: true, nextRetry: { kind: 'never' } }]);
    const posts = () => proxy!.seen.filter((r) => r.method === 'POST').length;
    const before = posts();
    expect((await app.sync()).counters).toMatchObject({ escrowWaiting: 1 });
    expect(posts()).toBe(before);

    const dropped = await app.app.dispatch('jobs.escrowAction', {
      id: app.jobId,
      objectType: 'User',
      anchor: 'E0002',
      action: 'drop',
    });
    expect(dropped.ok && dropped.value).toEqual([]);
    const again = await app.app.dispatch('jobs.escrowAction', {
      id: app.jobId,
      objectType: 'User',
      anchor: 'E0002',
      action: 'drop',
    });
    expect(again.ok).toBe(false);
    // Dropped: not tried again in the next cycle, only when it changes in the source.
    const beforeDrop = posts();
    expect((await app.sync()).counters).toMatchObject({ failed: 0, escrowWaiting: 0, unchanged: 2 });
    expect(posts()).toBe(beforeDrop);
    app.writeCsv([employee(1), employee(2, { surname: 'Changed' })]);
    expect((await app.sync()).counters).toMatchObject({ failed: 1 });
    expect(posts()).toBe(beforeDrop + 1);
    const audit = app.app.store.audit.page({ limit: 10 });
    expect(JSON.stringify(audit)).toContain('job.escrowDrop');
  });
});
