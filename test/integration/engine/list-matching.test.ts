import { afterEach, describe, expect, it } from 'vitest';
import { minObjectsForList } from '../../../src-main/engine/match-index';
import { startScimmyServer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee } from './engine-kit';

/**
 * Issue 11: an initial cycle with many objects to match lists the target once and matches in memory,
 * instead of a GET ?filter before every create. The log's matching step reads as before.
 */
describe('matching against the target listed once', () => {
  let kit: EngineKit | undefined;
  afterEach(async () => {
    await kit?.stop();
    kit = undefined;
  });

  async function postUser(userName: string, title: string): Promise<string> {
    const response = await fetch(`${kit!.peer.baseUrl}/Users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${kit!.peer.token}`, 'Content-Type': 'application/scim+json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, title }),
    });
    return ((await response.json()) as { id: string }).id;
  }

  it('creates many users with one list read and no query per user, and adopts the one that exists', async () => {
    usePrivateKeyring();
    kit = new EngineKit(await startScimmyServer());
    const count = minObjectsForList + 10;
    const existingId = await postUser('USER7@example.com', 'Old');
    await kit.start(
      Array.from({ length: count }, (_, i) => employee(i + 1, { groups: i % 2 ? 'Sales' : 'All' })),
    );
    kit.peer.resetRequests();

    const cycle = await kit.sync();

    expect(cycle.status).toBe('completed');
    expect(cycle.counters.failed).toBe(0);
    expect(cycle.counters.created).toBe(count - 1 + 2);
    const gets = kit.peer.requests.filter((r) => r.method === 'GET');
    expect(gets.filter((r) => r.path === '/Users' && r.query['filter'] === undefined).length).toBeGreaterThan(
      0,
    );
    // The connection check's one query, and nothing per user.
    expect(gets.filter((r) => r.path === '/Users' && r.query['filter'] !== undefined)).toHaveLength(1);
    // The adopted user is read by id, then brought in line with the source.
    expect(gets.filter((r) => r.path === `/Users/${existingId}`)).toHaveLength(1);
    expect(kit.targetIdOf('E0007')).toBe(existingId);
    expect(kit.peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users')).toHaveLength(
      count - 1,
    );

    const page = kit.app.store.log.page({ jobId: kit.jobId, identity: 'E0007', limit: 10 });
    const matching = page.entries[0]?.provisioningSteps.find((s) => s.provisioningStepType === 'matching');
    expect(matching?.description).toBe(
      `Matched the target object ${existingId} on userName = "user7@example.com"`,
    );
    expect(matching?.details).toEqual({ 'userName eq "user7@example.com"': '1 found' });
    const created = kit.app.store.log.page({ jobId: kit.jobId, identity: 'E0008', limit: 10 });
    expect(
      created.entries[0]?.provisioningSteps.find((s) => s.provisioningStepType === 'matching')?.details,
    ).toEqual({
      'userName eq "user8@example.com"': '0 found',
    });
  });

  it('queries per object when only a few objects need matching', async () => {
    usePrivateKeyring();
    kit = new EngineKit(await startScimmyServer());
    await kit.start([employee(1), employee(2), employee(3)]);
    kit.peer.resetRequests();

    const cycle = await kit.sync();

    expect(cycle.counters.created).toBe(3);
    const queries = kit.peer.requests.filter(
      (r) => r.method === 'GET' && r.path === '/Users' && r.query['filter'] !== undefined,
    );
    // The connection check's Users query, then one query per user.
    expect(queries).toHaveLength(4);
    expect(
      kit.peer.requests.filter((r) => r.method === 'GET' && r.path === '/Users' && !r.query['filter']),
    ).toEqual([]);
  });
});
