import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startScimProxy, type ScimProxy } from '../../peers/scim-proxy';
import { startScimmyServer, type ScimmyPeer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee } from './engine-kit';

/**
 * The two situations a SCIM server cannot be asked to produce on cue, made by a proxy in front of a
 * real scimmy server. Requests are counted at that server.
 */
describe('the engine when the target conflicts or throttles', () => {
  let peer: ScimmyPeer;
  let proxy: ScimProxy;
  let kit: EngineKit;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
    await proxy?.stop();
  });

  it('adopts the account when a create answers 409 because it appeared after matching', async () => {
    peer = await startScimmyServer();
    let createdElsewhere: string | null = null;
    proxy = await startScimProxy(peer.baseUrl, {
      // Someone else creates the same account right after Roster's matching query found nothing.
      after: async (req) => {
        if (
          createdElsewhere ||
          req.method !== 'GET' ||
          !decodeURIComponent(req.url).includes('userName eq "user1@example.com"')
        )
          return;
        const response = await fetch(`${peer.baseUrl}/Users`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${peer.token}`, 'Content-Type': 'application/scim+json' },
          body: JSON.stringify({
            schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
            userName: 'user1@example.com',
          }),
        });
        createdElsewhere = ((await response.json()) as { id: string }).id;
      },
    });
    kit = new EngineKit({ ...peer, baseUrl: proxy.baseUrl });
    await kit.start([employee(1)]);
    peer.resetRequests();
    const cycle = await kit.sync();
    expect(cycle.counters.failed).toBe(0);
    expect(createdElsewhere).not.toBeNull();
    expect(kit.targetIdOf('E0001')).toBe(createdElsewhere);
    const posts = peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users');
    expect(posts).toHaveLength(2); // the one made "elsewhere", and Roster's, refused with 409
    const entry = kit.app.store.log
      .page({ jobId: kit.jobId, limit: 10 })
      .entries.find((e) => e.sourceIdentity.id === 'E0001');
    expect(JSON.stringify(entry?.provisioningSteps)).toContain('409');
  });

  it('tells the admin to reset the link, under its advice code, when the linked account is gone from the target', async () => {
    peer = await startScimmyServer();
    proxy = await startScimProxy(peer.baseUrl, {});
    kit = new EngineKit({ ...peer, baseUrl: proxy.baseUrl });
    await kit.start([employee(1)]);
    await kit.sync();
    // Someone deletes the account in the target; then HR changes the employee's title.
    const gone = await fetch(`${peer.baseUrl}/Users/${kit.targetIdOf('E0001')}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${peer.token}` },
    });
    expect(gone.ok).toBe(true);
    kit.writeCsv([employee(1, { jobTitle: 'Manager' })]);
    const cycle = await kit.sync();
    expect(cycle.counters.failed).toBe(1);
    const entry = kit.app.store.log
      .page({ jobId: kit.jobId, cycleId: cycle.id, limit: 10 })
      .entries.find((e) => e.sourceIdentity.id === 'E0001');
    // Read back from the store: the English as the log always held it, and the code beside it.
    expect(entry?.errorInformation).toMatchObject({
      errorCode: 'InvalidAnchor',
      recommendedAction:
        'Reset the link of this object (or run `roster reset <job> --full`) so that Roster matches or creates it again.',
      recommendedActionCode: 'adviceResetLink',
      recommendedActionParams: {},
    });
  });

  it('waits as long as Retry-After says when the target answers 429, then succeeds', async () => {
    peer = await startScimmyServer();
    let throttled = 0;
    proxy = await startScimProxy(peer.baseUrl, {
      before: (req) => {
        if (req.method === 'POST' && req.url.startsWith('/Users') && throttled === 0) {
          throttled++;
          return {
            respond: {
              status: 429,
              headers: { 'Retry-After': '2' },
              body: JSON.stringify({
                schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
                status: '429',
                detail: 'slow down',
              }),
            },
          };
        }
        return 'forward';
      },
    });
    kit = new EngineKit({ ...peer, baseUrl: proxy.baseUrl });
    await kit.start([employee(1)]);
    const started = Date.now();
    const cycle = await kit.sync();
    const posts = proxy.seen.filter((r) => r.method === 'POST' && r.url.startsWith('/Users'));
    expect(throttled).toBe(1);
    expect(cycle.counters).toMatchObject({ created: 1, failed: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(posts).toHaveLength(2);
    expect(peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users')).toHaveLength(1);
  });
});
