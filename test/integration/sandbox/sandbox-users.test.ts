import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/sandbox';
import { makeTempDir } from '../temp-dir';
import { enterpriseSchema, eqFilter, idOf, newUser, patch, scim, userSchema } from './scim-http';

describe('users in the Roster Sandbox', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let sandbox: Sandbox;
  beforeAll(async () => {
    dir = makeTempDir('roster-sandbox-users-');
    sandbox = await startSandbox({ dbPath: join(dir.path, 'sandbox.db') });
  });
  afterAll(async () => {
    await sandbox.stop();
    dir.remove();
  });
  beforeEach(() => sandbox.reset());

  const ann = {
    schemas: [userSchema, enterpriseSchema],
    externalId: 'ann',
    userName: 'ann@contoso.com',
    active: true,
    displayName: 'Ann Lee',
    name: { givenName: 'Ann', familyName: 'Lee' },
    emails: [{ primary: true, type: 'work', value: 'ann@contoso.com' }],
    [enterpriseSchema]: { department: 'Sales' },
  };

  it('creates a user from the body Roster sends and returns it with an id (reference §17.3)', async () => {
    const created = await scim(sandbox, 'POST', '/Users', ann);
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    const id = idOf(created);
    expect(created.body).toMatchObject({
      ...ann,
      id,
      meta: { resourceType: 'User', location: `${sandbox.baseUrl}/Users/${id}` },
    });
    const read = await scim(sandbox, 'GET', `/Users/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      userName: 'ann@contoso.com',
      [enterpriseSchema]: { department: 'Sales' },
    });
    expect(typeof (read.body?.meta as { created?: unknown }).created).toBe('string');
  });

  it('refuses a second user with the same userName, whatever its case, with a 409 uniqueness error', async () => {
    await scim(sandbox, 'POST', '/Users', ann);
    const duplicate = await scim(sandbox, 'POST', '/Users', { ...ann, userName: 'ANN@Contoso.com' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
    });
    expect(duplicate.body?.detail).toMatch(/ANN@Contoso\.com/);
    expect(sandbox.stats().users).toBe(1);
  });

  it('refuses to rename a user onto a taken userName', async () => {
    await scim(sandbox, 'POST', '/Users', newUser('taken'));
    const id = idOf(await scim(sandbox, 'POST', '/Users', newUser('free')));
    const rename = await scim(
      sandbox,
      'PATCH',
      `/Users/${id}`,
      patch({ op: 'replace', path: 'userName', value: 'Taken' }),
    );
    expect(rename.status).toBe(409);
    expect((await scim(sandbox, 'GET', `/Users/${id}`)).body?.userName).toBe('free');
  });

  it('finds users with eq on userName (any case), externalId, id and displayName', async () => {
    const id = idOf(await scim(sandbox, 'POST', '/Users', ann));
    await scim(
      sandbox,
      'POST',
      '/Users',
      newUser('bob@contoso.com', { externalId: 'bob', displayName: 'Bob' }),
    );
    const queries = [
      eqFilter('userName', 'ann@contoso.com'),
      eqFilter('userName', 'Ann@CONTOSO.com'),
      eqFilter('externalId', 'ann'),
      eqFilter('id', id),
      eqFilter('displayName', 'Ann Lee'),
      `filter=${encodeURIComponent('userName eq "ann@contoso.com" or externalId eq "nobody"')}`,
    ];
    for (const query of queries) {
      const found = await scim(sandbox, 'GET', `/Users?${query}`);
      expect(found.status, query).toBe(200);
      expect(found.body, query).toMatchObject({
        totalResults: 1,
        Resources: [{ id, userName: 'ann@contoso.com' }],
      });
    }
    // externalId is case-exact (RFC 7643 §3.1).
    expect((await scim(sandbox, 'GET', `/Users?${eqFilter('externalId', 'ANN')}`)).body?.totalResults).toBe(
      0,
    );
  });

  it('parses escaped quotes and backslashes in filter values (reference §17.3)', async () => {
    const tricky = 'o"neil\\ann (x) [y]';
    const id = idOf(await scim(sandbox, 'POST', '/Users', newUser(tricky)));
    await scim(sandbox, 'POST', '/Users', newUser('o'));
    const found = await scim(sandbox, 'GET', `/Users?${eqFilter('userName', tricky)}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id, userName: tricky }] });
    const accented = idOf(await scim(sandbox, 'POST', '/Users', newUser('zoë@contoso.com')));
    for (const literal of ['"zoë@contoso.com"', '"zo\\u00eb@contoso.com"']) {
      const query = `filter=${encodeURIComponent(`userName eq ${literal}`)}`;
      expect((await scim(sandbox, 'GET', `/Users?${query}`)).body, literal).toMatchObject({
        totalResults: 1,
        Resources: [{ id: accented }],
      });
    }
    const broken = await scim(
      sandbox,
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "unterminated')}`,
    );
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ scimType: 'invalidFilter' });
  });

  it('answers other filters with SCIMMY’s matcher, literals decoded', async () => {
    await scim(sandbox, 'POST', '/Users', ann);
    await scim(sandbox, 'POST', '/Users', newUser('bob@contoso.com', { name: { familyName: 'O"Hara' } }));
    const byFamily = await scim(
      sandbox,
      'GET',
      `/Users?filter=${encodeURIComponent('name.familyName eq "O\\"Hara"')}`,
    );
    expect(byFamily.body).toMatchObject({ totalResults: 1, Resources: [{ userName: 'bob@contoso.com' }] });
    const byEmail = await scim(
      sandbox,
      'GET',
      `/Users?filter=${encodeURIComponent('emails[type eq "work" and value co "@contoso"]')}`,
    );
    expect(byEmail.body).toMatchObject({ totalResults: 1, Resources: [{ userName: 'ann@contoso.com' }] });
  });

  it('pages with startIndex and count, reporting the total', async () => {
    for (let i = 1; i <= 7; i += 1) await scim(sandbox, 'POST', '/Users', newUser(`user${i}`));
    const middle = await scim(sandbox, 'GET', '/Users?startIndex=2&count=3');
    expect(middle.body).toMatchObject({ totalResults: 7, startIndex: 2, itemsPerPage: 3 });
    expect(middle.body?.Resources?.map((u) => u.userName)).toEqual(['user2', 'user3', 'user4']);
    const last = await scim(sandbox, 'GET', '/Users?startIndex=6&count=3');
    expect(last.body?.Resources?.map((u) => u.userName)).toEqual(['user6', 'user7']);
    const beyond = await scim(sandbox, 'GET', '/Users?startIndex=20&count=3');
    expect(beyond.body).toMatchObject({ totalResults: 7, Resources: [] });
    const countOnly = await scim(sandbox, 'GET', '/Users?count=0');
    expect(countOnly.body).toMatchObject({ totalResults: 7, Resources: [] });
    const all = await scim(sandbox, 'GET', '/Users');
    expect(all.body?.Resources).toHaveLength(7);
  });

  it('applies scim2-profile PATCH operations, one per path (reference §17.4)', async () => {
    const id = idOf(await scim(sandbox, 'POST', '/Users', { ...ann, title: 'Engineer' }));
    const managerId = idOf(await scim(sandbox, 'POST', '/Users', newUser('boss@contoso.com')));
    const patched = await scim(
      sandbox,
      'PATCH',
      `/Users/${id}`,
      patch(
        { op: 'add', path: 'nickName', value: 'Babs' },
        { op: 'replace', path: 'name.familyName', value: 'Lindqvist' },
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'new@contoso.com' },
        { op: 'add', path: 'phoneNumbers', value: [{ type: 'mobile', value: '+1 555 0100' }] },
        { op: 'remove', path: 'title' },
        { op: 'replace', path: `${enterpriseSchema}:manager`, value: { value: managerId } },
        { op: 'replace', path: `${enterpriseSchema}:department`, value: 'Support' },
      ),
    );
    expect(patched.status).toBe(200);
    const read = await scim(sandbox, 'GET', `/Users/${id}`);
    expect(read.body).toMatchObject({
      nickName: 'Babs',
      name: { givenName: 'Ann', familyName: 'Lindqvist' },
      emails: [{ type: 'work', value: 'new@contoso.com', primary: true }],
      phoneNumbers: [{ type: 'mobile', value: '+1 555 0100' }],
      [enterpriseSchema]: { department: 'Support', manager: { value: managerId } },
    });
    expect(read.body).not.toHaveProperty('title');
  });

  it('applies entra-legacy PATCH operations: capitalised ops, "False"/"True" strings, manager shape', async () => {
    const id = idOf(await scim(sandbox, 'POST', '/Users', ann));
    const managerId = idOf(await scim(sandbox, 'POST', '/Users', newUser('boss@contoso.com')));
    const disabled = await scim(
      sandbox,
      'PATCH',
      `/Users/${id}`,
      patch(
        { op: 'Replace', path: 'active', value: 'False' },
        {
          op: 'Add',
          path: 'manager',
          value: [{ $ref: `${sandbox.baseUrl}/Users/${managerId}`, value: managerId }],
        },
        { op: 'Replace', path: 'displayName', value: 'Ann L.' },
      ),
    );
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ active: false, displayName: 'Ann L.' });
    expect((await scim(sandbox, 'GET', `/Users/${id}`)).body).toMatchObject({
      active: false,
      [enterpriseSchema]: { department: 'Sales', manager: { value: managerId } },
    });

    const enabled = await scim(
      sandbox,
      'PATCH',
      `/Users/${id}`,
      patch({ op: 'Replace', path: 'active', value: 'True' }),
    );
    expect(enabled.body).toMatchObject({ active: true });
    const pathless = await scim(
      sandbox,
      'PATCH',
      `/Users/${id}`,
      patch({ op: 'Replace', value: { active: 'False', 'name.givenName': 'Annie' } }),
    );
    expect(pathless.body).toMatchObject({ active: false, name: { givenName: 'Annie' } });
    const noManager = await scim(sandbox, 'PATCH', `/Users/${id}`, patch({ op: 'Remove', path: 'manager' }));
    expect(noManager.status).toBe(200);
    expect((await scim(sandbox, 'GET', `/Users/${id}`)).body?.[enterpriseSchema]).toEqual({
      department: 'Sales',
    });
  });

  it('keeps disabled users readable and findable (reference §19)', async () => {
    const id = idOf(await scim(sandbox, 'POST', '/Users', ann));
    await scim(sandbox, 'PATCH', `/Users/${id}`, patch({ op: 'replace', path: 'active', value: false }));
    expect((await scim(sandbox, 'GET', `/Users/${id}`)).body).toMatchObject({ id, active: false });
    const found = await scim(sandbox, 'GET', `/Users?${eqFilter('userName', 'ann@contoso.com')}`);
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id, active: false }] });
    const inactive = await scim(sandbox, 'GET', `/Users?filter=${encodeURIComponent('active eq false')}`);
    expect(inactive.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });
    expect((await scim(sandbox, 'GET', '/Users')).body?.totalResults).toBe(1);
    expect(sandbox.stats()).toMatchObject({ users: 1, activeUsers: 0 });
  });

  it('creates a user from an entra-legacy body (meta, string active)', async () => {
    const created = await scim(sandbox, 'POST', '/Users', {
      schemas: [userSchema],
      userName: 'legacy@contoso.com',
      active: 'True',
      meta: { resourceType: 'User' },
      roles: [{ primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'Admin', value: 'Admin' }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      active: true,
      roles: [{ type: 'WindowsAzureActiveDirectoryRole' }],
    });
  });

  it('replaces a user with PUT, keeping its id and creation time', async () => {
    const created = await scim(sandbox, 'POST', '/Users', ann);
    const id = idOf(created);
    const replaced = await scim(
      sandbox,
      'PUT',
      `/Users/${id}`,
      newUser('ann@fabrikam.com', { active: false }),
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id, userName: 'ann@fabrikam.com', active: false });
    expect(replaced.body).not.toHaveProperty('displayName');
    const meta = (r: typeof created) => r.body?.meta as { created: string };
    expect(meta(replaced).created).toBe(meta(created).created);
  });

  it('deletes a user with 204, then answers 404 SCIM errors for its id', async () => {
    const id = idOf(await scim(sandbox, 'POST', '/Users', ann));
    const deleted = await scim(sandbox, 'DELETE', `/Users/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    for (const [method, body] of [
      ['GET', undefined],
      ['DELETE', undefined],
      ['PATCH', patch({ op: 'replace', path: 'active', value: false })],
      ['PUT', newUser('ann@contoso.com')],
    ] as const) {
      const reply = await scim(sandbox, method, `/Users/${id}`, body);
      expect(reply.status, method).toBe(404);
      expect(reply.body, method).toMatchObject({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '404',
      });
    }
    expect(
      (await scim(sandbox, 'GET', `/Users?${eqFilter('userName', 'ann@contoso.com')}`)).body?.totalResults,
    ).toBe(0);
  });

  it('rejects invalid bodies with 400 SCIM errors', async () => {
    const noUserName = await scim(sandbox, 'POST', '/Users', {
      schemas: [userSchema],
      displayName: 'Nobody',
    });
    expect(noUserName.status).toBe(400);
    expect(noUserName.body).toMatchObject({ status: '400' });
    const badJson = await fetch(`${sandbox.baseUrl}/Users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.token}`, 'Content-Type': 'application/scim+json' },
      body: '{"userName": ',
    });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ status: '400' });
    const id = idOf(await scim(sandbox, 'POST', '/Users', ann));
    const badOp = await scim(
      sandbox,
      'PATCH',
      `/Users/${id}`,
      patch({ op: 'frobnicate', path: 'title', value: 'x' }),
    );
    expect(badOp.status).toBe(400);
    expect(sandbox.stats().users).toBe(1);
  });
});
