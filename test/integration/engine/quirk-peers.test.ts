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
});
