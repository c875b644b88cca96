import { utimesSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { configDigest } from '../../../src-main/engine/config-digest';
import { checkUnchangedSource, type ShortcutVerdict } from '../../../src-main/engine/unchanged-source';
import { createCsvSource } from '../../../src-main/connectors/csv/csv-source';
import { startScimmyServer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee, type Employee } from './engine-kit';

/**
 * The unchanged-source shortcut (issue 11): a cycle over a CSV file that has not changed since the
 * last completed cycle ends without parsing rows, loading links or sending requests — and every
 * condition under which a full cycle would still act makes it do its full work.
 */
describe('a cycle over an unchanged source', () => {
  let kit: EngineKit;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    vi.restoreAllMocks();
    await kit?.stop();
  });

  const rows = (): Employee[] => [
    employee(1, { groups: 'Sales' }),
    employee(2, { groups: 'Sales', manager: 'E0001' }),
    employee(3, { department: 'IT', groups: 'IT' }),
  ];

  async function begin(initial: Employee[] = rows()): Promise<EngineKit> {
    kit = new EngineKit(await startScimmyServer());
    await kit.start(initial);
    const first = await kit.sync();
    expect(first.status).toBe('completed');
    kit.peer.resetRequests();
    return kit;
  }

  /** Whether a cycle loaded the job's links, i.e. did its full work. */
  function watchFullWork(): { full: () => boolean } {
    const whole = vi.spyOn(kit.app.store.links, 'forJob');
    const paged = vi.spyOn(kit.app.store.links, 'targetIdPage');
    return { full: () => whole.mock.calls.length + paged.mock.calls.length > 0 };
  }

  async function verdict(overrides: { dryRun?: boolean; full?: boolean } = {}): Promise<ShortcutVerdict> {
    const store = kit.app.store;
    const job = store.jobs.get(kit.jobId);
    if (!job) throw new Error('job gone');
    const connection = store.connections.get(job.sourceConnectionId);
    if (!connection) throw new Error('connection gone');
    return checkUnchangedSource({
      store,
      job,
      dryRun: overrides.dryRun ?? false,
      full: overrides.full ?? false,
      forceDeletes: false,
      configDigest: configDigest(job.config),
      last: store.cycles.lastReal(job.id),
      source: createCsvSource(connection.settings as Parameters<typeof createCsvSource>[0]),
      objectTypes: ['User', 'Group'],
      now: new Date(),
      signal: new AbortController().signal,
    });
  }

  it('ends after the digest check: no requests, no links loaded, the counts of the last cycle', async () => {
    await begin();
    const before = kit.app.store.jobs.get(kit.jobId)?.watermark;
    const work = watchFullWork();
    const cycle = await kit.sync();
    expect(cycle).toMatchObject({ status: 'completed', kind: 'incremental', error: null });
    expect(cycle.counters).toMatchObject({ read: 5, unchanged: 5, evaluated: 0, failed: 0, updated: 0 });
    expect(kit.peer.requests).toEqual([]);
    expect(work.full()).toBe(false);
    expect(kit.app.store.jobs.get(kit.jobId)?.watermark).toBe(before);
    // The no-op cycle is itself a completed cycle the next one can compare with.
    expect(await verdict()).toMatchObject({ unchanged: true });
  });

  it('looks at the content, not the file time: a touched file is unchanged, one changed value is sent', async () => {
    const people = rows();
    await begin(people);
    utimesSync(kit.csvPath, new Date(), new Date(Date.now() + 60_000));
    expect((await kit.sync()).counters.evaluated).toBe(0);
    expect(kit.peer.requests).toEqual([]);

    people[2] = { ...people[2]!, jobTitle: 'Lead' };
    kit.writeCsv(people);
    const work = watchFullWork();
    const cycle = await kit.sync();
    expect(work.full()).toBe(true);
    expect(cycle.counters).toMatchObject({ updated: 1, failed: 0 });
    expect(kit.writes()).toEqual([
      expect.objectContaining({ method: 'PATCH', path: `/Users/${kit.targetIdOf('E0003')}` }),
    ]);
  });

  it('does the full work after a mapping change, and for a full cycle asked for by the admin', async () => {
    await begin();
    const job = kit.app.store.jobs.get(kit.jobId);
    if (!job) throw new Error('job gone');
    const users = job.config.objectMappings.find((m) => m.sourceObject === 'User');
    const title = users?.attributeMappings.find((m) => m.target === 'title');
    if (!title) throw new Error('no title mapping');
    title.type = 'Constant';
    title.source = 'Employee';
    kit.app.store.jobs.update(job);
    expect(await verdict()).toEqual({ unchanged: false, reason: 'configChanged' });
    const changed = await kit.sync();
    expect(changed.counters).toMatchObject({ updated: 3, failed: 0 });

    kit.peer.resetRequests();
    expect(await verdict({ full: true })).toEqual({ unchanged: false, reason: 'fullRequested' });
    const work = watchFullWork();
    const full = await kit.app.engine.run(kit.jobId, {
      dryRun: false,
      full: true,
      initiatedBy: { type: 'admin', displayName: 'tester' },
    });
    expect(full.status).toBe('completed');
    expect(work.full()).toBe(true);
    expect(await verdict({ dryRun: true })).toEqual({ unchanged: false, reason: 'dryRun' });
  });

  it('relinks an object the admin unlinked since: the links lost a row', async () => {
    await begin();
    const result = await kit.app.dispatch('links.delete', {
      jobId: kit.jobId,
      objectType: 'User',
      anchor: 'E0002',
    });
    expect(result.ok).toBe(true);
    expect(kit.app.store.links.get(kit.jobId, 'User', 'E0002')).toBeNull();
    expect(await verdict()).toEqual({ unchanged: false, reason: 'stateChanged' });
    const cycle = await kit.sync();
    expect(cycle.status).toBe('completed');
    expect(kit.app.store.links.get(kit.jobId, 'User', 'E0002')).not.toBeNull();
  });

  it('does the full work after a cycle that did not complete', async () => {
    await begin();
    const store = kit.app.store;
    // A cycle that stopped half-way over the same file: what it owes is not known.
    store.cycles.start({
      id: 'stopped-cycle',
      jobId: kit.jobId,
      kind: 'incremental',
      dryRun: false,
      startedAt: new Date().toISOString(),
      initiatedBy: 'tester',
      watermarkBefore: store.jobs.get(kit.jobId)?.watermark ?? null,
    });
    store.cycles.finish('stopped-cycle', {
      status: 'stopped',
      endedAt: new Date().toISOString(),
      counters: store.cycles.lastReal(kit.jobId)?.counters ?? ({} as never),
      error: { code: 'Interrupted', message: 'Roster stopped while this cycle ran' },
      watermarkAfter: null,
    });
    expect(await verdict()).toEqual({ unchanged: false, reason: 'lastCycleNotCompleted' });
    const work = watchFullWork();
    expect((await kit.sync()).status).toBe('completed');
    expect(work.full()).toBe(true);
    expect(await verdict()).toMatchObject({ unchanged: true });
  });

  it('does the full work while an intent is open, an escrow retry is due, deletes are held back or a reference can resolve', async () => {
    await begin();
    const store = kit.app.store;
    const jobId = kit.jobId;

    const intent = store.intents.begin({
      jobId,
      cycleId: 'c',
      objectType: 'User',
      anchor: 'E0001',
      displayName: 'Given1 Family1',
      operation: 'update',
      targetId: kit.targetIdOf('E0001'),
      detail: {},
      createdAt: new Date().toISOString(),
    });
    expect(await verdict()).toEqual({ unchanged: false, reason: 'openIntents' });
    store.intents.finish(intent);

    store.escrows.recordFailure(
      jobId,
      {
        objectType: 'User',
        anchor: 'E0003',
        isReference: false,
        displayName: 'Given3 Family3',
        errorClass: 'transient',
        errorCode: 'Timeout',
        errorMessage: 'The target did not answer',
        attemptedHash: 'h',
      },
      new Date().toISOString(),
    );
    expect(await verdict()).toEqual({ unchanged: false, reason: 'escrowDue' });
    store.escrows.drop(jobId, 'User', 'E0003');

    store.references.replaceStaged(jobId, [
      { objectType: 'User', anchor: 'E0003', action: 'disable', reason: 'left scope', stagedAt: 't' },
    ]);
    expect(await verdict()).toEqual({ unchanged: false, reason: 'deletesHeldBack' });
    store.references.clearStaged(jobId);

    store.references.setPending(jobId, { anchor: 'E0003', attribute: 'manager', referencedAnchor: 'NOBODY' });
    expect(await verdict()).toMatchObject({ unchanged: true });
    store.references.setPending(jobId, { anchor: 'E0003', attribute: 'manager', referencedAnchor: 'E0001' });
    expect(await verdict()).toEqual({ unchanged: false, reason: 'referenceResolvable' });
  });

  it('is refused by a quarantined job', async () => {
    await begin();
    const job = kit.app.store.jobs.get(kit.jobId);
    if (!job) throw new Error('job gone');
    kit.app.store.jobs.update({
      ...job,
      statusInfo: {
        ...job.statusInfo,
        quarantine: { reason: 'EscrowThreshold', since: new Date().toISOString(), detail: 'test' },
      },
    });
    expect(await verdict()).toEqual({ unchanged: false, reason: 'quarantined' });
  });
});
