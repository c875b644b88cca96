import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OnDemandResult, OnDemandStep } from '@shared/domain/on-demand';
import { startScimmyServer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee } from './engine-kit';

/** Runs provision on demand through the engine and keeps the steps in the order they streamed. */
async function provision(
  kit: EngineKit,
  what: { kind: 'user' | 'group'; query: string; members?: string[]; waitMs?: number },
): Promise<{ result: OnDemandResult; streamed: OnDemandStep[] }> {
  const streamed: OnDemandStep[] = [];
  const result = await kit.app.engine.provisionOnDemand({
    runId: randomUUID(),
    jobId: kit.jobId,
    kind: what.kind,
    query: what.query,
    members: what.members ?? [],
    waitMs: what.waitMs ?? 0,
    initiatedBy: { type: 'admin', displayName: 'alice.admin' },
    onStep: (step) => streamed.push(step),
    signal: new AbortController().signal,
  });
  return { result, streamed };
}

function stepOf<K extends OnDemandStep['detail']['kind']>(
  steps: readonly OnDemandStep[],
  kind: K,
  anchor?: string,
): OnDemandStep & { detail: Extract<OnDemandStep['detail'], { kind: K }> } {
  const step = steps.find(
    (s) => s.detail.kind === kind && (anchor === undefined || s.object?.anchor === anchor),
  );
  if (!step) throw new Error(`no ${kind} step${anchor ? ` for ${anchor}` : ''}`);
  return step as OnDemandStep & { detail: Extract<OnDemandStep['detail'], { kind: K }> };
}

describe('provision on demand against a real SCIM server (scimmy)', () => {
  let kit: EngineKit;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => kit?.stop());

  it('creates one user now: import, scope, match with the query, create with the attributes sent', async () => {
    kit = new EngineKit(await startScimmyServer());
    await kit.start([
      employee(1),
      employee(2, { givenName: 'Minji', surname: 'Park', email: 'minji.park@example.com' }),
    ]);
    const { result, streamed } = await provision(kit, { kind: 'user', query: 'minji.park@example.com' });

    expect(result.status).toBe('success');
    expect(streamed.map((s) => s.detail.kind)).toEqual(['import', 'scope', 'match', 'action']);
    expect(streamed.map((s) => s.seq)).toEqual([1, 2, 3, 4]);
    const imported = stepOf(streamed, 'import');
    expect(imported.detail.attributes).toEqual(
      expect.arrayContaining([{ name: 'givenName', value: 'Minji' }]),
    );
    const match = stepOf(streamed, 'match');
    expect(match.detail.outcome).toBe('none');
    expect(match.detail.queries[0]).toEqual({
      attribute: 'userName',
      value: 'minji.park@example.com',
      found: [],
    });
    const action = stepOf(streamed, 'action');
    expect(action.detail.action).toBe('create');
    expect(action.detail.attributes.map((a) => a.displayName)).toEqual(
      expect.arrayContaining(['userName', 'displayName', 'name.givenName']),
    );

    // Only this user reached the target, and the log holds an ordinary entry by the admin.
    const posts = kit.peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users');
    expect(posts).toHaveLength(1);
    expect(kit.targetIdOf('E0002')).toBe(action.detail.targetId);
    const page = kit.app.store.log.page({ jobId: kit.jobId, cycleId: result.runId, limit: 10 });
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({
      provisioningAction: 'create',
      status: 'success',
      initiatedBy: { type: 'admin', displayName: 'alice.admin' },
    });
    // Outside the schedule: no cycle, no watermark, the lease given back.
    expect(kit.app.store.cycles.forJob(kit.jobId, 5)).toHaveLength(0);
    expect(kit.app.store.jobs.get(kit.jobId)?.watermark).toBeNull();
    expect(kit.app.store.leases.holder(kit.jobId)).toBeNull();
    // The next cycle creates the other user and finds nothing left to do for this one.
    const cycle = await kit.sync();
    expect(cycle.counters.created).toBe(1);
  });

  it('updates a linked user and lists the attribute that changed', async () => {
    kit = new EngineKit(await startScimmyServer());
    await kit.start([employee(1), employee(2)]);
    await kit.sync();
    kit.writeCsv([employee(1), employee(2, { jobTitle: 'Team Lead' })]);
    const { result, streamed } = await provision(kit, { kind: 'user', query: 'Given2 Family2' });

    expect(result.status).toBe('success');
    const match = stepOf(streamed, 'match');
    expect(match.detail).toMatchObject({ outcome: 'linked', targetId: kit.targetIdOf('E0002'), queries: [] });
    const action = stepOf(streamed, 'action');
    expect(action.detail.action).toBe('update');
    expect(action.detail.attributes).toEqual([
      { displayName: 'title', oldValue: 'Rep', newValue: 'Team Lead' },
    ]);
    const patches = kit.peer.requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(1);
  });

  it('skips a user out of scope and shows every scoping clause with its result', async () => {
    kit = new EngineKit(await startScimmyServer());
    await kit.start([employee(1), employee(2, { department: 'Engineering' })]);
    const job = kit.app.store.jobs.get(kit.jobId);
    if (!job) throw new Error('job gone');
    const users = job.config.objectMappings.find((m) => m.sourceObject === 'User');
    if (!users) throw new Error('no users mapping');
    users.scope = {
      filters: [
        {
          title: 'Sales staff',
          clauses: [
            { attribute: 'department', operator: 'EQUALS', value: 'Sales' },
            { attribute: 'email', operator: 'ENDS_WITH', value: '@example.com' },
          ],
        },
      ],
    };
    kit.app.store.jobs.update(job);

    const { result, streamed } = await provision(kit, { kind: 'user', query: 'E0002' });
    expect(result.status).toBe('skipped');
    const scope = stepOf(streamed, 'scope');
    expect(scope.detail).toMatchObject({ inScope: false, activeInSource: true, assignment: 'scopeAll' });
    expect(scope.detail.clauses).toEqual([
      {
        filter: 'Sales staff',
        attribute: 'department',
        operator: 'EQUALS',
        value: 'Sales',
        actual: 'Engineering',
        result: false,
      },
      {
        filter: 'Sales staff',
        attribute: 'email',
        operator: 'ENDS_WITH',
        value: '@example.com',
        actual: 'user2@example.com',
        result: true,
      },
    ]);
    const action = stepOf(streamed, 'action');
    expect(action.detail.action).toBe('skip');
    expect(action.error?.code).toBe('OutOfScope');
    expect(streamed.some((s) => s.detail.kind === 'match')).toBe(false);
    expect(kit.writes()).toHaveLength(0);
    const entries = kit.app.store.log.page({ jobId: kit.jobId, cycleId: result.runId, limit: 10 }).entries;
    expect(entries.map((e) => e.status)).toEqual(['skipped']);
    // Read back from the store with its reason's code (migration 013), not only its English.
    expect(entries[0]?.errorInformation?.reasonCode).toBe('errorOutOfScope');
    expect(action.error?.actionCode).toBe('outOfScope');
  });

  it('says when nobody matches, and suggests who was meant', async () => {
    kit = new EngineKit(await startScimmyServer());
    await kit.start([employee(1, { givenName: 'Jisoo', surname: 'Kim' }), employee(2)]);
    const { result, streamed } = await provision(kit, { kind: 'user', query: 'Jisu Kim' });
    expect(result.status).toBe('failure');
    expect(result.error?.code).toBe('NotFound');
    expect(result.error?.message).toContain('Did you mean: Jisoo Kim (E0001)');
    expect(streamed).toHaveLength(0);
    expect(kit.writes()).toHaveLength(0);
  });

  it('provisions a group with two of its members, then its memberships', async () => {
    kit = new EngineKit(await startScimmyServer());
    await kit.start([
      employee(1, { groups: 'Pilots' }),
      employee(2, { groups: 'Pilots' }),
      employee(3, { groups: 'Pilots' }),
    ]);
    const { result, streamed } = await provision(kit, {
      kind: 'group',
      query: 'Pilots',
      members: ['E0001', 'user3@example.com'],
    });
    expect(result.status).toBe('success');
    const actions = streamed.filter((s) => s.detail.kind === 'action');
    expect(actions.map((s) => [s.object?.anchor, s.detail.kind === 'action' && s.detail.action])).toEqual([
      ['E0001', 'create'],
      ['E0003', 'create'],
      ['Pilots', 'create'],
    ]);
    const members = stepOf(streamed, 'references', 'Pilots');
    expect(members.detail.lines[0]?.description).toBe('Membership: add 2, remove 0');
    // The member who was not chosen waits for the cycle.
    expect(kit.app.store.links.get(kit.jobId, 'User', 'E0002')).toBeNull();
    const group = kit.app.store.links.get(kit.jobId, 'Group', 'Pilots');
    expect(group?.members.sort()).toEqual([kit.targetIdOf('E0001'), kit.targetIdOf('E0003')].sort());
  });

  it('waits for a running cycle of the job, or refuses at once naming it', async () => {
    kit = new EngineKit(await startScimmyServer());
    await kit.start(
      Array.from({ length: 60 }, (_, i) => employee(i + 1)),
      { settings: { maxConcurrency: 1 } },
    );
    const cycle = kit.sync();
    await new Promise((r) => setTimeout(r, 300));

    const refused = await provision(kit, { kind: 'user', query: 'E0005', waitMs: 0 });
    expect(refused.result.status).toBe('failure');
    expect(refused.result.error?.code).toBe('JobBusy');
    expect(refused.result.error?.message).toMatch(/is being run by .*process \d+ on host/);
    // The same sentence under its code, for the app to say in the admin's language.
    expect(refused.result.error).toMatchObject({
      messageCode: 'jobBusy',
      messageParams: { job: 'HR → App' },
      actionCode: 'jobBusy',
    });

    const waited = await provision(kit, { kind: 'user', query: 'E0005', waitMs: 60_000 });
    const finished = await cycle;
    expect(finished.status).toBe('completed');
    expect(waited.streamed[0]?.detail.kind).toBe('wait');
    expect(waited.streamed[0]?.status).toBe('waiting');
    // It ran after the cycle ended: the user the cycle created is linked, so it is only compared.
    expect(Date.parse(waited.streamed[1]?.at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(finished.endedAt ?? ''),
    );
    expect(stepOf(waited.streamed, 'match').detail.outcome).toBe('linked');
    expect(waited.result.status).toBe('skipped');

    // A run takes the job's lease before its first await: a cycle asked for meanwhile is refused,
    // with the run named, and the scheduler's refusal check sees it too.
    const holding = provision(kit, { kind: 'user', query: 'E0006' });
    expect(kit.app.engine.refusal(kit.jobId)?.message).toMatch(/provision on demand by alice\.admin/);
    await expect(kit.sync()).rejects.toThrow(/provision on demand by alice\.admin/);
    expect((await holding).result.status).toBe('skipped');
    expect(kit.app.engine.refusal(kit.jobId)).toBeNull();
  });
});
