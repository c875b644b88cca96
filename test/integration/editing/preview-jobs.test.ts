/**
 * Issue 10: the job the new-job wizard's review stores to dry-run its configuration is a preview
 * (migration 011). It stays out of the Jobs list, the dashboard and the scheduler, only dry-runs,
 * becomes a job on Create, and one left behind is offered as an unfinished setup to resume or
 * discard. A real app on a SQLite file, a real CSV file and scimmy as the target.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '@shared/domain/audit';
import type { JobConfig } from '@shared/domain/jobs';
import type { JobDetail, JobView } from '@shared/domain/job-view';
import type { Result } from '@shared/domain/result';
import type { UnfinishedSetup } from '@shared/domain/unfinished-setup';
import { startScimmyServer } from '../../peers/scimmy-server';
import { EngineKit, employee } from '../engine/engine-kit';
import { usePrivateKeyring } from '../use-private-keyring';

async function call<T>(kit: EngineKit, command: string, input: unknown): Promise<T> {
  const result = (await kit.app.dispatch(command, input)) as Result<T>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function refusal(
  kit: EngineKit,
  command: string,
  input: unknown,
): Promise<{ code: string; message: string }> {
  const result = await kit.app.dispatch(command, input);
  if (result.ok) throw new Error(`${command} was accepted`);
  return result.error;
}

async function auditOf(kit: EngineKit, jobId: string): Promise<string[]> {
  const page = await call<AuditPage>(kit, 'audit.list', { limit: 500 });
  return page.entries.filter((e) => e.targetId === jobId).map((e) => e.action);
}

function draftHolding(jobId: string): { step: number; data: Record<string, unknown> } {
  return { step: 6, data: { preview: { jobId, configKey: 'k', cycleId: null } } };
}

describe('the wizard’s preview job', () => {
  let kit: EngineKit;
  let base: JobConfig;

  beforeAll(async () => {
    usePrivateKeyring();
    kit = new EngineKit(await startScimmyServer());
    await kit.start([employee(1), employee(2), employee(3, { status: 'Terminated' })]);
    base = (await call<JobDetail>(kit, 'jobs.get', { id: kit.jobId })).config;
  });
  afterEach(async () => {
    // Each test starts with no setup and no draft left by the one before.
    for (const setup of await call<UnfinishedSetup[]>(kit, 'jobs.unfinished', {}))
      await call(kit, 'jobs.discardSetup', { id: setup.id });
    await call(kit, 'drafts.deleteJob', {});
  });
  afterAll(async () => {
    await kit?.stop();
  });

  async function storePreview(name: string): Promise<string> {
    const created = await call<JobDetail>(kit, 'jobs.create', { config: { ...base, name }, preview: true });
    return created.id;
  }

  it('is not a job in the list, dry-runs, cannot be started or really run, and leaves no audit entry', async () => {
    const id = await storePreview('New app');

    const listed = await call<JobView[]>(kit, 'jobs.list', {});
    expect(listed.map((j) => j.name)).toEqual(['HR → App']);
    expect(kit.app.store.jobs.list().map((j) => j.id)).not.toContain(id);

    const dryRun = await kit.app.engine.run(id, {
      dryRun: true,
      initiatedBy: { type: 'admin', displayName: 'tester' },
    });
    expect(dryRun.status).toBe('completed');
    // The terminated employee is not created: two of three.
    expect(dryRun.counters.created).toBe(2);
    // The dry run wrote a plan, not the target.
    expect(kit.writes()).toEqual([]);

    expect((await refusal(kit, 'jobs.start', { id })).code).toBe('conflict');
    expect((await refusal(kit, 'jobs.runNow', { id })).code).toBe('conflict');
    expect((await refusal(kit, 'jobs.run', { id, dryRun: false })).code).toBe('conflict');

    // A configuration change of the review: stored, still not audited.
    await call(kit, 'jobs.update', { id, config: { ...base, name: 'New app' } });
    expect(await auditOf(kit, id)).toEqual([]);

    const [setup] = await call<UnfinishedSetup[]>(kit, 'jobs.unfinished', {});
    expect(setup).toMatchObject({
      id,
      name: 'New app',
      sourceConnection: 'HR',
      targetConnection: 'App',
      resumable: false,
    });
    expect(setup?.lastDryRun?.id).toBe(dryRun.id);
  });

  it('becomes a job on Create, audited once as created, with its dry run in its history', async () => {
    const id = await storePreview('Created app');
    await kit.app.engine.run(id, { dryRun: true, initiatedBy: { type: 'admin', displayName: 'tester' } });
    await call(kit, 'drafts.saveJob', draftHolding(id));

    const created = await call<JobDetail>(kit, 'jobs.finishSetup', { id });
    expect(created.name).toBe('Created app');
    expect((await call<JobView[]>(kit, 'jobs.list', {})).map((j) => j.name)).toEqual([
      'Created app',
      'HR → App',
    ]);
    expect(await call<UnfinishedSetup[]>(kit, 'jobs.unfinished', {})).toEqual([]);
    expect(await auditOf(kit, id)).toEqual(['job.create']);
    expect(kit.app.store.cycles.forJob(id, 5).map((c) => c.dryRun)).toEqual([true]);
    // Create pressed twice: nothing more happens.
    await call(kit, 'jobs.finishSetup', { id });
    expect(await auditOf(kit, id)).toEqual(['job.create']);
    // A created job is no longer a setup to discard.
    expect((await refusal(kit, 'jobs.discardSetup', { id })).code).toBe('conflict');
    // Now it may run on a schedule.
    await call(kit, 'jobs.pause', { id });
  });

  it('left behind by a closed wizard: resumable while the draft holds it, discarded with that draft', async () => {
    const id = await storePreview('Left behind');
    await call(kit, 'drafts.saveJob', draftHolding(id));
    const [setup] = await call<UnfinishedSetup[]>(kit, 'jobs.unfinished', {});
    expect(setup).toMatchObject({ id, resumable: true, lastDryRun: null });

    // Its name is held: a second job by that name is told why.
    const clash = await refusal(kit, 'jobs.create', { config: { ...base, name: 'left behind' } });
    expect(clash.code).toBe('conflict');
    expect(clash.message).toContain('unfinished setup');

    await call(kit, 'jobs.discardSetup', { id });
    expect(await call<UnfinishedSetup[]>(kit, 'jobs.unfinished', {})).toEqual([]);
    expect(kit.app.store.jobs.get(id)).toBeNull();
    expect(await call(kit, 'drafts.getJob', {})).toBeNull();
  });

  it('discarding an orphan keeps the draft of another setup', async () => {
    const orphan = await storePreview('Orphan');
    const current = await storePreview('Current');
    await call(kit, 'drafts.saveJob', draftHolding(current));
    const setups = await call<UnfinishedSetup[]>(kit, 'jobs.unfinished', {});
    expect(setups.map((s) => [s.name, s.resumable])).toEqual([
      ['Orphan', false],
      ['Current', true],
    ]);

    await call(kit, 'jobs.discardSetup', { id: orphan });
    expect(await call(kit, 'drafts.getJob', {})).not.toBeNull();
    expect((await call<UnfinishedSetup[]>(kit, 'jobs.unfinished', {})).map((s) => s.id)).toEqual([current]);
  });
});
