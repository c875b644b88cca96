import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetail, JobView } from '@shared/domain/job-view';
import { startScimmyServer, type ScimmyPeer } from '../../peers/scimmy-server';
import { employee } from '../engine/engine-kit';
import { usePrivateKeyring } from '../use-private-keyring';
import { ScheduledApp } from './scheduled-app';

const t0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();

describe('the scheduler running real cycles against a real SCIM server on a fake clock', () => {
  let kit: ScheduledApp;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => kit?.stop());

  it('starts, runs on the interval from each start, pauses, resumes and never runs a job twice', async () => {
    const peer: ScimmyPeer = await startScimmyServer();
    kit = new ScheduledApp(peer);
    const staff = [1, 2, 3, 4, 5].map((n) => employee(n));
    await kit.start(staff, 40);

    // Created but not started: the scheduler leaves it alone.
    const created = (await kit.ok('jobs.get', { id: kit.jobId })) as JobDetail;
    expect(created).toMatchObject({ status: 'NotRun', nextRunAt: null, state: { schedule: 'notStarted' } });
    await kit.advanceMinutes(60);
    expect(kit.cycles()).toHaveLength(0);

    // Start: the initial cycle runs at once.
    const started = (await kit.ok('jobs.start', { id: kit.jobId })) as JobView;
    expect(started.state.schedule).toBe('started');
    await kit.app.scheduler.idle();
    expect(kit.cycles().map((c) => [c.kind, c.status, c.startedAt])).toEqual([
      ['initial', 'completed', at(60)],
    ]);
    expect(kit.app.store.links.count(kit.jobId, 'User')).toBe(5);
    const active = (await kit.ok('jobs.get', { id: kit.jobId })) as JobDetail;
    expect(active).toMatchObject({ status: 'Active', nextRunAt: at(100), state: { problem: null } });

    // A leaver: nothing happens before the interval is up, then the incremental cycle disables them.
    kit.writeCsv(staff.slice(0, 4));
    await kit.advanceMinutes(39);
    expect(kit.cycles()).toHaveLength(1);
    await kit.advanceMinutes(1);
    expect(kit.cycles().map((c) => [c.kind, c.status, c.startedAt])).toEqual([
      ['initial', 'completed', at(60)],
      ['incremental', 'completed', at(100)],
    ]);
    expect(kit.cycles()[1]?.counters.disabled).toBe(1);
    expect(kit.cycles()[1]?.initiatedBy).toBe('schedule');
    expect(
      peer.storedUser(kit.app.store.links.get(kit.jobId, 'User', 'E0005')?.targetId ?? '')?.['active'],
    ).toBe(false);

    // Pause: nothing runs for hours. Resume: overdue, so it runs at once.
    const paused = (await kit.ok('jobs.pause', { id: kit.jobId })) as JobView;
    expect(paused).toMatchObject({ status: 'Paused', nextRunAt: null, state: { schedule: 'paused' } });
    await kit.advanceMinutes(180);
    expect(kit.cycles()).toHaveLength(2);
    await kit.ok('jobs.resume', { id: kit.jobId });
    await kit.app.scheduler.idle();
    expect(kit.cycles().at(-1)?.startedAt).toBe(at(280));

    // Run now twice in a row: one cycle, the second request is refused.
    const first = await kit.app.dispatch('jobs.runNow', { id: kit.jobId });
    const second = await kit.app.dispatch('jobs.runNow', { id: kit.jobId });
    expect(first).toMatchObject({ ok: true, value: { run: 'started' } });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await kit.app.scheduler.idle();
    expect(kit.cycles()).toHaveLength(4);
    expect(kit.cycles().every((c) => c.status === 'completed')).toBe(true);

    const page = (await kit.ok('audit.list', { limit: 20 })) as { entries: { action: string }[] };
    const audit = page.entries.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['job.start', 'job.pause', 'job.resume']));
  });

  it('shows a stopped cycle as Stopped with its reason until the next good cycle', async () => {
    const peer = await startScimmyServer();
    kit = new ScheduledApp(peer);
    await kit.start(
      [1, 2, 3].map((n) => employee(n)),
      30,
    );
    await kit.ok('jobs.start', { id: kit.jobId });
    await kit.app.scheduler.idle();
    // The source file vanishes: the next cycle stops before any write.
    kit.writeCsv([]);
    await kit.advanceMinutes(30);
    const stopped = (await kit.ok('jobs.get', { id: kit.jobId })) as JobDetail;
    expect(stopped.lastCycle?.status).toBe('stopped');
    expect(stopped.status).toBe('Active');
    expect(stopped.state.problem).toMatchObject({ outcome: 'stopped' });
    expect(stopped.state.problem?.message).not.toBe('');
    kit.writeCsv([1, 2, 3].map((n) => employee(n)));
    await kit.advanceMinutes(30);
    const good = (await kit.ok('jobs.get', { id: kit.jobId })) as JobDetail;
    expect(good.lastCycle?.status).toBe('completed');
    expect(good.state.problem).toBeNull();
  });
});
