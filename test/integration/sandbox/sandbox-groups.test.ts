import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/sandbox';
import { makeTempDir } from '../temp-dir';
import { eqFilter, groupSchema, idOf, newUser, patch, scim } from './scim-http';

describe('groups in the Roster Sandbox', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let sandbox: Sandbox;
  const serverErrors: unknown[] = [];
  beforeAll(async () => {
    dir = makeTempDir('roster-sandbox-groups-');
    sandbox = await startSandbox({
      dbPath: join(dir.path, 'sandbox.db'),
      onError: (e) => serverErrors.push(e),
    });
  });
  afterAll(async () => {
    await sandbox.stop();
    dir.remove();
  });
  beforeEach(() => sandbox.reset());
  afterEach(() => expect(serverErrors).toEqual([]));

  async function createUsers(...userNames: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const userName of userNames) {
      ids.push(
        idOf(
          await scim(sandbox, 'POST', '/Users', newUser(userName, { displayName: userName.toUpperCase() })),
        ),
      );
    }
    return ids;
  }

  async function memberIds(groupId: string): Promise<string[]> {
    const group = await scim(sandbox, 'GET', `/Groups/${groupId}`);
    expect(group.status).toBe(200);
    return (group.body?.members ?? []).map((member) => member.value).sort();
  }

  it('creates a group without members and finds it by displayName, members excluded (reference §17.3)', async () => {
    const created = await scim(sandbox, 'POST', '/Groups', {
      schemas: [groupSchema],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Sales',
    });
    expect(created.status).toBe(201);
    const id = idOf(created);
    expect(created.body).toMatchObject({ id, displayName: 'Sales', meta: { resourceType: 'Group' } });

    const [ann] = await createUsers('ann');
    await scim(
      sandbox,
      'PATCH',
      `/Groups/${id}`,
      patch({ op: 'add', path: 'members', value: [{ value: ann! }] }),
    );
    for (const query of [
      eqFilter('displayName', 'Sales'),
      eqFilter('displayName', 'SALES'),
      eqFilter('externalId', '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159'),
    ]) {
      const found = await scim(sandbox, 'GET', `/Groups?excludedAttributes=members&${query}`);
      expect(found.status, query).toBe(200);
      expect(found.body, query).toMatchObject({ totalResults: 1, Resources: [{ id, displayName: 'Sales' }] });
      expect(found.body?.Resources?.[0], query).not.toHaveProperty('members');
    }
    const single = await scim(sandbox, 'GET', `/Groups/${id}?excludedAttributes=members`);
    expect(single.body).toMatchObject({ id, displayName: 'Sales' });
    expect(single.body).not.toHaveProperty('members');
    const withMembers = await scim(sandbox, 'GET', `/Groups?${eqFilter('displayName', 'Sales')}`);
    expect(withMembers.body?.Resources?.[0]?.members).toEqual([
      { value: ann, type: 'User', display: 'ANN', $ref: `${sandbox.baseUrl}/Users/${ann!}` },
    ]);
  });

  it('refuses a second group with the same displayName, whatever its case, with a 409', async () => {
    await scim(sandbox, 'POST', '/Groups', { schemas: [groupSchema], displayName: 'Sales' });
    const duplicate = await scim(sandbox, 'POST', '/Groups', {
      schemas: [groupSchema],
      displayName: 'sales',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
    const otherId = idOf(
      await scim(sandbox, 'POST', '/Groups', { schemas: [groupSchema], displayName: 'Support' }),
    );
    const rename = await scim(
      sandbox,
      'PATCH',
      `/Groups/${otherId}`,
      patch({ op: 'replace', path: 'displayName', value: 'SALES' }),
    );
    expect(rename.status).toBe(409);
  });

  it('adds and removes members with scim2-profile operations', async () => {
    const [ann, bob, cid] = await createUsers('ann', 'bob', 'cid');
    const id = idOf(await scim(sandbox, 'POST', '/Groups', { schemas: [groupSchema], displayName: 'Sales' }));
    const added = await scim(
      sandbox,
      'PATCH',
      `/Groups/${id}`,
      patch({ op: 'add', path: 'members', value: [{ value: ann! }, { value: bob! }, { value: cid! }] }),
    );
    expect([200, 204]).toContain(added.status);
    expect(await memberIds(id)).toEqual([ann, bob, cid].sort());

    const removed = await scim(
      sandbox,
      'PATCH',
      `/Groups/${id}`,
      patch(
        { op: 'remove', path: `members[value eq "${bob!}"]` },
        { op: 'remove', path: `members[value eq "${cid!}"]` },
      ),
    );
    expect([200, 204]).toContain(removed.status);
    expect(await memberIds(id)).toEqual([ann]);
    expect(sandbox.stats().memberships).toBe(1);
  });

  it('adds and removes members with entra-legacy operations', async () => {
    const [ann, bob, cid] = await createUsers('ann', 'bob', 'cid');
    const id = idOf(await scim(sandbox, 'POST', '/Groups', { schemas: [groupSchema], displayName: 'Sales' }));
    const added = await scim(
      sandbox,
      'PATCH',
      `/Groups/${id}`,
      patch({ op: 'Add', path: 'members', value: [ann, bob, cid].map((value) => ({ $ref: null, value })) }),
    );
    expect([200, 204]).toContain(added.status);
    expect(await memberIds(id)).toEqual([ann, bob, cid].sort());

    const removed = await scim(
      sandbox,
      'PATCH',
      `/Groups/${id}`,
      patch({ op: 'Remove', path: 'members', value: [{ value: ann! }, { value: cid! }] }),
    );
    expect([200, 204]).toContain(removed.status);
    expect(await memberIds(id)).toEqual([bob]);
  });

  it('treats adding a present member and removing an absent one as no change', async () => {
    const [ann, bob] = await createUsers('ann', 'bob');
    const id = idOf(
      await scim(sandbox, 'POST', '/Groups', {
        schemas: [groupSchema],
        displayName: 'Sales',
        members: [{ value: ann! }],
      }),
    );
    const again = await scim(
      sandbox,
      'PATCH',
      `/Groups/${id}`,
      patch(
        { op: 'add', path: 'members', value: [{ value: ann! }] },
        { op: 'remove', path: `members[value eq "${bob!}"]` },
      ),
    );
    expect(again.status).toBe(204);
    expect(await memberIds(id)).toEqual([ann]);
  });

  it('refuses members that are not users or groups of the sandbox', async () => {
    const id = idOf(await scim(sandbox, 'POST', '/Groups', { schemas: [groupSchema], displayName: 'Sales' }));
    const unknown = await scim(
      sandbox,
      'PATCH',
      `/Groups/${id}`,
      patch({ op: 'add', path: 'members', value: [{ value: 'no-such-user' }] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ scimType: 'invalidValue' });
    expect(unknown.body?.detail).toMatch(/no-such-user/);
    const self = await scim(
      sandbox,
      'PATCH',
      `/Groups/${id}`,
      patch({ op: 'add', path: 'members', value: [{ value: id }] }),
    );
    expect(self.status).toBe(400);
    const onCreate = await scim(sandbox, 'POST', '/Groups', {
      schemas: [groupSchema],
      displayName: 'Ghosts',
      members: [{ value: 'nobody' }],
    });
    expect(onCreate.status).toBe(400);
    expect(sandbox.stats()).toMatchObject({ groups: 1, memberships: 0 });
  });

  it('applies a member PATCH all or nothing', async () => {
    const [ann, bob] = await createUsers('ann', 'bob');
    const id = idOf(
      await scim(sandbox, 'POST', '/Groups', {
        schemas: [groupSchema],
        displayName: 'Sales',
        members: [{ value: bob! }],
      }),
    );
    const before = (await scim(sandbox, 'GET', `/Groups/${id}`)).body?.meta;
    const mixed = await scim(
      sandbox,
      'PATCH',
      `/Groups/${id}`,
      patch(
        { op: 'add', path: 'members', value: [{ value: ann! }] },
        { op: 'remove', path: `members[value eq "${bob!}"]` },
        { op: 'add', path: 'members', value: [{ value: 'no-such-user' }] },
      ),
    );
    expect(mixed.status).toBe(400);
    expect(await memberIds(id)).toEqual([bob]);
    expect((await scim(sandbox, 'GET', `/Groups/${id}`)).body?.meta).toEqual(before);
  });

  it('applies member and attribute changes sent in one PATCH', async () => {
    const [ann] = await createUsers('ann');
    const id = idOf(await scim(sandbox, 'POST', '/Groups', { schemas: [groupSchema], displayName: 'Sales' }));
    const both = await scim(
      sandbox,
      'PATCH',
      `/Groups/${id}`,
      patch(
        { op: 'Replace', path: 'displayName', value: 'Sales EMEA' },
        { op: 'Add', path: 'members', value: [{ $ref: null, value: ann! }] },
      ),
    );
    expect([200, 204]).toContain(both.status);
    const read = await scim(sandbox, 'GET', `/Groups/${id}`);
    expect(read.body).toMatchObject({ displayName: 'Sales EMEA', members: [{ value: ann }] });
  });

  it('accepts groups as members, and drops memberships of deleted users and groups', async () => {
    const [ann, bob] = await createUsers('ann', 'bob');
    const inner = idOf(
      await scim(sandbox, 'POST', '/Groups', {
        schemas: [groupSchema],
        displayName: 'Inner',
        members: [{ value: bob! }],
      }),
    );
    const outer = idOf(
      await scim(sandbox, 'POST', '/Groups', {
        schemas: [groupSchema],
        displayName: 'Outer',
        members: [{ value: ann! }, { value: inner }],
      }),
    );
    const read = await scim(sandbox, 'GET', `/Groups/${outer}`);
    expect(read.body?.members).toContainEqual(
      expect.objectContaining({ value: inner, type: 'Group', display: 'Inner' }),
    );

    expect((await scim(sandbox, 'DELETE', `/Users/${ann!}`)).status).toBe(204);
    expect(await memberIds(outer)).toEqual([inner]);
    expect((await scim(sandbox, 'DELETE', `/Groups/${inner}`)).status).toBe(204);
    expect(await memberIds(outer)).toEqual([]);
    expect(sandbox.stats()).toMatchObject({ groups: 1, memberships: 0 });
  });

  it('deletes a group with 204 and answers 404 for it afterwards', async () => {
    const [ann] = await createUsers('ann');
    const id = idOf(
      await scim(sandbox, 'POST', '/Groups', {
        schemas: [groupSchema],
        displayName: 'Sales',
        members: [{ value: ann! }],
      }),
    );
    expect((await scim(sandbox, 'DELETE', `/Groups/${id}`)).status).toBe(204);
    const gone = await scim(sandbox, 'GET', `/Groups/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ status: '404' });
    expect((await scim(sandbox, 'DELETE', `/Groups/${id}`)).status).toBe(404);
    expect(
      (
        await scim(
          sandbox,
          'PATCH',
          `/Groups/${id}`,
          patch({ op: 'add', path: 'members', value: [{ value: ann! }] }),
        )
      ).status,
    ).toBe(404);
    expect(sandbox.stats()).toMatchObject({ users: 1, groups: 0, memberships: 0 });
  });

  it('accepts the entra-legacy group create body (ADSCIM schema, meta)', async () => {
    const created = await scim(sandbox, 'POST', '/Groups', {
      schemas: [groupSchema, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      externalId: 'legacy',
      displayName: 'Legacy',
      meta: { resourceType: 'Group' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'Legacy', externalId: 'legacy' });
  });

  it('pages groups and finds them by a member with a non-indexed filter', async () => {
    const [ann] = await createUsers('ann');
    for (const name of ['A', 'B', 'C', 'D']) {
      await scim(sandbox, 'POST', '/Groups', {
        schemas: [groupSchema],
        displayName: name,
        ...(name === 'C' ? { members: [{ value: ann! }] } : {}),
      });
    }
    const page = await scim(sandbox, 'GET', '/Groups?excludedAttributes=members&startIndex=2&count=2');
    expect(page.body).toMatchObject({ totalResults: 4, startIndex: 2, itemsPerPage: 2 });
    expect(page.body?.Resources?.map((g) => g.displayName)).toEqual(['B', 'C']);
    const byMember = await scim(
      sandbox,
      'GET',
      `/Groups?filter=${encodeURIComponent(`members.value eq "${ann!}"`)}`,
    );
    expect(byMember.body).toMatchObject({ totalResults: 1, Resources: [{ displayName: 'C' }] });
  });
});
