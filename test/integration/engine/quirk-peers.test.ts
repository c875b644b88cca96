/**
 * Issue 12 item 4: the real engine against quirk peers — scimmy servers behind a constraint layer
 * (test/peers/scim-quirks.ts) that enforce one app family's documented constraints. Each family runs
 * a full first cycle (users, groups, memberships, managers where the profile maps them) and an
 * incremental one with a leaver, once with the Generic SCIM 2.0 profile's connection and job and once
 * with the matching profile's, and checks the result at the server, not through Roster.
 */
import type { NextFunction, Request, Response } from 'express';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppProfile } from '@shared/domain/app-profile';
import { createQuirkLayer, type QuirkLayer, type ScimQuirks } from '../../peers/scim-quirks';
import { startScimmyServer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { employee, type Employee } from './engine-kit';
import { loadProfile, ProfileKit } from './profile-kit';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function managerOf(user: Record<string, unknown> | undefined): string | undefined {
  const extension = user?.[enterprise] as { manager?: { value?: string } } | undefined;
  return extension?.manager?.value;
}

/** Five people, two groups; 2 and 3 report to 1, 4 and 5 to 2; 5 leaves in the second cycle. */
function staff(): Employee[] {
  return [
    employee(1, { groups: 'Sales' }),
    employee(2, { groups: 'Sales', manager: 'E0001' }),
    employee(3, { groups: 'Sales;Engineering', manager: 'E0001' }),
    employee(4, { groups: 'Engineering', manager: 'E0002' }),
    employee(5, { groups: 'Engineering', manager: 'E0002' }),
  ];
}

/** The second cycle's file: 5 has left (Terminated), 6 joined Engineering. */
function staffAfterLeaver(): Employee[] {
  const rows = staff();
  rows[4] = { ...rows[4]!, status: 'Terminated' };
  return [...rows, employee(6, { groups: 'Engineering', manager: 'E0002' })];
}

describe('quirk peers: app profiles make the engine work within each app family’s constraints', () => {
  let kit: ProfileKit | null = null;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
    kit = null;
  });

  async function startKit(
    profile: AppProfile,
    quirks: ScimQuirks,
    extraLayers: ((request: Request, response: Response, next: NextFunction) => void)[] = [],
  ): Promise<{ kit: ProfileKit; quirks: QuirkLayer }> {
    const layer = createQuirkLayer(quirks);
    const peer = await startScimmyServer({ layers: [...extraLayers, ...layer.layers] });
    kit = new ProfileKit(peer, profile);
    return { kit, quirks: layer };
  }

  describe('AWS IAM Identity Center: 100 members per PATCH, eq filters on listed attributes, groups read without members', () => {
    const awsQuirks: ScimQuirks = {
      maxMembersPerPatch: 100,
      groupReadsIncludeMembers: false,
      filterable: { Users: ['userName', 'externalId', 'id'], Groups: ['displayName', 'externalId', 'id'] },
      filterOperators: ['eq'],
    };

    /**
     * AWS documents 500 InternalServerException. The first membership request of the second cycle
     * that both adds and removes is answered 500 without being applied: its outcome is unknown to
     * Roster, which must settle it before anything more is sent.
     */
    function lostAnswer(): {
      layer: (request: Request, response: Response, next: NextFunction) => void;
      fired: () => boolean;
      arm: () => void;
    } {
      let armed = false;
      let fired = false;
      return {
        arm: () => {
          armed = true;
        },
        fired: () => fired,
        layer: (request, response, next) => {
          const operations =
            (request.body as { Operations?: { op: string }[] } | undefined)?.Operations ?? [];
          const ops = new Set(operations.map((o) => o.op.toLowerCase()));
          if (
            armed &&
            !fired &&
            request.method === 'PATCH' &&
            request.path.startsWith('/Groups/') &&
            ops.has('add') &&
            ops.has('remove')
          ) {
            fired = true;
            response
              .status(500)
              .type('application/scim+json')
              .send(
                JSON.stringify({
                  schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
                  status: '500',
                  detail: 'InternalServerException',
                }),
              );
            return;
          }
          next();
        },
      };
    }

    async function run(profileId: string) {
      const fault = lostAnswer();
      const { kit, quirks } = await startKit(loadProfile(profileId), awsQuirks, [fault.layer]);
      await kit.start(staff());
      const first = await kit.sync();
      expect(first.status).toBe('completed');
      expect(first.counters.created).toBe(7);
      expect(kit.storedMembers('Engineering')).toEqual(
        [kit.linked('E0003'), kit.linked('E0004'), kit.linked('E0005')].sort(),
      );
      kit.writeCsv(staffAfterLeaver());
      fault.arm();
      await kit.sync();
      expect(fault.fired()).toBe(true);
      // The next cycles, with the failed group's retry due.
      kit.later(24 * 60 * 60 * 1000);
      await kit.sync();
      kit.later(24 * 60 * 60 * 1000);
      await kit.sync();
      return { kit, quirks };
    }

    it('with the generic profile, trusts the empty member list and leaves the leaver in the group', async () => {
      const { kit, quirks } = await run('generic-scim');
      expect(kit.storedUser('E0005')?.['active']).toBe(false);
      // Roster read the group back after the lost answer, saw no members, and recorded the removal
      // as done: the leaver is still a member at the server, and no later cycle removes them.
      expect(kit.storedMembers('Engineering')).toContain(kit.linked('E0005'));
      expect(kit.app.store.links.get(kit.jobId, 'Group', 'Engineering')?.members).not.toContain(
        kit.linked('E0005'),
      );
      expect(quirks.refusals).toEqual([]);
    });

    it('with its profile, keeps the record, sends the request again and ends with the right members', async () => {
      const { kit, quirks } = await run('aws-iam-identity-center');
      const connection = kit.app.store.connections.findByName('App');
      expect(connection?.settings).toMatchObject({
        app: 'aws-iam-identity-center',
        groupReadsIncludeMembers: false,
      });
      expect(kit.storedUser('E0005')?.['active']).toBe(false);
      expect(kit.storedMembers('Engineering')).toEqual(
        [kit.linked('E0003'), kit.linked('E0004'), kit.linked('E0006')].sort(),
      );
      expect(kit.storedMembers('Sales')).toEqual(
        [kit.linked('E0001'), kit.linked('E0002'), kit.linked('E0003')].sort(),
      );
      // Only eq filters on listed attributes, and never more than 100 members in one PATCH.
      expect(quirks.refusals).toEqual([]);
      const filters = kit.peer.requests.map((r) => r.query['filter']).filter((f) => f !== undefined);
      expect(filters.length).toBeGreaterThan(0);
      for (const filter of filters) expect(filter).toMatch(/^(userName|displayName) eq "/);
    });

    it('answers a filter on an unlisted attribute or with another operator 400 invalidFilter', async () => {
      const layer = createQuirkLayer(awsQuirks);
      const peer = await startScimmyServer({ layers: layer.layers });
      try {
        const get = (filter: string) =>
          fetch(`${peer.baseUrl}/Users?filter=${encodeURIComponent(filter)}`, {
            headers: { Authorization: `Bearer ${peer.token}` },
          });
        expect((await get('userName eq "a@example.com"')).status).toBe(200);
        expect((await get('userName eq "a" and externalId eq "E1"')).status).toBe(200);
        const unlisted = await get('emails.value eq "a@example.com"');
        expect(unlisted.status).toBe(400);
        expect(await unlisted.json()).toMatchObject({ scimType: 'invalidFilter' });
        expect((await get('userName sw "a"')).status).toBe(400);
        expect(layer.refusals.map((r) => r.detail)).toEqual([
          'Filtering on emails.value is not supported',
          'The sw operator is not supported',
        ]);
      } finally {
        await peer.stop();
      }
    });

    it('refuses a PATCH with more than 100 members, and the profile never sends one', async () => {
      const layer = createQuirkLayer(awsQuirks);
      const peer = await startScimmyServer({ layers: layer.layers });
      kit = new ProfileKit(peer, loadProfile('aws-iam-identity-center'));
      const rows = Array.from({ length: 130 }, (_, i) => employee(i + 1, { groups: 'Everyone' }));
      await kit.start(rows, { maxRequestsPerSecond: 200, maxConcurrency: 8 });
      expect(kit.config.settings.maxMembersPerPatch).toBe(100);
      const summary = await kit.sync();
      expect(summary.status).toBe('completed');
      expect(kit.storedMembers('Everyone')).toHaveLength(130);
      const memberPatches = peer.requests.filter(
        (r) => r.method === 'PATCH' && r.path.startsWith('/Groups/'),
      );
      expect(memberPatches).toHaveLength(2);
      expect(layer.refusals).toEqual([]);
      // The same group with a job set above the app's cap: the app refuses the request.
      const response = await fetch(`${peer.baseUrl}/Groups/${kit.linked('Everyone', 'Group')}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${peer.token}`, 'Content-Type': 'application/scim+json' },
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [
            {
              op: 'remove',
              path: 'members',
              value: rows.slice(0, 101).map((r) => ({ value: kit!.linked(r.employeeId) })),
            },
          ],
        }),
      });
      expect(response.status).toBe(400);
      expect(layer.refusals.at(-1)?.detail).toContain('at most 100 members');
    });
  });
  /** Both jobs read the same file; this is what the target must hold after the leaver cycle. */
  function expectRightTarget(kit: ProfileKit, leaver: 'disabled' | 'deleted'): void {
    for (const anchor of ['E0001', 'E0002', 'E0003', 'E0004', 'E0006']) {
      expect(kit.storedUser(anchor)?.['userName']).toBe(`user${Number(anchor.slice(1))}@example.com`);
    }
    expect(managerOf(kit.storedUser('E0002'))).toBe(kit.linked('E0001'));
    expect(managerOf(kit.storedUser('E0006'))).toBe(kit.linked('E0002'));
    if (leaver === 'disabled') expect(kit.storedUser('E0005')?.['active']).toBe(false);
    else expect(kit.linked('E0005')).toBeUndefined();
    expect(kit.storedMembers('Sales')).toEqual(
      [kit.linked('E0001'), kit.linked('E0002'), kit.linked('E0003')].sort(),
    );
    expect(kit.storedMembers('Engineering')).toEqual(
      [kit.linked('E0003'), kit.linked('E0004'), kit.linked('E0006')].sort(),
    );
  }

  describe('PUT-only apps: PATCH answered 405, the whole resource with name and work email in every PUT', () => {
    const putOnly: ScimQuirks = {
      patchRefusedWith: 405,
      requiredUserAttributes: ['userName', 'name.givenName', 'name.familyName', 'emails'],
    };

    it('with the generic profile, the first PATCH stops the cycle: no managers, no members, the leaver stays active', async () => {
      const { kit, quirks } = await startKit(loadProfile('generic-scim'), putOnly);
      await kit.start(staff());
      const first = await kit.sync();
      // Accounts and groups are created (POST); the first manager PATCH is answered 405, which says
      // the job cannot work against this app at all, so the cycle stops there.
      expect(first).toMatchObject({ status: 'stopped', error: { code: 'MethodNotAllowed' } });
      expect(first.counters.created).toBe(7);
      expect(managerOf(kit.storedUser('E0002'))).toBeUndefined();
      expect(kit.storedMembers('Sales')).toEqual([]);
      kit.writeCsv(staffAfterLeaver());
      await kit.sync();
      expect(kit.storedUser('E0005')?.['active']).toBe(true);
      expect(quirks.refusals.length).toBeGreaterThan(0);
      expect(quirks.refusals.every((r) => r.method === 'PATCH' && r.status === 405)).toBe(true);
    });

    it('with its profile, sends every change as a PUT of the whole resource and ends right', async () => {
      const { kit, quirks } = await startKit(loadProfile('put-only-app'), putOnly);
      await kit.start(staff());
      expect(kit.app.store.connections.findByName('App')?.settings).toMatchObject({ updateMethod: 'put' });
      const first = await kit.sync();
      expect(first).toMatchObject({ status: 'completed', counters: { created: 7, failed: 0 } });
      kit.writeCsv(staffAfterLeaver());
      const second = await kit.sync();
      expect(second.counters.failed).toBe(0);
      expectRightTarget(kit, 'disabled');
      expect(quirks.refusals).toEqual([]);
      expect(kit.peer.requests.some((r) => r.method === 'PATCH')).toBe(false);
      // The leaver's PUT still carried everything the app requires.
      const leaverPut = kit.peer.requests.filter(
        (r) => r.method === 'PUT' && r.path === `/Users/${kit.linked('E0005')}`,
      );
      expect(leaverPut.at(-1)?.body).toMatchObject({ active: false, name: { givenName: 'Given5' } });
    });
  });

  describe('delete-only apps: the User has no active attribute', () => {
    const deleteOnly: ScimQuirks = { noActiveAttribute: true };

    it('with the generic profile, no account is created at all', async () => {
      const { kit, quirks } = await startKit(loadProfile('generic-scim'), deleteOnly);
      await kit.start(staff());
      const first = await kit.sync();
      // Every create names active, which the app refuses: the people never get accounts.
      expect(first.counters.created).toBe(2);
      expect(first.counters.failed).toBe(5);
      expect(kit.linked('E0001')).toBeUndefined();
      expect(quirks.refusals.filter((r) => r.method === 'POST' && r.path === '/Users')).toHaveLength(5);
    });

    it('with its profile, creates without active and deletes the leaver', async () => {
      const { kit, quirks } = await startKit(loadProfile('delete-only-app'), deleteOnly);
      await kit.start(staff());
      expect(kit.config.settings.onSourceDelete).toBe('delete');
      const first = await kit.sync();
      expect(first).toMatchObject({ status: 'completed', counters: { created: 7, failed: 0 } });
      const leaverId = kit.linked('E0005');
      kit.writeCsv(staffAfterLeaver());
      const second = await kit.sync();
      expect(second.counters).toMatchObject({ deleted: 1, failed: 0 });
      expect(kit.peer.storedUser(leaverId ?? '')).toBeUndefined();
      expectRightTarget(kit, 'deleted');
      expect(quirks.refusals).toEqual([]);
    });

    it('refuses, at save, a job that says disable for the delete-only app, instead of deleting', async () => {
      const { kit } = await startKit(loadProfile('delete-only-app'), deleteOnly);
      await kit.start(staff());
      const result = await kit.app.dispatch('jobs.create', {
        config: {
          ...kit.config,
          name: 'Disable instead',
          settings: { ...kit.config.settings, onSourceDelete: 'disable' },
        },
      });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalidInput');
        expect(result.error.message).toContain('cannot disable accounts');
        expect(result.error.details).toMatchObject({ issues: [{ path: 'settings.onSourceDelete' }] });
      }
      const capabilities = await kit.app.dispatch('targets.capabilities', { targetConnection: 'App' });
      expect(capabilities).toMatchObject({ ok: true, value: { canDisable: false, disableMethod: 'none' } });
    });
  });

  describe('Salesforce: members are added only as a path-less add with a value of {members: [...]}', () => {
    const salesforce: ScimQuirks = { memberAddShape: 'valueObject' };

    it('with the generic profile, every member add is refused and the groups stay empty', async () => {
      const { kit, quirks } = await startKit(loadProfile('generic-scim'), salesforce);
      await kit.start(staff());
      await kit.sync();
      expect(kit.linked('Sales', 'Group')).toBeDefined();
      expect(kit.storedMembers('Sales')).toEqual([]);
      expect(kit.storedMembers('Engineering')).toEqual([]);
      expect(quirks.refusals.length).toBeGreaterThan(0);
      for (const refusal of quirks.refusals) {
        expect(refusal).toMatchObject({ method: 'PATCH', status: 400, scimType: 'invalidPath' });
      }
    });

    it('with its profile, adds members in Salesforce’s shape and ends with the right members', async () => {
      const { kit, quirks } = await startKit(loadProfile('salesforce'), salesforce);
      await kit.start(staff());
      expect(kit.app.store.connections.findByName('App')?.settings).toMatchObject({
        requestShape: 'salesforce',
      });
      const first = await kit.sync();
      expect(first).toMatchObject({ status: 'completed', counters: { created: 7, failed: 0 } });
      expect(kit.storedMembers('Sales')).toEqual(
        [kit.linked('E0001'), kit.linked('E0002'), kit.linked('E0003')].sort(),
      );
      expect(kit.storedMembers('Engineering')).toEqual(
        [kit.linked('E0003'), kit.linked('E0004'), kit.linked('E0005')].sort(),
      );
      expect(quirks.refusals).toEqual([]);
      const memberAdds = kit.peer.requests.filter(
        (r) => r.method === 'PATCH' && r.path.startsWith('/Groups/'),
      );
      expect(memberAdds.length).toBeGreaterThan(0);
      for (const request of memberAdds) {
        expect((request.body as { Operations: unknown[] }).Operations).toEqual([
          { op: 'add', value: { members: expect.any(Array) as unknown } },
        ]);
      }
    });
  });

  describe('Slack: a per-method bucket of 20 refilled at 180 a minute, 429 with Retry-After beyond it', () => {
    const slack: ScimQuirks = { rateLimit: { burst: 20, perMinute: 180 } };
    // 40 creates: more than the burst of 20 plus what refills while 25 requests a second send them.
    const many = () =>
      Array.from({ length: 40 }, (_, i) => employee(i + 1, { groups: i % 2 ? 'Sales' : 'Engineering' }));

    it('with the generic profile (25 requests a second), the app answers 429 and Roster waits', async () => {
      const { kit, quirks } = await startKit(loadProfile('generic-scim'), slack);
      await kit.start(many());
      const summary = await kit.sync();
      // Roster honours Retry-After, so the cycle gets through — by spending the org-wide budget
      // Slack shares between every SCIM app until it is refused.
      expect(summary.status).toBe('completed');
      const throttled = quirks.refusals.filter((r) => r.status === 429);
      expect(throttled.length).toBeGreaterThan(0);
    });

    it('with its profile (3 a second), stays within the limit: no 429 at all', async () => {
      const { kit, quirks } = await startKit(loadProfile('slack'), slack);
      await kit.start(many());
      expect(kit.config.settings.maxRequestsPerSecond).toBe(3);
      const summary = await kit.sync();
      expect(summary).toMatchObject({ status: 'completed', counters: { created: 42, failed: 0 } });
      expect(quirks.refusals).toEqual([]);
    });
  });
});
