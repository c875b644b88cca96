/**
 * Issue 12: what a SCIM server declares in /ServiceProviderConfig decides, for one connector (one
 * cycle), what the connection leaves open — PATCH or PUT, filter queries or matching from the list,
 * the page size — and the app's documented filterable attributes keep filters off the others. Run
 * against scimmy, with a layer answering /ServiceProviderConfig as each case needs; every assertion
 * is about the requests the server saw and what it stored.
 */
import type { NextFunction, Request, Response } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { scimSettingsSchema } from '@shared/domain/connections';
import type { TargetConnector } from '../../../../src-main/connectors/connector';
import { createScimTarget } from '../../../../src-main/connectors/scim/scim-target';
import { startScimmyServer, type ScimmyPeer } from '../../../peers/scimmy-server';

const workEmail = 'emails[type eq "work"].value';

type Answer = { status: number; body: string };

/** Answers GET /ServiceProviderConfig itself; everything else goes on to scimmy. */
function declaring(answer: Answer) {
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path !== '/ServiceProviderConfig') return next();
    response.status(answer.status).type('application/scim+json').send(answer.body);
  };
}

function config(patch: boolean, filter: boolean, maxResults?: number): Answer {
  return {
    status: 200,
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: patch },
      bulk: { supported: true, maxOperations: 1, maxPayloadSize: 1000 },
      filter: { supported: filter, ...(maxResults ? { maxResults } : {}) },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [],
    }),
  };
}

describe('SCIM target: what the server declares, and what the app can filter on', () => {
  let peer: ScimmyPeer | null = null;
  const open: TargetConnector[] = [];
  afterEach(async () => {
    for (const target of open.splice(0)) await target.close?.();
    await peer?.stop();
    peer = null;
  });

  async function start(answer: Answer, ignoresFilters = false): Promise<ScimmyPeer> {
    // A server that cannot filter answers a filtered list with every resource it has.
    const unfiltered = (request: Request, _response: Response, next: NextFunction) => {
      if (ignoresFilters) delete (request.query as Record<string, unknown>)['filter'];
      next();
    };
    peer = await startScimmyServer({ layers: [declaring(answer), unfiltered] });
    return peer;
  }

  /** A fresh connector is a fresh cycle: it reads /ServiceProviderConfig again. */
  function connect(server: ScimmyPeer, settings: Record<string, unknown> = {}): TargetConnector {
    const target = createScimTarget({
      settings: scimSettingsSchema.parse({ baseUrl: server.baseUrl, authType: 'bearer', ...settings }),
      secrets: { bearerToken: server.token },
      retry: { backoffBaseMs: 5, backoffMaxMs: 20, defaultRetryAfterMs: 5 },
    });
    open.push(target);
    return target;
  }

  async function seed(server: ScimmyPeer, count: number): Promise<string[]> {
    const target = connect(server, { updateMethod: 'patch' });
    const ids: string[] = [];
    for (let i = 1; i <= count; i++) {
      const created = await target.create('User', {
        userName: `user${i}@contoso.com`,
        externalId: `E${i}`,
        displayName: `User ${i}`,
        [workEmail]: `mail${i}@contoso.com`,
        active: true,
      });
      ids.push(created.id);
    }
    server.resetRequests();
    return ids;
  }

  const lines = (server: ScimmyPeer) => server.requests.map((r) => `${r.method} ${r.path}`);

  it('updates with PUT when the server declares no PATCH and the connection leaves it open', async () => {
    const server = await start(config(false, true));
    const [id] = await seed(server, 1);
    const target = connect(server);
    expect(target.capabilities().patch).toBe(true); // nothing read yet: a cycle with nothing to send asks nothing
    await target.update('User', id!, [{ path: 'displayName', oldValue: 'User 1', newValue: 'Ann Lee' }]);
    expect(target.capabilities().patch).toBe(false);
    expect(lines(server)).toEqual(['GET /ServiceProviderConfig', `GET /Users/${id}`, `PUT /Users/${id}`]);
    expect(server.storedUser(id!)?.['displayName']).toBe('Ann Lee');
    // Read once per connector, not per request.
    await target.setActive('User', id!, false);
    expect(lines(server).filter((l) => l === 'GET /ServiceProviderConfig')).toHaveLength(1);
    expect(server.storedUser(id!)?.['active']).toBe(false);
  });

  it('keeps PATCH when the connection says so, whatever the server declares', async () => {
    const server = await start(config(false, true));
    const [id] = await seed(server, 1);
    const target = connect(server, { updateMethod: 'patch' });
    await target.update('User', id!, [{ path: 'displayName', oldValue: 'User 1', newValue: 'Ann Lee' }]);
    expect(lines(server)).toEqual(['GET /ServiceProviderConfig', `PATCH /Users/${id}`]);
    expect(target.capabilities().patch).toBe(true);
  });

  it('matches from the list, in pages of filter.maxResults, when the server declares it cannot filter', async () => {
    const server = await start(config(true, false, 2));
    const ids = await seed(server, 5);
    const target = connect(server);
    const found = await target.find('User', 'userName', 'USER3@contoso.com', ['displayName']);
    expect(found.map((o) => o.id)).toEqual([ids[2]]);
    expect(found[0]?.values['displayName']).toBe('User 3');
    expect(server.requests.some((r) => r.query['filter'] !== undefined)).toBe(false);
    const pages = server.requests.filter((r) => r.path === '/Users' && r.method === 'GET');
    expect(pages.map((r) => r.query['count'])).toEqual(['2', '2', '2']);
    // The listing is kept for the cycle: the next look-up costs one read by id, or nothing.
    server.resetRequests();
    expect((await target.find('User', 'userName', 'user5@contoso.com', []))[0]?.id).toBe(ids[4]);
    expect(await target.find('User', 'userName', 'nobody@contoso.com', [])).toEqual([]);
    expect(lines(server)).toEqual([`GET /Users/${ids[4]}`]);
  });

  it('finds what it created this cycle without listing again, and lists again after a conflict', async () => {
    const server = await start(config(true, false));
    await seed(server, 2);
    const target = connect(server);
    expect(await target.find('User', 'userName', 'new@contoso.com', [])).toEqual([]);
    const created = await target.create('User', { userName: 'new@contoso.com', active: true });
    server.resetRequests();
    expect((await target.find('User', 'userName', 'new@contoso.com', []))[0]?.id).toBe(created.id);
    expect(lines(server)).toEqual([`GET /Users/${created.id}`]);
    // Someone else's account with the same userName: the create conflicts, the snapshot is dropped.
    await expect(
      target.create('User', { userName: 'user1@contoso.com', active: true }),
    ).rejects.toMatchObject({
      info: { status: 409 },
    });
    server.resetRequests();
    expect(await target.find('User', 'userName', 'user1@contoso.com', [])).toHaveLength(1);
    expect(lines(server)[0]).toBe('GET /Users');
  });

  it.each([
    [
      'answers 404',
      { status: 404, body: '{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404"}' },
    ],
    [
      'answers 401',
      { status: 401, body: '{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"401"}' },
    ],
    ['answers something else', { status: 200, body: '{"hello":"world"}' }],
  ])('keeps the configured settings when /ServiceProviderConfig %s', async (_what, answer) => {
    const server = await start(answer);
    const [id] = await seed(server, 1);
    const target = connect(server);
    expect((await target.find('User', 'userName', 'user1@contoso.com', []))[0]?.id).toBe(id);
    await target.update('User', id!, [{ path: 'displayName', oldValue: 'User 1', newValue: 'Ann Lee' }]);
    expect(lines(server).filter((l) => l !== 'GET /ServiceProviderConfig')).toEqual([
      'GET /Users',
      `PATCH /Users/${id}`,
    ]);
    expect(server.requests.find((r) => r.path === '/Users')?.query['filter']).toBe(
      'userName eq "user1@contoso.com"',
    );
    expect(server.storedUser(id!)?.['displayName']).toBe('Ann Lee');
  });

  it('sends filters only on the attributes the app lists, and matches the others from the list', async () => {
    const server = await start(config(true, true));
    const ids = await seed(server, 3);
    const target = connect(server, { filterableAttributes: { users: ['userName', 'externalId'] } });
    const byMail = await target.find('User', workEmail, 'MAIL2@contoso.com', ['userName']);
    expect(byMail.map((o) => o.id)).toEqual([ids[1]]);
    expect(server.requests.some((r) => r.query['filter'] !== undefined)).toBe(false);
    server.resetRequests();
    expect((await target.find('User', 'externalId', 'E3', []))[0]?.id).toBe(ids[2]);
    expect(server.requests.map((r) => r.query['filter'])).toEqual(['externalId eq "E3"']);
  });

  it('checks the connection on an attribute the app can filter on, and without a filter where it cannot filter', async () => {
    const listed = await start(config(true, true));
    await seed(listed, 1);
    const app = connect(listed, { filterableAttributes: { users: ['userName'], groups: ['externalId'] } });
    const result = await app.testConnection({ userMatchPath: workEmail, groups: true, retry: true });
    expect(result.ok, result.summary).toBe(true);
    // The check is the first request; the app's own list decides what it filters on.
    expect(listed.requests.map((r) => r.query['filter']?.split(' ')[0])).toEqual(['userName', 'externalId']);
    await app.close?.();
    await listed.stop();

    // A server that ignores filters answers the probe with everything: only then is what it declares
    // read, and the check runs again as a list of one.
    const blind = await start(config(true, false), true);
    await seed(blind, 2);
    const result2 = await connect(blind).testConnection({
      userMatchPath: 'userName',
      groups: true,
      retry: true,
    });
    expect(result2.ok, result2.summary).toBe(true);
    expect(result2.details?.map((d) => d.valueCode)).toContain('listAnswered');
    expect(blind.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /Users',
      'GET /ServiceProviderConfig',
      'GET /Users',
      'GET /Groups',
    ]);
    expect(blind.requests.slice(2).map((r) => r.query['count'])).toEqual(['1', '1']);
  });
});
