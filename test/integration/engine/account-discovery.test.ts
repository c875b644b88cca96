import { readFileSync } from 'node:fs';
import { saidOf } from '@shared/domain/error-messages';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountActResult, AccountReport, AccountRowsPage } from '@shared/domain/accounts';
import { discoverAccounts } from '../../../src-main/engine/discovery/discover-accounts';
import { startScimmyServer, type ScimmyPeer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee } from './engine-kit';

/** Creates an account in the target with plain HTTP, behind Roster's back. */
async function createBehindTheBack(
  peer: ScimmyPeer,
  endpoint: 'Users' | 'Groups',
  body: Record<string, unknown>,
): Promise<string> {
  const schema =
    endpoint === 'Users'
      ? 'urn:ietf:params:scim:schemas:core:2.0:User'
      : 'urn:ietf:params:scim:schemas:core:2.0:Group';
  const response = await fetch(`${peer.baseUrl}/${endpoint}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${peer.token}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({ schemas: [schema], ...body }),
  });
  if (response.status !== 201)
    throw new Error(`POST /${endpoint}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function ok<T>(kit: EngineKit, command: string, input: unknown): Promise<T> {
  const result = await kit.app.dispatch(command, input);
  if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
  return result.value as T;
}

async function discover(kit: EngineKit): Promise<AccountReport> {
  return discoverAccounts(
    { store: kit.app.store, connectors: kit.app.context.connectors, clock: () => new Date() },
    { jobId: kit.jobId, startedBy: 'alice.admin', signal: new AbortController().signal },
  );
}

/** Five employees provisioned by a cycle; then accounts appear in the target that Roster did not make. */
async function targetWithStrangers(kit: EngineKit) {
  const users = [1, 2, 3, 4, 5].map((n) => employee(n));
  await kit.start(users);
  const job = kit.app.store.jobs.get(kit.jobId);
  const mapping = job?.config.objectMappings.find((m) => m.sourceObject === 'User');
  if (!job || !mapping) throw new Error('no job');
  mapping.scope = {
    filters: [{ title: 'Sales', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] }],
  };
  kit.app.store.jobs.update(job);
  expect((await kit.sync()).counters.created).toBe(5);
  // A new hire the next cycle has not seen yet, and an engineer the job does not provision.
  kit.writeCsv([...users, employee(6), employee(7, { department: 'Engineering' })]);
  const peer = kit.peer as ScimmyPeer;
  return {
    newHire: await createBehindTheBack(peer, 'Users', {
      userName: 'USER6@example.com',
      name: { givenName: 'Sam', familyName: 'Six' },
      active: true,
    }),
    engineer: await createBehindTheBack(peer, 'Users', { userName: 'user7@example.com', active: true }),
    ghost: await createBehindTheBack(peer, 'Users', { userName: 'ghost@example.com', active: true }),
    ghostGroup: await createBehindTheBack(peer, 'Groups', { displayName: 'Contractors (old)' }),
  };
}

describe('account discovery against a real SCIM server (scimmy)', () => {
  let kit: EngineKit;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => kit?.stop());

  it('finds the accounts created behind Roster’s back and classifies every account, with no request per account', async () => {
    kit = new EngineKit(await startScimmyServer());
    const made = await targetWithStrangers(kit);
    kit.peer.resetRequests();

    const report = await discover(kit);

    expect(report).toMatchObject({
      status: 'completed',
      startedBy: 'alice.admin',
      listed: 9,
      expected: 9,
      counts: { linked: 5, unlinkedMatch: 1, outOfScopeMatch: 1, unmanaged: 2, users: 8, groups: 1 },
      warnings: [],
      error: null,
    });
    // Lists only: every request is a page of /Users or /Groups, none a per-account filter or read —
    // beside the one read of what the server declares (page size, filtering), once per run.
    const declared = kit.peer.requests.filter((r) => r.path === '/ServiceProviderConfig');
    expect(declared).toHaveLength(1);
    const requests = kit.peer.requests.filter((r) => r.path !== '/ServiceProviderConfig');
    expect(requests.every((r) => r.method === 'GET' && (r.path === '/Users' || r.path === '/Groups'))).toBe(
      true,
    );
    expect(requests.some((r) => 'filter' in r.query)).toBe(false);
    expect(requests.every((r) => r.query['startIndex'] !== undefined)).toBe(true);

    const rows = (await ok<AccountRowsPage>(kit, 'accounts.rows', { jobId: kit.jobId })).rows;
    const byId = new Map(rows.map((r) => [r.targetId, r]));
    expect(byId.get(made.newHire)).toMatchObject({
      accountClass: 'unlinkedMatch',
      keyValue: 'USER6@example.com',
      source: { anchor: 'E0006' },
      matched: { path: 'userName', value: 'USER6@example.com' },
      active: true,
    });
    expect(byId.get(made.engineer)).toMatchObject({
      accountClass: 'outOfScopeMatch',
      source: { anchor: 'E0007' },
    });
    expect(byId.get(made.engineer)?.scopeDetail).toContain('department');
    expect(byId.get(made.ghost)).toMatchObject({ accountClass: 'unmanaged', source: null, note: null });
    expect(byId.get(made.ghostGroup)).toMatchObject({ accountClass: 'unmanaged', objectType: 'Group' });
    expect(byId.get(kit.targetIdOf('E0001'))).toMatchObject({
      accountClass: 'linked',
      source: { anchor: 'E0001', displayName: 'Given1 Family1' },
    });

    // The search box and the class tiles filter on the server, in pages.
    const found = await ok<AccountRowsPage>(kit, 'accounts.rows', { jobId: kit.jobId, search: 'GHOST' });
    expect(found.rows.map((r) => r.targetId)).toEqual([made.ghost]);
    const unmanaged = await ok<AccountRowsPage>(kit, 'accounts.rows', {
      jobId: kit.jobId,
      accountClass: 'unmanaged',
      limit: 1,
    });
    expect(unmanaged).toMatchObject({ total: 2, rows: [expect.anything()] });
    expect(unmanaged.nextAfterSeq).not.toBeNull();
  });

  it('adopts a match and disables a stranger through the log and the audit; the next cycle updates the adopted account', async () => {
    kit = new EngineKit(await startScimmyServer());
    const made = await targetWithStrangers(kit);
    await discover(kit);

    const adopted = await ok<AccountActResult>(kit, 'accounts.act', {
      jobId: kit.jobId,
      action: 'adopt',
      accounts: [
        { objectType: 'User', targetId: made.newHire },
        { objectType: 'User', targetId: made.engineer },
        { objectType: 'User', targetId: made.ghost },
      ],
    });
    expect(adopted.outcomes.map((o) => [o.targetId, o.done, o.refusal])).toEqual([
      [made.newHire, true, null],
      [made.engineer, false, 'outOfScope'],
      [made.ghost, false, 'noSourceMatch'],
    ]);
    expect(kit.targetIdOf('E0006')).toBe(made.newHire);
    expect(kit.app.store.links.get(kit.jobId, 'User', 'E0007')).toBeNull();
    expect(adopted.report?.counts).toMatchObject({ linked: 6, unlinkedMatch: 0 });

    const disabled = await ok<AccountActResult>(kit, 'accounts.act', {
      jobId: kit.jobId,
      action: 'disable',
      accounts: [{ objectType: 'User', targetId: made.ghost }],
    });
    expect(disabled.outcomes[0]).toMatchObject({ done: true, refusal: null });
    expect((kit.peer as ScimmyPeer).storedUser(made.ghost)?.['active']).toBe(false);

    // Each action left ordinary log entries under its own run id, initiated by the admin…
    const adoptLog = kit.app.store.log.page({ jobId: kit.jobId, cycleId: adopted.runId, limit: 10 }).entries;
    expect(adoptLog).toHaveLength(1);
    expect(adoptLog[0]).toMatchObject({
      status: 'success',
      sourceIdentity: { id: 'E0006' },
      targetIdentity: { id: made.newHire },
      initiatedBy: { type: 'admin', displayName: 'tester' },
    });
    expect(adoptLog[0]?.provisioningSteps.map((s) => s.provisioningStepType)).toEqual([
      'import',
      'scoping',
      'matching',
      'processing',
      'export',
    ]);
    const disableLog = kit.app.store.log.page({
      jobId: kit.jobId,
      cycleId: disabled.runId,
      limit: 10,
    }).entries;
    expect(disableLog[0]).toMatchObject({ provisioningAction: 'disable', status: 'success' });
    // …and an audit entry naming the accounts.
    const audit = kit.app.store.audit.page({ limit: 10 }).entries.map((e) => [e.action, e.after]);
    expect(audit).toEqual(
      expect.arrayContaining([
        ['job.accountsAdopt', expect.objectContaining({ count: 1 })],
        ['job.accountsDisable', expect.objectContaining({ count: 1 })],
      ]),
    );
    const ghostRow = kit.app.store.accounts.row(kit.jobId, 'User', made.ghost);
    expect(ghostRow).toMatchObject({ active: false, decision: { kind: 'disabled', by: 'tester' } });

    // The next cycle sends the adopted account its mapped values and creates no second one.
    kit.peer.resetRequests();
    const cycle = await kit.sync();
    expect(cycle.status).toBe('completed');
    const posts = kit.writes().filter((w) => w.method === 'POST' && w.path === '/Users');
    expect(posts).toHaveLength(0);
    const patches = kit.writes().filter((w) => w.method === 'PATCH' && w.path === `/Users/${made.newHire}`);
    expect(patches).toHaveLength(1);
    expect((kit.peer as ScimmyPeer).storedUser(made.newHire)?.['name']).toMatchObject({
      givenName: 'Given6',
      familyName: 'Family6',
    });
  });

  it('leaves an account alone, keeps the decision, and exports the report as CSV', async () => {
    kit = new EngineKit(await startScimmyServer());
    const made = await targetWithStrangers(kit);
    await discover(kit);
    const left = await ok<AccountActResult>(kit, 'accounts.act', {
      jobId: kit.jobId,
      action: 'leave',
      accounts: [{ objectType: 'Group', targetId: made.ghostGroup }],
    });
    expect(left.outcomes[0]?.done).toBe(true);
    // A new discovery replaces the rows but keeps what the admin decided.
    await discover(kit);
    expect(kit.app.store.accounts.row(kit.jobId, 'Group', made.ghostGroup)?.decision?.kind).toBe('left');

    const exported = await ok<{ path: string; rows: number }>(kit, 'exports.accounts', {
      jobId: kit.jobId,
      bom: false,
    });
    expect(exported.rows).toBe(9);
    const lines = readFileSync(exported.path, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      'job,objectType,targetId,displayName,keyValue,active,class,note,sourceKey,sourceName,matchedOn,outOfScopeBecause,decision,decidedBy,decidedAt',
    );
    expect(lines.find((l) => l.includes(made.ghostGroup))).toContain(',unmanaged,,,,,,left,tester,');
  });

  it('refuses every action while a cycle of the job holds its lease, naming the holder', async () => {
    kit = new EngineKit(await startScimmyServer());
    const made = await targetWithStrangers(kit);
    await discover(kit);
    const held = kit.app.store.leases.acquire(
      kit.jobId,
      { ownerId: 'other', label: 'roster sync', pid: process.pid, host: 'build-01' },
      new Date(),
      60_000,
    );
    expect(held.acquired).toBe(true);
    const result = await kit.app.dispatch('accounts.act', {
      jobId: kit.jobId,
      action: 'disable',
      accounts: [{ objectType: 'User', targetId: made.ghost }],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'jobBusy', holder: { label: 'roster sync' } } },
    });
    if (!result.ok) expect(result.error.message).toContain('roster sync');
    // The lock's code comes along, so the app says the refusal in the admin's language.
    if (!result.ok)
      expect(saidOf(result.error.details)).toMatchObject({
        code: 'jobBusy',
        params: { holder: 'roster sync' },
      });
    expect((kit.peer as ScimmyPeer).storedUser(made.ghost)?.['active']).toBe(true);
  });
});

describe('one object’s link (§12 Reset link)', () => {
  let kit: EngineKit;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => kit?.stop());

  it('shows the stored link, refuses to delete it while the job is started, deletes it when paused, and the next cycle matches again', async () => {
    kit = new EngineKit(await startScimmyServer());
    await kit.start([employee(1), employee(2)]);
    await kit.sync();
    const targetId = kit.targetIdOf('E0001');

    const view = await ok<Record<string, unknown>>(kit, 'links.get', {
      jobId: kit.jobId,
      objectType: 'User',
      anchor: 'E0001',
    });
    expect(view).toMatchObject({ anchor: 'E0001', targetId, active: true });
    expect(view['exported']).toMatchObject({ userName: 'user1@example.com' });
    const found = await ok<{ links: { anchor: string }[]; total: number }>(kit, 'links.find', {
      jobId: kit.jobId,
      query: targetId,
    });
    expect(found).toMatchObject({ total: 2, links: [{ anchor: 'E0001' }] });

    kit.app.store.schedules.set(kit.jobId, 'started', new Date().toISOString(), 'tester');
    const refusedWhileStarted = await kit.app.dispatch('links.delete', {
      jobId: kit.jobId,
      objectType: 'User',
      anchor: 'E0001',
    });
    expect(refusedWhileStarted).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'jobStarted' } },
    });
    expect(kit.app.store.links.get(kit.jobId, 'User', 'E0001')).not.toBeNull();

    kit.app.store.schedules.set(kit.jobId, 'paused', new Date().toISOString(), 'tester');
    const deleted = await ok<{ deleted: boolean }>(kit, 'links.delete', {
      jobId: kit.jobId,
      objectType: 'User',
      anchor: 'E0001',
    });
    expect(deleted.deleted).toBe(true);
    expect(kit.app.store.links.get(kit.jobId, 'User', 'E0001')).toBeNull();
    const audit = kit.app.store.audit.page({ limit: 5 }).entries[0];
    expect(audit).toMatchObject({ action: 'job.linkDelete', before: { sourceKey: 'E0001', targetId } });
    // A link that is not there: not an error.
    expect(
      await ok<{ deleted: boolean }>(kit, 'links.delete', {
        jobId: kit.jobId,
        objectType: 'User',
        anchor: 'E0001',
      }),
    ).toMatchObject({ deleted: false });

    // The next cycle matches the object again to the same account: no second account.
    kit.peer.resetRequests();
    await kit.sync();
    expect(kit.writes().filter((w) => w.method === 'POST')).toHaveLength(0);
    expect(kit.targetIdOf('E0001')).toBe(targetId);
  });
});
