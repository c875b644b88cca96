/**
 * Issue 12: an app that filters only on the attributes it documents (AWS, Atlassian, HCP Terraform)
 * and a job that matches on one it cannot filter on — the work email. The quirk peer answers such a
 * filter 400 invalidFilter, as the app does. With the Generic SCIM 2.0 profile's connection Roster
 * sends that filter and the cycle fails; with Atlassian Cloud's (userName and externalId filterable)
 * the connection carries the list, Roster matches on the email from the target's list, adopts the
 * account made behind its back, and never sends a filter the app refuses.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobConfig } from '@shared/domain/jobs';
import { createQuirkLayer, type QuirkLayer } from '../../peers/scim-quirks';
import { startScimmyServer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { employee } from './engine-kit';
import { loadProfile, ProfileKit } from './profile-kit';

const workEmail = 'emails[type eq "work"].value';

/** The Users mapping matches on the work email only. */
function matchOnWorkEmail(config: JobConfig): JobConfig {
  return {
    ...config,
    objectMappings: config.objectMappings.map((mapping) =>
      mapping.targetObject !== 'User'
        ? mapping
        : {
            ...mapping,
            attributeMappings: mapping.attributeMappings.map((m) => ({
              ...m,
              matchingPriority: m.target === workEmail ? 1 : 0,
            })),
          },
    ),
  };
}

const staff = [
  employee(1, { groups: 'Sales' }),
  employee(2, { groups: 'Sales' }),
  employee(3, { groups: 'Engineering' }),
];

describe('quirk peer that filters only on listed attributes, with a job matching on the work email', () => {
  let kit: ProfileKit | null = null;
  let quirks: QuirkLayer;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
    kit = null;
  });

  async function run(profileId: string) {
    quirks = createQuirkLayer({
      filterable: { Users: ['userName', 'externalId', 'id'], Groups: ['displayName', 'externalId', 'id'] },
      filterOperators: ['eq'],
    });
    const peer = await startScimmyServer({ layers: quirks.layers });
    kit = new ProfileKit(peer, loadProfile(profileId));
    await kit.start(staff, {}, matchOnWorkEmail);
    // Made at the app by hand before Roster ran: E0002's mailbox under another user name.
    const made = await fetch(`${peer.baseUrl}/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${peer.token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'given2.family2@example.com',
        emails: [{ type: 'work', value: 'user2@example.com', primary: true }],
        active: true,
      }),
    });
    expect(made.status).toBe(201);
    const handMade = ((await made.json()) as { id: string }).id;
    peer.resetRequests();
    const summary = await kit.sync();
    return { kit, summary, handMade };
  }

  it('with the generic profile, sends the email filter the app refuses and provisions nobody', async () => {
    const { kit, summary } = await run('generic-scim');
    expect(summary.status).not.toBe('completed');
    expect(summary.counters.created).toBe(0);
    expect(quirks.refusals.length).toBeGreaterThan(0);
    expect(quirks.refusals.every((r) => r.scimType === 'invalidFilter')).toBe(true);
    expect(quirks.refusals[0]?.detail).toMatch(/^Filtering on emails\[/);
    expect(kit.linked('E0001')).toBeUndefined();
  });

  it('with the Atlassian Cloud profile, matches on the email from the list and adopts the hand-made account', async () => {
    const { kit, summary, handMade } = await run('atlassian-cloud');
    expect(kit.app.store.connections.findByName('App')?.settings).toMatchObject({
      filterableAttributes: { users: ['userName', 'externalId'] },
    });
    expect(summary.status).toBe('completed');
    expect(quirks.refusals).toEqual([]);
    // Adopted, not created twice: E0002 is linked to the account made by hand, now with its userName.
    expect(kit.linked('E0002')).toBe(handMade);
    expect(kit.storedUser('E0002')?.['userName']).toBe('user2@example.com');
    expect(summary.counters.created).toBe(4); // E0001, E0003 and the two groups
    expect(kit.storedUser('E0001')?.['userName']).toBe('user1@example.com');
    expect(kit.storedUser('E0003')?.['userName']).toBe('user3@example.com');
    // Filters only on what the app lists; the email was never sent as one.
    const filters = kit.peer.requests.map((r) => r.query['filter']).filter((f) => f !== undefined);
    for (const filter of filters) expect(filter).toMatch(/^(userName|externalId|displayName|id) eq "/);
    expect(filters.some((f) => f.startsWith('emails'))).toBe(false);
  });
});
