import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startScimProxy, type ScimProxy } from '../../peers/scim-proxy';
import { startScimmyServer, type ScimmyPeer } from '../../peers/scimmy-server';
import type { ScimPeer } from '../../peers/scim-request-log';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee } from './engine-kit';

interface RawResource {
  id: string;
  userName?: string;
  active?: unknown;
  members?: { value: string }[];
  [key: string]: unknown;
}

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

async function scim(peer: ScimPeer, method: string, path: string, body?: unknown): Promise<RawResource> {
  const response = await fetch(`${peer.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${peer.token}`,
      Accept: 'application/scim+json',
      'Content-Type': 'application/scim+json',
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return (await response.json()) as RawResource;
}

async function usersNamed(peer: ScimPeer, userName: string): Promise<RawResource[]> {
  const list = (await scim(
    peer,
    'GET',
    `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`,
  )) as {
    Resources?: RawResource[];
  } & RawResource;
  return list.Resources ?? [];
}

function managerOf(resource: RawResource): string | undefined {
  return (
    (resource[enterprise] as Record<string, unknown> | undefined)?.['manager'] as
      { value?: string } | undefined
  )?.value;
}

/**
 * The engine's send/record order (docs/architecture.md "Send and record"), each case made on cue
 * against a real scimmy server: a write that landed but was never recorded, a write whose answer
 * was lost, a reference that failed after its user's attributes were sent, and deprovisioning held
 * back by the threshold. The SIGKILL version of the same promises is test/chaos/crash.chaos.test.ts.
 */
describe('the engine keeps the target right when writes are interrupted', () => {
  let peer: ScimmyPeer;
  let proxy: ScimProxy | null = null;
  let kit: EngineKit;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
    await proxy?.stop();
    proxy = null;
  });

  it('links and logs a create that landed before the process died, without sending it again', async () => {
    peer = await startScimmyServer();
    kit = new EngineKit(peer);
    await kit.start([employee(1), employee(2)]);
    // What a process killed between the POST's answer and its record leaves behind: the account at
    // the server, the intent in the store, no link.
    const landed = await scim(peer, 'POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'user1@example.com',
      externalId: 'E0001',
    });
    kit.app.store.intents.begin({
      jobId: kit.jobId,
      cycleId: 'killed-cycle',
      objectType: 'User',
      anchor: 'E0001',
      displayName: 'Given1 Family1',
      operation: 'create',
      targetId: null,
      detail: {
        lookups: [{ path: 'userName', value: 'user1@example.com' }],
        values: { userName: 'user1@example.com' },
      },
      createdAt: new Date().toISOString(),
    });
    peer.resetRequests();

    const cycle = await kit.sync();

    expect(cycle.counters.failed).toBe(0);
    expect(kit.targetIdOf('E0001')).toBe(landed.id);
    expect(await usersNamed(peer, 'user1@example.com')).toHaveLength(1);
    const posts = peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users');
    expect(posts).toHaveLength(1); // user 2 only
    const creates = kit.app.store.log
      .page({ jobId: kit.jobId, action: 'create', limit: 10 })
      .entries.filter((e) => e.sourceIdentity.id === 'E0001');
    expect(creates).toHaveLength(1);
    expect(JSON.stringify(creates[0]?.provisioningSteps)).toContain('interrupted');
    expect(kit.app.store.intents.count(kit.jobId)).toBe(0);
    peer.resetRequests();
    await kit.sync();
    expect(peer.requests).toEqual([]);
  });

  it('looks before it creates again when a create’s answer is lost (timeout after the POST landed)', async () => {
    peer = await startScimmyServer();
    let delayed = false;
    proxy = await startScimProxy(peer.baseUrl, {
      // The first POST reaches the server and is applied; its answer comes back after Roster gave up.
      after: async (req) => {
        if (delayed || req.method !== 'POST') return;
        delayed = true;
        await new Promise((resolve) => setTimeout(resolve, 2500));
      },
    });
    kit = new EngineKit({ ...peer, baseUrl: proxy.baseUrl });
    await kit.start([employee(1)]);
    const connection = kit.app.store.connections.findByName('App');
    if (!connection || connection.kind !== 'scim') throw new Error('no SCIM connection');
    kit.app.store.connections.update({
      ...connection,
      settings: { ...connection.settings, timeoutSeconds: 1 },
    });

    const cycle = await kit.sync();

    expect(cycle.counters).toMatchObject({ created: 1, failed: 0 });
    expect(await usersNamed(peer, 'user1@example.com')).toHaveLength(1);
    const entry = kit.app.store.log.page({ jobId: kit.jobId, action: 'create', limit: 10 }).entries[0];
    expect(JSON.stringify(entry?.provisioningSteps)).toContain('lookup found the new object');
  });

  it('does not send a membership add again when it landed but was never recorded', async () => {
    peer = await startScimmyServer();
    kit = new EngineKit(peer);
    const rows = [1, 2, 3].map((n) => employee(n, { groups: 'Sales' }));
    await kit.start(rows);
    await kit.sync();
    const groupId = kit.targetIdOf('Sales', 'Group');
    const third = kit.targetIdOf('E0003');
    // The add of user 3 landed; the process died before recording it.
    const link = kit.app.store.links.get(kit.jobId, 'Group', 'Sales');
    if (!link) throw new Error('Sales is not linked');
    kit.app.store.links.upsert({ ...link, members: link.members.filter((m) => m !== third) });
    kit.app.store.intents.begin({
      jobId: kit.jobId,
      cycleId: 'killed-cycle',
      objectType: 'Group',
      anchor: 'Sales',
      displayName: 'Sales',
      operation: 'members',
      targetId: groupId,
      detail: { add: [third], remove: [] },
      createdAt: new Date().toISOString(),
    });
    peer.resetRequests();

    await kit.sync();

    const memberPatches = peer.requests.filter(
      (r) => r.method === 'PATCH' && r.path === `/Groups/${groupId}`,
    );
    expect(memberPatches).toEqual([]);
    const members = (await scim(peer, 'GET', `/Groups/${groupId}`)).members ?? [];
    expect(members.filter((m) => m.value === third)).toHaveLength(1);
    expect(kit.app.store.links.get(kit.jobId, 'Group', 'Sales')?.members).toContain(third);
  });

  it('sends a manager change in the next cycle when it failed after the user’s attributes were sent', async () => {
    peer = await startScimmyServer();
    let refuseManagers = true;
    proxy = await startScimProxy(peer.baseUrl, {
      before: (req) =>
        refuseManagers && req.method === 'PATCH' && req.body.includes('manager')
          ? { respond: { status: 400, body: JSON.stringify({ status: '400', detail: 'not now' }) } }
          : 'forward',
    });
    kit = new EngineKit({ ...peer, baseUrl: proxy.baseUrl });
    await kit.start([employee(1), employee(2), employee(3, { manager: 'E0001' })]);
    await kit.sync();
    refuseManagers = false;
    await kit.sync();
    expect(managerOf(await scim(peer, 'GET', `/Users/${kit.targetIdOf('E0003')}`))).toBe(
      kit.targetIdOf('E0001'),
    );

    // A manager change whose PATCH fails: the user's other change lands, the manager is owed.
    kit.writeCsv([employee(1), employee(2), employee(3, { manager: 'E0002', jobTitle: 'Lead' })]);
    refuseManagers = true;
    const failed = await kit.sync();
    expect(failed.counters.failed).toBe(1);
    refuseManagers = false;
    await kit.sync();
    const third = await scim(peer, 'GET', `/Users/${kit.targetIdOf('E0003')}`);
    expect(third['title']).toBe('Lead');
    expect(managerOf(third)).toBe(kit.targetIdOf('E0002'));
  });

  it('keeps staged leavers in their groups until "allow deletes" releases everything together', async () => {
    peer = await startScimmyServer();
    kit = new EngineKit(peer);
    const rows = [1, 2, 3, 4, 5].map((n) => employee(n, { groups: 'Sales' }));
    await kit.start(rows, { settings: { deletionThreshold: 2, maxSourceShrinkFraction: 0.9 } });
    await kit.sync();
    const groupId = kit.targetIdOf('Sales', 'Group');
    const leavers = ['E0003', 'E0004', 'E0005'].map((a) => kit.targetIdOf(a));
    kit.writeCsv(rows.slice(0, 2));

    const held = await kit.sync();
    expect(held.counters).toMatchObject({ staged: 3, disabled: 0 });
    const during = ((await scim(peer, 'GET', `/Groups/${groupId}`)).members ?? []).map((m) => m.value);
    for (const id of leavers) expect(during).toContain(id);

    expect((await kit.app.dispatch('jobs.allowDeletes', { id: kit.jobId })).ok).toBe(true);
    const released = await kit.sync();
    expect(released.counters).toMatchObject({ disabled: 3, failed: 0 });
    const after = ((await scim(peer, 'GET', `/Groups/${groupId}`)).members ?? []).map((m) => m.value);
    for (const id of leavers) expect(after).not.toContain(id);
    expect(after).toHaveLength(2);
  });
});
