/**
 * Issue 10: jobs.impact — what saving a changed configuration would do on the next cycle, worked out
 * from the source and the links without a request to the target — and that the next real cycle then
 * does it: a changed mapping updates every account, a scoping filter disables who it puts out.
 * A real app (SQLite file), a real CSV file and scimmy as the target.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobImpactResult } from '@shared/domain/job-editing';
import type { JobConfig } from '@shared/domain/jobs';
import type { JobDetail } from '@shared/domain/job-view';
import type { Result } from '@shared/domain/result';
import { startScimmyServer } from '../../peers/scimmy-server';
import { EngineKit, employee, type Employee } from '../engine/engine-kit';
import { usePrivateKeyring } from '../use-private-keyring';

const rows: Employee[] = [
  employee(1),
  employee(2, { department: 'IT' }),
  employee(3, { department: 'IT' }),
  employee(4),
  employee(5, { status: 'Terminated' }),
];

async function call<T>(kit: EngineKit, command: string, input: unknown): Promise<T> {
  const result = (await kit.app.dispatch(command, input)) as Result<T>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function storedConfig(kit: EngineKit): Promise<JobConfig> {
  return (await call<JobDetail>(kit, 'jobs.get', { id: kit.jobId })).config;
}

function withUserMapping(
  config: JobConfig,
  target: string,
  change: Partial<JobConfig['objectMappings'][0]['attributeMappings'][0]>,
): JobConfig {
  const copy = structuredClone(config);
  const users = copy.objectMappings.find((m) => m.sourceObject === 'User');
  const mapping = users?.attributeMappings.find((m) => m.target === target);
  if (!mapping) throw new Error(`no mapping of ${target}`);
  Object.assign(mapping, change);
  return copy;
}

const displayNameTarget = 'displayName';

describe('jobs.impact against scimmy', () => {
  let kit: EngineKit;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
  });

  async function begin(): Promise<EngineKit> {
    kit = new EngineKit(await startScimmyServer());
    await kit.start(rows);
    return kit;
  }

  it('without a job, everything in scope is a create; the leaver is out of scope', async () => {
    await begin();
    const config = { ...(await storedConfig(kit)), name: 'HR → App (new)' };
    const impact = await call<JobImpactResult>(kit, 'jobs.impact', { config, limit: 1000 });
    // Four users in scope, and the groups of the CSV: none here (no groups column values).
    expect(impact.counts).toMatchObject({ create: 4, outOfScope: 1, update: 0, disable: 0, delete: 0 });
    expect(impact.problems).toEqual([]);
    expect(impact.needsFullCycle).toBe(true);
    const ann = impact.items.find((i) => i.anchor === 'E0001');
    expect(ann).toMatchObject({
      action: 'create',
      reasonCode: 'CreateUnlessMatched',
      reasonParams: { attribute: 'userName', value: 'user1@example.com' },
    });
    expect(ann?.changes).toEqual(
      expect.arrayContaining([
        { attribute: 'userName', before: null, after: 'user1@example.com' },
        { attribute: 'active', before: null, after: 'true' },
      ]),
    );
    expect(impact.items.find((i) => i.anchor === 'E0005')).toMatchObject({
      action: 'outOfScope',
      reasonCode: 'Scope.softDeletedInSource',
    });
    // Nothing was asked of the target.
    expect(kit.peer.requests).toEqual([]);
  });

  it('a changed displayName mapping updates every account: foreseen by the impact, then done by the next cycle', async () => {
    await begin();
    expect((await kit.sync()).counters).toMatchObject({ created: 4, failed: 0 });
    const before = await storedConfig(kit);
    kit.peer.resetRequests();

    const same = await call<JobImpactResult>(kit, 'jobs.impact', { jobId: kit.jobId, config: before });
    expect(same.counts).toMatchObject({ unchanged: 4, update: 0, create: 0, outOfScope: 1 });
    expect(same.needsFullCycle).toBe(false);

    const changed = withUserMapping(before, displayNameTarget, {
      type: 'Expression',
      source: 'Join(", ", [surname], [givenName])',
    });
    const impact = await call<JobImpactResult>(kit, 'jobs.impact', {
      jobId: kit.jobId,
      config: changed,
      action: 'update',
    });
    expect(impact.counts).toMatchObject({ update: 4, unchanged: 0, create: 0, disable: 0 });
    expect(impact.needsFullCycle).toBe(true);
    expect(impact.total).toBe(4);
    expect(impact.items.find((i) => i.anchor === 'E0002')?.changes).toEqual([
      { attribute: 'displayName', before: 'Given2 Family2', after: 'Family2, Given2' },
    ]);
    expect(kit.peer.requests).toEqual([]);

    await call(kit, 'jobs.update', { id: kit.jobId, config: changed });
    const cycle = await kit.sync();
    expect(cycle.counters).toMatchObject({ updated: 4, failed: 0 });
    const patches = kit.peer.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith('/Users/'));
    expect(patches).toHaveLength(4);
    for (const n of [1, 2, 3, 4]) {
      const response = await fetch(`${kit.peer.baseUrl}/Users/${kit.targetIdOf(`E000${n}`)}`, {
        headers: { Authorization: `Bearer ${kit.peer.token}` },
      });
      expect(((await response.json()) as { displayName: string }).displayName).toBe(`Family${n}, Given${n}`);
    }
    // The configuration change is in the audit log with both sides.
    const audit = kit.app.store.audit.page({ limit: 5, action: 'job.update' }).entries[0];
    expect(JSON.stringify(audit?.before)).toContain('"source":"displayName"');
    expect(JSON.stringify(audit?.after)).toContain('Join(\\", \\", [surname], [givenName])');
  });

  it('a scoping filter that excludes a department disables its people, and the threshold says when it would hold them back', async () => {
    await begin();
    await kit.sync();
    const before = await storedConfig(kit);
    const filtered = structuredClone(before);
    const users = filtered.objectMappings.find((m) => m.sourceObject === 'User');
    if (!users) throw new Error('no Users mapping');
    users.scope.filters = [
      { title: 'Not IT', clauses: [{ attribute: 'department', operator: 'NOT EQUALS', value: 'IT' }] },
    ];
    const impact = await call<JobImpactResult>(kit, 'jobs.impact', { jobId: kit.jobId, config: filtered });
    expect(impact.counts).toMatchObject({ disable: 2, unchanged: 2, outOfScope: 1, update: 0 });
    expect(impact.leavingScope).toBe(2);
    expect(impact.deletionThresholdHit).toBe(false);
    const disabled = await call<JobImpactResult>(kit, 'jobs.impact', {
      jobId: kit.jobId,
      config: filtered,
      action: 'disable',
      search: 'given3',
    });
    expect(disabled.total).toBe(1);
    expect(disabled.items[0]).toMatchObject({
      anchor: 'E0003',
      action: 'disable',
      reasonCode: 'Disable',
      changes: [{ attribute: 'active', before: 'true', after: 'false' }],
    });
    expect(disabled.items[0]?.reason).toContain('department');

    filtered.settings = { ...filtered.settings, deletionThreshold: 1 };
    const held = await call<JobImpactResult>(kit, 'jobs.impact', { jobId: kit.jobId, config: filtered });
    expect(held.deletionThresholdHit).toBe(true);

    // Saved and run, the cycle does what the impact said.
    filtered.settings = { ...filtered.settings, deletionThreshold: 500 };
    await call(kit, 'jobs.update', { id: kit.jobId, config: filtered });
    const cycle = await kit.sync();
    expect(cycle.counters).toMatchObject({ disabled: 2, failed: 0 });
  });

  it('lists the problems that would stop the save, by JSON path', async () => {
    await begin();
    const config = withUserMapping(await storedConfig(kit), displayNameTarget, {
      type: 'Expression',
      source: 'Join(", ", [surname]',
    });
    const index = config.objectMappings[0]?.attributeMappings.findIndex(
      (m) => m.target === displayNameTarget,
    );
    const impact = await call<JobImpactResult>(kit, 'jobs.impact', {
      jobId: kit.jobId,
      config: { ...config, targetConnection: 'Ap' },
    });
    const byPath = new Map(impact.problems.map((p) => [p.path, p.message]));
    expect(byPath.get(`objectMappings[0].attributeMappings[${index}].source`)).toContain(
      'has no closing ")"',
    );
    expect(byPath.get('targetConnection')).toContain('did you mean "App"?');
    // Codes, so the app can say them in Korean.
    expect(impact.problems.find((p) => p.path === 'targetConnection')).toMatchObject({
      code: 'noSuchConnectionGuess',
      params: { name: 'Ap', guess: 'App' },
    });
    expect(
      impact.problems.find((p) => p.path === `objectMappings[0].attributeMappings[${index}].source`),
    ).toMatchObject({ code: 'expressionError', params: { attribute: displayNameTarget, line: '1' } });
  });

  it('warns of another job on the same target writing the same attributes of the same accounts', async () => {
    await begin();
    await kit.sync();
    const second = { ...(await storedConfig(kit)), name: 'HR → App again' };
    const impact = await call<JobImpactResult>(kit, 'jobs.impact', { config: second });
    expect(impact.overlaps).toHaveLength(1);
    expect(impact.overlaps[0]).toMatchObject({ jobId: kit.jobId, jobName: 'HR → App', accounts: 4 });
    expect(impact.overlaps[0]?.attributes).toEqual(
      expect.arrayContaining(['displayName', 'userName', 'active']),
    );
  });
});
