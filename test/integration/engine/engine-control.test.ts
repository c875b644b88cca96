import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CycleProgress } from '@shared/domain/provisioning';
import { startScimmyServer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee } from './engine-kit';

describe('running, watching and cancelling cycles', () => {
  let kit: EngineKit;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => kit?.stop());

  it('reports progress by phase with counts and a percentage', async () => {
    kit = new EngineKit(await startScimmyServer());
    await kit.start(Array.from({ length: 30 }, (_, i) => employee(i + 1)));
    const seen: CycleProgress[] = [];
    const unsubscribe = kit.app.events.onAny((name, payload) => {
      if (name === 'jobs.progress') seen.push(payload as CycleProgress);
    });
    await kit.sync();
    unsubscribe();
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases).toEqual(expect.arrayContaining(['reading', 'scoping', 'users', 'recording']));
    const last = seen.at(-1);
    expect(last?.counters.created).toBe(30);
    expect(seen.some((p) => p.phase === 'users' && p.total === 30 && p.percent !== null)).toBe(true);
  });

  it('runs one cycle per job at a time', async () => {
    kit = new EngineKit(await startScimmyServer());
    await kit.start(Array.from({ length: 20 }, (_, i) => employee(i + 1)));
    const first = kit.sync();
    await expect(kit.sync()).rejects.toMatchObject({ code: 'conflict' });
    const result = await kit.app.dispatch('jobs.run', { id: kit.jobId });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await first).status).toBe('completed');
  });

  it('cancels a running cycle: no new object starts and no watermark is stored', async () => {
    kit = new EngineKit(await startScimmyServer());
    await kit.start(
      Array.from({ length: 120 }, (_, i) => employee(i + 1)),
      { settings: { maxConcurrency: 1 } },
    );
    const running = kit.sync();
    await new Promise((r) => setTimeout(r, 500));
    expect(kit.app.engine.cancel(kit.jobId)).toBe(true);
    const cycle = await running;
    expect(cycle.status).toBe('cancelled');
    expect(cycle.counters.created).toBeLessThan(120);
    expect(kit.app.store.jobs.get(kit.jobId)?.watermark).toBeNull();
    // What was created is linked, so the next cycle completes the work without duplicates.
    const next = await kit.sync();
    expect(next.status).toBe('completed');
    expect(kit.app.store.links.count(kit.jobId, 'User')).toBe(120);
    expect(kit.peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users')).toHaveLength(120);
  });
});
