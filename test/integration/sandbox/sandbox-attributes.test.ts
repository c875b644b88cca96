/**
 * RFC 7644 §3.4.2.5 `attributes` / `excludedAttributes` on the Roster Sandbox's GET by id and GET
 * list: id and schemas always come back, meta only by default or when named, and the URN-qualified,
 * sub-attribute and case-folded names Roster's own list reads send are answered, not refused.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/sandbox';
import { makeTempDir } from '../temp-dir';
import { enterpriseSchema, groupSchema, idOf, newUser, scim, userSchema } from './scim-http';

describe('attributes and excludedAttributes in the Roster Sandbox', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let sandbox: Sandbox;
  const serverErrors: unknown[] = [];
  let ann: string;
  let sales: string;

  beforeAll(async () => {
    dir = makeTempDir('roster-sandbox-attributes-');
    sandbox = await startSandbox({
      dbPath: join(dir.path, 'sandbox.db'),
      onError: (e) => serverErrors.push(e),
    });
  });
  afterAll(async () => {
    await sandbox.stop();
    dir.remove();
  });
  beforeEach(async () => {
    sandbox.reset();
    ann = idOf(
      await scim(
        sandbox,
        'POST',
        '/Users',
        newUser('ann@contoso.com', {
          displayName: 'Ann Lee',
          name: { givenName: 'Ann', familyName: 'Lee' },
          emails: [
            { value: 'ann@contoso.com', type: 'work', primary: true },
            { value: 'ann@home.example', type: 'home' },
          ],
          [enterpriseSchema]: { department: 'Sales', employeeNumber: '7' },
        }),
      ),
    );
    sales = idOf(
      await scim(sandbox, 'POST', '/Groups', {
        schemas: [groupSchema],
        displayName: 'Sales',
        externalId: 'G1',
        members: [{ value: ann }],
      }),
    );
  });
  afterEach(() => expect(serverErrors).toEqual([]));

  const schemas = [userSchema, enterpriseSchema];

  it('returns only the named attributes with id and schemas, by id and in a list', async () => {
    const byId = await scim(sandbox, 'GET', `/Users/${ann}?attributes=userName,displayName`);
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual({ schemas, id: ann, userName: 'ann@contoso.com', displayName: 'Ann Lee' });
    const list = await scim(sandbox, 'GET', '/Users?attributes=userName');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ totalResults: 1, itemsPerPage: 1, startIndex: 1 });
    expect(list.body?.Resources).toEqual([{ schemas, id: ann, userName: 'ann@contoso.com' }]);
  });

  it('answers the names Roster’s list reads send: URN-qualified, sub-attributes, any case', async () => {
    const query = [
      'USERNAME',
      'name.givenName',
      'emails.value',
      `${enterpriseSchema}:department`,
      `${userSchema}:displayName`,
    ].join(',');
    const reply = await scim(sandbox, 'GET', `/Users?attributes=${encodeURIComponent(query)}`);
    expect(reply.status).toBe(200);
    expect(reply.body?.Resources).toEqual([
      {
        schemas,
        id: ann,
        userName: 'ann@contoso.com',
        displayName: 'Ann Lee',
        name: { givenName: 'Ann' },
        emails: [{ value: 'ann@contoso.com' }, { value: 'ann@home.example' }],
        [enterpriseSchema]: { department: 'Sales' },
      },
    ]);
    const extension = await scim(
      sandbox,
      'GET',
      `/Users/${ann}?attributes=${encodeURIComponent(enterpriseSchema)}`,
    );
    expect(extension.body).toEqual({
      schemas,
      id: ann,
      [enterpriseSchema]: { department: 'Sales', employeeNumber: '7' },
    });
  });

  it('returns meta by default, and only the named part when attributes names it', async () => {
    const whole = await scim(sandbox, 'GET', `/Users/${ann}`);
    const meta = whole.body?.['meta'] as { resourceType?: string; location?: string } | undefined;
    expect(meta?.resourceType).toBe('User');
    expect(meta?.location).toBe(`${sandbox.baseUrl}/Users/${ann}`);
    const named = await scim(sandbox, 'GET', `/Users/${ann}?attributes=meta.lastModified`);
    expect(named.status).toBe(200);
    expect(Object.keys(named.body ?? {}).sort()).toEqual(['id', 'meta', 'schemas']);
    expect(Object.keys(named.body?.['meta'] as object)).toEqual(['lastModified']);
    const excluded = await scim(sandbox, 'GET', `/Users/${ann}?excludedAttributes=meta`);
    expect(excluded.body).not.toHaveProperty('meta');
  });

  it('leaves out excluded attributes but never id or schemas, and ignores names it does not know', async () => {
    const reply = await scim(
      sandbox,
      'GET',
      `/Users/${ann}?excludedAttributes=${encodeURIComponent(`id,schemas,emails.type,${enterpriseSchema}:employeeNumber,name`)}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: ann, schemas, userName: 'ann@contoso.com' });
    expect(reply.body).not.toHaveProperty('name');
    expect(reply.body?.['emails']).toEqual([
      { value: 'ann@contoso.com', primary: true },
      { value: 'ann@home.example' },
    ]);
    expect(reply.body?.[enterpriseSchema]).toEqual({ department: 'Sales' });
    const unknown = await scim(sandbox, 'GET', `/Users/${ann}?attributes=nosuchAttribute`);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({ schemas, id: ann });
  });

  it('selects group attributes, with or without members', async () => {
    const withoutMembers = await scim(sandbox, 'GET', `/Groups/${sales}?excludedAttributes=members`);
    expect(withoutMembers.body).toMatchObject({ id: sales, displayName: 'Sales', schemas: [groupSchema] });
    expect(withoutMembers.body).not.toHaveProperty('members');
    const members = await scim(sandbox, 'GET', `/Groups?attributes=members.value,externalId`);
    expect(members.body?.Resources).toEqual([
      { schemas: [groupSchema], id: sales, externalId: 'G1', members: [{ value: ann }] },
    ]);
    const names = await scim(sandbox, 'GET', `/Groups?attributes=displayName`);
    expect(names.body?.Resources).toEqual([{ schemas: [groupSchema], id: sales, displayName: 'Sales' }]);
  });

  it('keeps errors as they are', async () => {
    const missing = await scim(sandbox, 'GET', '/Users/not-there?attributes=userName');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: '404' });
  });
});
