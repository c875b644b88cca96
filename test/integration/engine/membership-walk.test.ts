import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scimRefusal, startScimProxy, type ScimProxy } from '../../peers/scim-proxy';
import { startScimmyServer } from '../../peers/scimmy-server';
import type { ScimPeer } from '../../peers/scim-request-log';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee } from './engine-kit';

/**
 * The membership phase passes over groups that cannot need a request without reading their links
 * (membership-phase.ts `cannotNeedRequest`, issue 11). These are the cases where a group's own state
 * is unchanged and its members in the target must change all the same: each would lose a removal or
 * an add if the skip were too eager. Against scimmy, reading the groups back over SCIM.
 */
async function memberIds(peer: ScimPeer, groupId: string): Promise<string[]> {
  const response = await fetch(`${peer.baseUrl}/Groups/${groupId}`, {
    headers: { Authorization: `Bearer ${peer.token}`, Accept: 'application/scim+json' },
  });
  if (!response.ok) throw new Error(`GET /Groups/${groupId}: ${response.status}`);
  const group = (await response.json()) as { members?: { value: string }[] };
  return (group.members ?? []).map((m) => m.value).sort();
}

describe('the membership walk over unchanged groups', () => {
  let kit: EngineKit;
  let proxy: ScimProxy | null = null;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
    await proxy?.stop();
    proxy = null;
  });

  /** Group link reads during the next cycle, by group anchor. */
  function countGroupLinkReads(): string[] {
    const reads: string[] = [];
    const links = kit.app.store.links;
    const get = links.get.bind(links);
    links.get = (jobId, objectType, anchor) => {
      if (objectType === 'Group') reads.push(anchor);
      return get(jobId, objectType, anchor);
    };
    return reads;
  }

  it('removes a member who leaves scope while the group lists the same people, and reads no other group', async () => {
    const rows = [1, 2, 3, 4].map((n) => employee(n, { groups: 'Team' }));
    rows.push(employee(5, { groups: 'Other' }), employee(6, { groups: 'Other' }));
    kit = new EngineKit(await startScimmyServer());
    await kit.start(rows);
    const job = kit.app.store.jobs.get(kit.jobId)!;
    job.config.objectMappings[0]!.scope.filters = [
      { title: 'Sales only', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] },
    ];
    kit.app.store.jobs.update(job);
    expect((await kit.sync()).counters.failed).toBe(0);
    const team = kit.targetIdOf('Team', 'Group');
    expect(await memberIds(kit.peer, team)).toHaveLength(4);

    // Only E0002's department changes: Team's member list in the source stays the same.
    rows[1] = { ...rows[1]!, department: 'IT' };
    kit.writeCsv(rows);
    const reads = countGroupLinkReads();
    const cycle = await kit.sync();
    expect(cycle.counters).toMatchObject({ disabled: 1, failed: 0 });
    expect(await memberIds(kit.peer, team)).toEqual(
      ['E0001', 'E0003', 'E0004'].map((a) => kit.targetIdOf(a)).sort(),
    );
    // Other's members and their links did not change: its link is never read.
    expect(reads).toContain('Team');
    expect(reads).not.toContain('Other');

    // Back in scope: added again, though Team's state is unchanged once more.
    rows[1] = { ...rows[1], department: 'Sales' };
    kit.writeCsv(rows);
    expect((await kit.sync()).counters.failed).toBe(0);
    expect(await memberIds(kit.peer, team)).toHaveLength(4);
  });

  it('removes held-back leavers from their group once deletes are allowed', async () => {
    const rows = [1, 2, 3, 4, 5, 6].map((n) => employee(n, { groups: 'Team' }));
    kit = new EngineKit(await startScimmyServer());
    await kit.start(rows, { settings: { deletionThreshold: 3, maxSourceShrinkFraction: 0.9 } });
    await kit.sync();
    const team = kit.targetIdOf('Team', 'Group');
    expect(await memberIds(kit.peer, team)).toHaveLength(6);

    kit.writeCsv(rows.slice(0, 2));
    const held = await kit.sync();
    expect(held.counters).toMatchObject({ staged: 4, disabled: 0 });
    // Held back: nothing that revokes access runs, memberships included.
    expect(await memberIds(kit.peer, team)).toHaveLength(6);

    // The group's state was recorded in the held cycle and does not change again; the leavers
    // are still deprovisioning candidates, so the group is walked and they leave it.
    expect((await kit.app.dispatch('jobs.allowDeletes', { id: kit.jobId })).ok).toBe(true);
    const released = await kit.sync();
    expect(released.counters).toMatchObject({ disabled: 4, failed: 0 });
    expect(await memberIds(kit.peer, team)).toEqual(['E0001', 'E0002'].map((a) => kit.targetIdOf(a)).sort());

    // Nothing left to do: the next cycle sends nothing and reads no group link.
    kit.peer.resetRequests();
    const reads = countGroupLinkReads();
    await kit.sync();
    expect(kit.writes()).toEqual([]);
    expect(reads).toEqual([]);
  });

  it('adds a member whose create failed once, when a later cycle creates it', async () => {
    const peer = await startScimmyServer();
    let refuse = true;
    proxy = await startScimProxy(peer.baseUrl, {
      before: (req) =>
        refuse && req.method === 'POST' && req.body.includes('user3@example.com')
          ? scimRefusal('title is not allowed')
          : 'forward',
    });
    kit = new EngineKit({ ...peer, baseUrl: proxy.baseUrl, stop: () => peer.stop() });
    await kit.start([1, 2, 3].map((n) => employee(n, { groups: 'Team' })));
    expect((await kit.sync()).counters).toMatchObject({ failed: 1 });
    const team = kit.targetIdOf('Team', 'Group');
    expect(await memberIds(peer, team)).toEqual(['E0001', 'E0002'].map((a) => kit.targetIdOf(a)).sort());

    // Team's member list in the source never changes; escrow retries E0003 in the next cycle.
    refuse = false;
    expect((await kit.sync()).counters).toMatchObject({ created: 1, failed: 0 });
    expect(await memberIds(peer, team)).toEqual(
      ['E0001', 'E0002', 'E0003'].map((a) => kit.targetIdOf(a)).sort(),
    );
  });
});
