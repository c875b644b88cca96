import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RosterError } from '@shared/domain/errors';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/sandbox';
import { makeTempDir } from '../temp-dir';
import { eqFilter, groupSchema, idOf, newUser, scim } from './scim-http';

describe('the Roster Sandbox server', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let dbPath: string;
  let sandbox: Sandbox | undefined;
  beforeEach(() => {
    dir = makeTempDir('roster-sandbox-');
    dbPath = join(dir.path, 'sandbox', 'sandbox.db');
  });
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
    dir.remove();
  });

  it('starts on loopback with a random token, in an owner-only WAL database', async () => {
    sandbox = await startSandbox({ dbPath });
    expect(sandbox.baseUrl).toBe(`http://127.0.0.1:${sandbox.port}/scim/v2`);
    expect(sandbox.token.length).toBeGreaterThanOrEqual(32);
    expect(statSync(dbPath).mode & 0o777).toBe(0o600);
    for (const sidecar of ['-wal', '-shm']) expect(statSync(dbPath + sidecar).mode & 0o077).toBe(0);
    const raw = new BetterSqlite3(dbPath, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    raw.close();
  });

  it('answers 401 with a SCIM error to requests without the token, or with a wrong one', async () => {
    sandbox = await startSandbox({ dbPath });
    const missing = await scim(sandbox, 'GET', '/Users', undefined, null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(missing.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '401',
    });
    expect((await scim(sandbox, 'GET', '/Users', undefined, `${sandbox.token}x`)).status).toBe(401);
    expect((await scim(sandbox, 'POST', '/Users', newUser('eve'), 'wrong-token')).status).toBe(401);
    expect((await scim(sandbox, 'GET', '/ServiceProviderConfig', undefined, null)).status).toBe(401);
    expect(sandbox.stats().users).toBe(0);
  });

  it('passes the connection check: empty ListResponses for random-GUID queries (reference §17.2)', async () => {
    sandbox = await startSandbox({ dbPath });
    const users = await scim(
      sandbox,
      'GET',
      `/Users?${eqFilter('userName', '8f3c2a71-5b0e-4f7d-9a64-2d1e0c9b7a55')}`,
    );
    expect(users.status).toBe(200);
    expect(users.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(users.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      Resources: [],
    });
    const groups = await scim(
      sandbox,
      'GET',
      `/Groups?excludedAttributes=members&${eqFilter('displayName', '5b0e8f3c-2a71-4f7d-9a64-2d1e0c9b7a55')}`,
    );
    expect(groups.status).toBe(200);
    expect(groups.body).toMatchObject({ totalResults: 0, Resources: [] });
  });

  it('advertises PATCH, filtering with maxResults, no bulk and bearer tokens in ServiceProviderConfig', async () => {
    sandbox = await startSandbox({ dbPath });
    const config = await scim(sandbox, 'GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
      sort: { supported: false },
      authenticationSchemes: [{ type: 'oauthbearertoken' }],
    });
    expect((config.body?.authenticationSchemes as unknown[]).length).toBe(1);
    expect((await scim(sandbox, 'POST', '/Bulk', { schemas: [], Operations: [] })).status).toBe(501);
    const types = await scim(sandbox, 'GET', '/ResourceTypes');
    expect(types.body).toMatchObject({ totalResults: 2 });
    const schemas = await scim(sandbox, 'GET', '/Schemas');
    expect(schemas.body?.Resources?.map((schema) => schema.id).sort()).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:Group',
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ]);
  });

  it('answers unknown endpoints with a SCIM 404', async () => {
    sandbox = await startSandbox({ dbPath });
    expect((await scim(sandbox, 'GET', '/Widgets')).body).toMatchObject({ status: '404' });
    const outside = await fetch(`http://127.0.0.1:${sandbox.port}/`, {
      headers: { Authorization: `Bearer ${sandbox.token}` },
    });
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ status: '404' });
  });

  it('keeps users, groups and the token across a restart on the same database', async () => {
    const first = await startSandbox({ dbPath });
    const userId = idOf(await scim(first, 'POST', '/Users', newUser('ann@contoso.com')));
    await scim(first, 'POST', '/Groups', { schemas: [groupSchema], displayName: 'Sales' });
    const token = first.token;
    await first.stop();

    sandbox = await startSandbox({ dbPath });
    expect(sandbox.token).toBe(token);
    const read = await scim(sandbox, 'GET', `/Users/${userId}`);
    expect(read.status).toBe(200);
    expect(read.body?.userName).toBe('ann@contoso.com');
    expect(sandbox.stats()).toMatchObject({ users: 1, groups: 1 });
  });

  it('uses a given token in place of the stored one, and keeps neither in its database', async () => {
    const first = await startSandbox({ dbPath });
    await first.stop();
    const given = 'given-token-0123456789abcdef';
    sandbox = await startSandbox({ dbPath, token: given });
    expect(sandbox.token).toBe(given);
    expect((await scim(sandbox, 'GET', '/Users')).status).toBe(200);
    expect((await scim(sandbox, 'GET', '/Users', undefined, first.token)).status).toBe(401);
    await sandbox.stop();
    // The owner of a given token (the app) keeps it; no byte of it, nor of the old one, is on disk here.
    for (const file of [dbPath, `${dbPath}-wal`].filter((f) => existsSync(f))) {
      const bytes = readFileSync(file);
      expect(bytes.includes(given)).toBe(false);
      expect(bytes.includes(first.token)).toBe(false);
    }
    sandbox = await startSandbox({ dbPath });
    expect(sandbox.token).not.toBe(given);
  });

  it('refuses a token that cannot travel in a header', async () => {
    await expect(startSandbox({ dbPath, token: 'has spaces in it, sadly' })).rejects.toThrow(/visible ASCII/);
    await expect(startSandbox({ dbPath, token: 'short' })).rejects.toThrow(/16 to 512/);
  });

  it('refuses to listen anywhere but loopback', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) {
      const attempt = startSandbox({ dbPath, host });
      await expect(attempt).rejects.toBeInstanceOf(RosterError);
      await expect(attempt).rejects.toThrow(/this computer only/);
    }
    sandbox = await startSandbox({ dbPath, host: 'localhost' });
    expect(sandbox.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });

  it('runs one sandbox per process, and another once the first has stopped', async () => {
    const first = await startSandbox({ dbPath });
    await expect(startSandbox({ dbPath: join(dir.path, 'other.db') })).rejects.toThrow(/already running/);
    await first.stop();
    sandbox = await startSandbox({ dbPath: join(dir.path, 'other.db') });
    expect((await scim(sandbox, 'GET', '/Users')).status).toBe(200);
  });

  it('reports a port in use clearly, and leaves nothing running', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      await expect(startSandbox({ dbPath, port })).rejects.toThrow(
        `Port ${port} on 127.0.0.1 is already in use`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    sandbox = await startSandbox({ dbPath, port });
    expect(sandbox.port).toBe(port);
  });

  it('refuses a database written by a newer Roster, and a file that is not a sandbox database', async () => {
    const first = await startSandbox({ dbPath });
    await first.stop();
    const raw = new BetterSqlite3(dbPath);
    raw.pragma('user_version = 99');
    raw.close();
    await expect(startSandbox({ dbPath })).rejects.toThrow(/newer version of Roster/);

    const foreign = join(dir.path, 'foreign.db');
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE t (x)');
    other.pragma('user_version = 1');
    other.close();
    await expect(startSandbox({ dbPath: foreign })).rejects.toThrow(/not a Roster Sandbox database/);
    // A failed start leaves nothing running.
    sandbox = await startSandbox({ dbPath: join(dir.path, 'fresh.db') });
  });

  it('counts requests, lists users and groups for the app, and resets to empty', async () => {
    sandbox = await startSandbox({ dbPath });
    const ids: string[] = [];
    for (const name of ['carol', 'alice', 'bob']) {
      ids.push(
        idOf(await scim(sandbox, 'POST', '/Users', newUser(`${name}@contoso.com`, { displayName: name }))),
      );
    }
    await scim(sandbox, 'PATCH', `/Users/${ids[2]!}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    await scim(sandbox, 'POST', '/Groups', {
      schemas: [groupSchema],
      displayName: 'Sales',
      members: [{ value: ids[0]! }, { value: ids[1]! }],
    });
    await scim(sandbox, 'POST', '/Groups', { schemas: [groupSchema], displayName: 'Admins' });
    await scim(sandbox, 'GET', '/Users', undefined, null);

    expect(sandbox.stats()).toEqual({ users: 3, activeUsers: 2, groups: 2, memberships: 2, requests: 7 });

    const page = sandbox.listUsers({ offset: 0, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((u) => u.userName)).toEqual(['alice@contoso.com', 'bob@contoso.com']);
    expect(page.items[1]).toMatchObject({ active: false, displayName: 'bob', externalId: null });
    expect(page.items[1]?.resource).toMatchObject({ userName: 'bob@contoso.com', active: false });
    expect(sandbox.listUsers({ offset: 2, limit: 2 }).items.map((u) => u.userName)).toEqual([
      'carol@contoso.com',
    ]);
    expect(
      sandbox.listUsers({ offset: 0, limit: 10, search: 'CAR' }).items.map((u) => u.displayName),
    ).toEqual(['carol']);
    expect(sandbox.listUsers({ offset: 0, limit: 10, search: '%' }).total).toBe(0);

    const groups = sandbox.listGroups({ offset: 0, limit: 10 });
    expect(groups.total).toBe(2);
    expect(groups.items.map((g) => [g.displayName, g.memberCount])).toEqual([
      ['Admins', 0],
      ['Sales', 2],
    ]);
    expect(sandbox.listGroups({ offset: 0, limit: 10, search: 'sal' }).items).toHaveLength(1);

    sandbox.reset();
    expect(sandbox.stats()).toEqual({ users: 0, activeUsers: 0, groups: 0, memberships: 0, requests: 7 });
    expect((await scim(sandbox, 'GET', `/Users/${ids[0]!}`)).status).toBe(404);
    expect((await scim(sandbox, 'GET', '/Users')).status).toBe(200);
  });
});
