import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScimPeer } from '../../peers/scim-request-log';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee, type Employee } from './engine-kit';

interface RawResource {
  id: string;
  active?: unknown;
  title?: unknown;
  members?: { value: string }[];
  [key: string]: unknown;
}

/** Reads the server's state over SCIM itself, so assertions see what an app admin would see. */
async function getResource(peer: ScimPeer, path: string): Promise<RawResource> {
  const response = await fetch(`${peer.baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${peer.token}`, Accept: 'application/scim+json' },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as RawResource;
}

function isActive(resource: RawResource): boolean {
  return resource.active === true || String(resource.active).toLowerCase() === 'true';
}

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/**
 * The engine against a real SCIM server, counting requests at the server (issue #4's test list).
 * Each test starts its own server and app, so nothing leaks between them.
 */
export function defineEngineScenarios(
  serverName: string,
  startPeer: () => Promise<ScimPeer>,
  features: { groups: boolean },
): void {
  describe(`the engine against ${serverName}`, () => {
    let kit: EngineKit;
    beforeAll(() => usePrivateKeyring());
    afterEach(async () => {
      await kit?.stop();
    });

    async function begin(rows: Employee[], settings: Record<string, unknown> = {}): Promise<EngineKit> {
      kit = new EngineKit(await startPeer());
      await kit.start(rows, { settings });
      return kit;
    }

    it('creates users and groups with memberships in the initial cycle, then sends nothing when nothing changed', async () => {
      const rows = [
        employee(1, { groups: 'Sales;All staff' }),
        employee(2, { groups: 'Sales;All staff', manager: 'E0001' }),
        employee(3, { department: 'IT', groups: 'All staff' }),
      ];
      await begin(rows);
      const first = await kit.sync();
      expect(first.status).toBe('completed');
      expect(first.counters).toMatchObject({ created: features.groups ? 5 : 3, failed: 0 });
      expect(kit.peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users')).toHaveLength(3);
      const ann = await getResource(kit.peer, `/Users/${kit.targetIdOf('E0001')}`);
      expect(ann['userName']).toBe('user1@example.com');
      expect((ann['name'] as Record<string, unknown>)['givenName']).toBe('Given1');
      expect(isActive(ann)).toBe(true);
      if (features.groups) {
        const sales = await getResource(kit.peer, `/Groups/${kit.targetIdOf('Sales', 'Group')}`);
        expect((sales.members ?? []).map((m) => m.value).sort()).toEqual(
          [kit.targetIdOf('E0001'), kit.targetIdOf('E0002')].sort(),
        );
        // Groups are created without members, then filled (§17.3).
        const groupPosts = kit.peer.requests.filter((r) => r.method === 'POST' && r.path === '/Groups');
        expect(groupPosts.every((r) => !(r.body as Record<string, unknown>)['members'])).toBe(true);
      }

      kit.peer.resetRequests();
      const second = await kit.sync();
      expect(second.kind).toBe('incremental');
      expect(second.counters.failed).toBe(0);
      expect(kit.peer.requests).toEqual([]);
    });

    it('sends one PATCH with only the changed attribute', async () => {
      const rows = [employee(1), employee(2)];
      await begin(rows);
      await kit.sync();
      kit.peer.resetRequests();
      rows[1] = { ...rows[1]!, jobTitle: 'Senior Rep' };
      kit.writeCsv(rows);
      const cycle = await kit.sync();
      expect(cycle.counters).toMatchObject({ updated: 1, failed: 0 });
      const writes = kit.writes();
      expect(writes).toHaveLength(1);
      expect(writes[0]).toMatchObject({ method: 'PATCH', path: `/Users/${kit.targetIdOf('E0002')}` });
      const operations = (writes[0]!.body as { Operations: { op: string; path: string; value: unknown }[] })
        .Operations;
      expect(operations).toEqual([{ op: 'replace', path: 'title', value: 'Senior Rep' }]);
    });

    it('disables a user who leaves the scope, and enables them when they return', async () => {
      const rows = [employee(1, { groups: 'Sales' }), employee(2, { groups: 'Sales' })];
      kit = new EngineKit(await startPeer());
      await kit.start(rows, {
        settings: { scope: 'assigned' },
        assignments: { users: [], groups: ['Sales'] },
      });
      await kit.sync();
      const id = kit.targetIdOf('E0002');
      rows[1] = { ...rows[1]!, groups: '' };
      kit.writeCsv(rows);
      kit.peer.resetRequests();
      const out = await kit.sync();
      expect(out.counters).toMatchObject({ disabled: 1, failed: 0 });
      expect(isActive(await getResource(kit.peer, `/Users/${id}`))).toBe(false);
      const disable = kit.writes().find((w) => w.path === `/Users/${id}`);
      expect(JSON.stringify(disable?.body)).toContain('"path":"active","value":false');

      rows[1] = { ...rows[1], groups: 'Sales' };
      kit.writeCsv(rows);
      const back = await kit.sync();
      expect(back.counters).toMatchObject({ enabled: 1, failed: 0 });
      expect(isActive(await getResource(kit.peer, `/Users/${id}`))).toBe(true);
    });

    it('disables a user who fails the scoping filter', async () => {
      const rows = [employee(1), employee(2, { department: 'IT' })];
      kit = new EngineKit(await startPeer());
      await kit.start(rows);
      const job = kit.app.store.jobs.get(kit.jobId)!;
      await kit.sync();
      job.config.objectMappings[0]!.scope.filters = [
        { title: 'Sales only', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] },
      ];
      kit.app.store.jobs.update(job);
      const cycle = await kit.sync();
      expect(cycle.counters).toMatchObject({ disabled: 1, failed: 0 });
      expect(isActive(await getResource(kit.peer, `/Users/${kit.targetIdOf('E0002')}`))).toBe(false);
      expect(isActive(await getResource(kit.peer, `/Users/${kit.targetIdOf('E0001')}`))).toBe(true);
    });

    it('disables a user whose row is removed from the CSV, or deletes them when configured', async () => {
      const rows = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => employee(n));
      await begin(rows);
      await kit.sync();
      const gone = kit.targetIdOf('E0010');
      kit.writeCsv(rows.slice(0, 9));
      const cycle = await kit.sync();
      expect(cycle.counters).toMatchObject({ disabled: 1, deleted: 0 });
      expect(isActive(await getResource(kit.peer, `/Users/${gone}`))).toBe(false);

      kit.updateSettings({ onSourceDelete: 'delete' });
      const deletedId = kit.targetIdOf('E0009');
      kit.writeCsv(rows.slice(0, 8));
      kit.peer.resetRequests();
      const second = await kit.sync();
      // Every row missing from the source is deleted now: the new leaver and the one disabled before.
      expect(second.counters).toMatchObject({ deleted: 2, failed: 0 });
      expect(kit.writes()).toContainEqual(
        expect.objectContaining({ method: 'DELETE', path: `/Users/${deletedId}` }),
      );
      expect(kit.writes()).toContainEqual(
        expect.objectContaining({ method: 'DELETE', path: `/Users/${gone}` }),
      );
      expect(kit.app.store.links.get(kit.jobId, 'User', 'E0009')).toBeNull();
    });

    it('adopts an existing account by matching instead of creating a duplicate', async () => {
      kit = new EngineKit(await startPeer());
      const existing = await fetch(`${kit.peer.baseUrl}/Users`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${kit.peer.token}`, 'Content-Type': 'application/scim+json' },
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName: 'USER1@example.com',
          emails: [{ value: 'user1@example.com', type: 'work', primary: true }],
          title: 'Old',
        }),
      });
      const created = (await existing.json()) as { id: string };
      await kit.start([employee(1)]);
      kit.peer.resetRequests();
      const cycle = await kit.sync();
      expect(cycle.counters.failed).toBe(0);
      expect(kit.targetIdOf('E0001')).toBe(created.id);
      expect(kit.peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users')).toEqual([]);
      expect((await getResource(kit.peer, `/Users/${created.id}`))['title']).toBe('Rep');
    });

    it('makes no write request in a dry run, and writes the plan', async () => {
      const rows = [employee(1, { groups: 'Sales' }), employee(2, { groups: 'Sales' })];
      await begin(rows);
      const plan = await kit.sync(true);
      expect(plan.dryRun).toBe(true);
      expect(kit.writes()).toEqual([]);
      const items = kit.app.store.plans.page(plan.id, 0, 100);
      expect(
        items
          .filter((i) => i.action === 'create')
          .map((i) => i.anchor)
          .sort(),
      ).toEqual(features.groups ? ['E0001', 'E0002', 'Sales'] : ['E0001', 'E0002']);
      expect(items.find((i) => i.anchor === 'E0001')?.changes).toContainEqual({
        displayName: 'userName',
        oldValue: null,
        newValue: 'user1@example.com',
      });
      // Nothing was linked or remembered: the real first cycle is still an initial one.
      expect(kit.app.store.links.count(kit.jobId, 'User')).toBe(0);
      expect((await kit.sync()).kind).toBe('initial');
    });

    it('never disables anything when the CSV is empty or truncated', async () => {
      const rows = [employee(1), employee(2), employee(3)];
      await begin(rows);
      await kit.sync();
      kit.peer.resetRequests();
      kit.writeCsv([]);
      const empty = await kit.sync();
      expect(empty.status).not.toBe('completed');
      expect(kit.writes()).toEqual([]);
      const { writeFileSync } = await import('node:fs');
      writeFileSync(
        kit.csvPath,
        'employeeId,givenName,surname,displayName,email\nE0001,Given1,Family1,"Given1 Family1",user1@example.com\nE0002,"Given2',
      );
      const truncated = await kit.sync();
      expect(truncated.status).not.toBe('completed');
      expect(kit.writes()).toEqual([]);
      const links = kit.app.store.links.forJob(kit.jobId, 'User');
      expect(links.every((l) => l.active)).toBe(true);
    });

    it('holds a mass disable back at the threshold, and "allow deletes" releases it', async () => {
      const rows = [1, 2, 3, 4, 5, 6].map((n) => employee(n));
      // The shrink guard would stop this cycle first; the test is about the threshold.
      await begin(rows, { deletionThreshold: 3, maxSourceShrinkFraction: 0.9 });
      await kit.sync();
      kit.writeCsv(rows.slice(0, 2));
      kit.peer.resetRequests();
      const held = await kit.sync();
      expect(held.counters).toMatchObject({ staged: 4, disabled: 0 });
      expect(kit.writes()).toEqual([]);
      expect(kit.app.store.jobs.get(kit.jobId)?.statusInfo.quarantine?.reason).toBe('TooManyDeletes');
      const staged = kit.app.store.log.page({ jobId: kit.jobId, action: 'stagedDelete', limit: 50 });
      expect(staged.entries).toHaveLength(4);

      const allowed = await kit.app.dispatch('jobs.allowDeletes', { id: kit.jobId });
      expect(allowed.ok).toBe(true);
      const released = await kit.sync();
      expect(released.counters).toMatchObject({ disabled: 4, failed: 0 });
      expect(kit.app.store.jobs.get(kit.jobId)?.statusInfo.quarantine).toBeUndefined();
    });

    it('sets the manager once both users exist, whatever order the rows come in', async () => {
      const rows = [employee(2, { manager: 'E0001' }), employee(3, { manager: 'E0002' }), employee(1)];
      await begin(rows, { maxConcurrency: 1 });
      const cycle = await kit.sync();
      expect(cycle.counters.failed).toBe(0);
      const report = await getResource(kit.peer, `/Users/${kit.targetIdOf('E0002')}`);
      const manager = (report[enterprise] as Record<string, unknown> | undefined)?.['manager'] as
        { value?: string } | undefined;
      expect(manager?.value).toBe(kit.targetIdOf('E0001'));
      const third = await getResource(kit.peer, `/Users/${kit.targetIdOf('E0003')}`);
      expect(((third[enterprise] as Record<string, unknown>)['manager'] as { value: string }).value).toBe(
        kit.targetIdOf('E0002'),
      );
    });

    if (features.groups) {
      it('changes k memberships in ⌈k / maxOperations⌉ requests', async () => {
        const rows = [1, 2, 3, 4, 5, 6, 7].map((n) => employee(n, { groups: 'Big' }));
        await begin(rows, { maxMembersPerPatch: 3 });
        kit.peer.resetRequests();
        await kit.sync();
        const groupId = kit.targetIdOf('Big', 'Group');
        const patches = kit.peer.requests.filter(
          (r) => r.method === 'PATCH' && r.path === `/Groups/${groupId}`,
        );
        expect(patches).toHaveLength(Math.ceil(7 / 3));
        const group = await getResource(kit.peer, `/Groups/${groupId}`);
        expect(group.members).toHaveLength(7);

        // Two leave the group, one joins: 3 changes → 1 request.
        rows[0] = { ...rows[0]!, groups: '' };
        rows[1] = { ...rows[1]!, groups: '' };
        rows.push(employee(8, { groups: 'Big' }));
        kit.writeCsv(rows);
        kit.peer.resetRequests();
        await kit.sync();
        const second = kit.peer.requests.filter(
          (r) => r.method === 'PATCH' && r.path === `/Groups/${groupId}`,
        );
        expect(second).toHaveLength(1);
        expect((await getResource(kit.peer, `/Groups/${groupId}`)).members).toHaveLength(6);
      });
    }
  });
}
