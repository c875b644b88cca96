import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startScimmyServer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee, type Employee } from './engine-kit';

/**
 * A user's content hash covers only what the cycle reads of it (engine/attributes-read.ts, issue 11):
 * a change to a column no mapping or scoping filter reads costs no request, while the changes that
 * matter still flow. Against scimmy, counting the requests Roster sends.
 */
describe('changes to attributes the job does not read', () => {
  let kit: EngineKit;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
  });

  /**
   * The requests about objects: a cycle that sends anything first runs the connection check of
   * §17.2 (engine/checked-target.ts: a filter for a random value per object type), left out here.
   */
  function requestsOf(): string[] {
    return kit.peer.requests
      .filter(
        (r) => r.path !== '/ServiceProviderConfig' && !/ eq "[0-9a-f-]{36}"$/.test(r.query['filter'] ?? ''),
      )
      .map((r) => `${r.method} ${r.path.replace(/\/[0-9a-f-]{8,}$/i, '/<id>')}`);
  }

  /** Takes jobTitle out of the Users mapping: the CSV still has the column, and nothing reads it. */
  function stopMappingJobTitle(): void {
    const job = kit.app.store.jobs.get(kit.jobId)!;
    const users = job.config.objectMappings[0]!;
    users.attributeMappings = users.attributeMappings.filter((m) => m.source !== 'jobTitle');
    kit.app.store.jobs.update(job);
  }

  it('sends only the group PATCH when users join a group through the groups column', async () => {
    const rows: Employee[] = [1, 2, 3, 4].map((n) => employee(n, { groups: 'Team' }));
    rows.push(employee(5, { groups: 'Other' }), employee(6, { groups: 'Other' }));
    kit = new EngineKit(await startScimmyServer());
    await kit.start(rows);
    expect((await kit.sync()).counters.failed).toBe(0);

    rows[4] = { ...rows[4]!, groups: 'Other;Team' };
    rows[5] = { ...rows[5]!, groups: 'Other;Team' };
    kit.writeCsv(rows);
    kit.peer.resetRequests();
    const cycle = await kit.sync();

    // Team is evaluated (its members changed); the two users are not.
    expect(cycle.counters).toMatchObject({ failed: 0, evaluated: 1, unchanged: 8, membershipRequests: 1 });
    // The group is read and patched; neither user is read from the target.
    expect(requestsOf()).toEqual(['GET /Groups/<id>', 'PATCH /Groups/<id>']);
    const team = kit.targetIdOf('Team', 'Group');
    const response = await fetch(`${kit.peer.baseUrl}/Groups/${team}`, {
      headers: { Authorization: `Bearer ${kit.peer.token}`, Accept: 'application/scim+json' },
    });
    const members = ((await response.json()) as { members: { value: string }[] }).members;
    expect(members.map((m) => m.value).sort()).toEqual(
      ['E0001', 'E0002', 'E0003', 'E0004', 'E0005', 'E0006'].map((a) => kit.targetIdOf(a)).sort(),
    );
  });

  it('sends nothing for an unmapped column, yet follows a mapped one and a scoping filter on an unmapped one', async () => {
    const rows: Employee[] = [1, 2, 3].map((n) => employee(n));
    kit = new EngineKit(await startScimmyServer());
    await kit.start(rows);
    stopMappingJobTitle();
    expect((await kit.sync()).counters.failed).toBe(0);

    // jobTitle is in the file but no longer mapped: its change is not a change of the user.
    rows[0] = { ...rows[0]!, jobTitle: 'Lead' };
    kit.writeCsv(rows);
    kit.peer.resetRequests();
    expect((await kit.sync()).counters).toMatchObject({ failed: 0, updated: 0, unchanged: 3 });
    expect(requestsOf()).toEqual([]);

    // department is mapped: read and written as before.
    rows[1] = { ...rows[1]!, department: 'IT' };
    kit.writeCsv(rows);
    kit.peer.resetRequests();
    expect((await kit.sync()).counters).toMatchObject({ failed: 0, updated: 1, unchanged: 2 });
    expect(requestsOf()).toEqual(['GET /Users/<id>', 'PATCH /Users/<id>']);

    // A scoping filter reads jobTitle: from now on its changes count (the filter changes the
    // configuration, so that cycle evaluates every user once).
    const job = kit.app.store.jobs.get(kit.jobId)!;
    job.config.objectMappings[0]!.scope.filters = [
      { title: 'Reps only', clauses: [{ attribute: 'JOBTITLE', operator: 'EQUALS', value: 'Rep' }] },
    ];
    kit.app.store.jobs.update(job);
    expect((await kit.sync()).counters).toMatchObject({ failed: 0, disabled: 1 });
    rows[2] = { ...rows[2]!, jobTitle: 'Manager' };
    kit.writeCsv(rows);
    kit.peer.resetRequests();
    expect((await kit.sync()).counters).toMatchObject({ failed: 0, disabled: 1, unchanged: 2 });
    expect(requestsOf()).toContain('PATCH /Users/<id>');
  });
});
