/**
 * The SCIM target's behaviour against a real server, written once and run against each test peer.
 * Request counts and bodies are asserted at the server (peer.requests), not inside the connector.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scimSettingsSchema } from '@shared/domain/connections';
import { ConnectorError, type TargetConnector } from '../../../../src-main/connectors/connector';
import { createScimTarget, type ScimTargetOptions } from '../../../../src-main/connectors/scim/scim-target';
import { requestsTo, type ScimPeer } from '../../../peers/scim-request-log';

export interface PeerUnderTest {
  name: string;
  start(): Promise<ScimPeer>;
  /** The server can parse `\"` inside a filter value (scimmy cannot). */
  parsesEscapedQuotes: boolean;
  /** The server takes Entra's `"value":"False"` for active (scimmy type-checks and refuses it). */
  acceptsStringBooleans: boolean;
  /** What discovery should settle on with maxMembersPerPatch 100 (lowered by a positive bulk.maxOperations). */
  discoveredMaxOperations: number;
}

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const workEmail = 'emails[type eq "work"].value';

let counter = 0;
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

function userValues(userName: string, email = userName): Record<string, string | boolean> {
  return {
    userName,
    externalId: userName.split('@')[0] ?? userName,
    active: true,
    displayName: 'Ann Lee',
    'name.givenName': 'Ann',
    'name.familyName': 'Lee',
    [workEmail]: email,
    [`${enterprise}:department`]: 'Sales',
  };
}

async function rawGet(peer: ScimPeer, path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${peer.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${peer.token}`, accept: 'application/scim+json' },
  });
  return (await response.json()) as Record<string, unknown>;
}

function operationsOf(body: unknown): unknown[] {
  return (body as { Operations: unknown[] }).Operations;
}

export function describeScimTarget(peerUnderTest: PeerUnderTest): void {
  describe(`SCIM target against ${peerUnderTest.name}`, () => {
    let peer: ScimPeer;
    const open: TargetConnector[] = [];

    function connect(
      options: Partial<ScimTargetOptions> = {},
      baseUrl?: string,
      token?: string,
    ): TargetConnector {
      const target = createScimTarget({
        settings: scimSettingsSchema.parse({ baseUrl: baseUrl ?? peer.baseUrl, authType: 'bearer' }),
        secrets: { bearerToken: token ?? peer.token },
        retry: { backoffBaseMs: 10, backoffMaxMs: 50, defaultRetryAfterMs: 10 },
        ...options,
      });
      open.push(target);
      return target;
    }

    async function createUser(target: TargetConnector, prefix = 'ann'): Promise<string> {
      const created = await target.create('User', userValues(`${unique(prefix)}@contoso.com`));
      return created.id;
    }

    beforeAll(async () => {
      peer = await peerUnderTest.start();
    });
    afterAll(async () => {
      await peer.stop();
    });
    beforeEach(() => {
      peer.resetRequests();
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map(async (target) => target.close?.()));
    });

    describe('Test connection', () => {
      it('passes with the §17.2 queries for a random value on Users and Groups', async () => {
        const result = await connect().testConnection({ userMatchPath: 'userName', groups: true });
        expect(result.ok, result.summary).toBe(true);
        expect(peer.requests).toHaveLength(2);
        const [users, groups] = peer.requests;
        expect(users?.method).toBe('GET');
        expect(users?.path).toBe('/Users');
        expect(users?.query['filter']).toMatch(/^userName eq "[0-9a-f-]{36}"$/);
        expect(groups?.path).toBe('/Groups');
        expect(groups?.query['excludedAttributes']).toBe('members');
        expect(groups?.query['filter']).toMatch(/^displayName eq "[0-9a-f-]{36}"$/);
      });

      it('fails with a plain sentence when the token is wrong', async () => {
        const result = await connect({}, undefined, 'not-the-token').testConnection({
          userMatchPath: 'userName',
          groups: false,
        });
        expect(result.ok).toBe(false);
        expect(result.summary).toMatch(/refused the credentials \(HTTP 401\)/);
        expect(result.error?.code).toBe('Unauthorized');
        expect(JSON.stringify(result)).not.toContain(peer.token);
      });

      it('fails with the wrong-URL explanation on a 404', async () => {
        const wrong = peer.baseUrl.replace(/\/scim\/v2$/, '/scim/v9');
        const result = await connect({}, wrong).testConnection({ userMatchPath: 'userName', groups: false });
        expect(result.ok).toBe(false);
        expect(result.summary).toMatch(/HTTP 404.*Check the tenant URL/);
      });
    });

    it('discovers PATCH support, filtering and the User and Group attributes', async () => {
      const discovery = await connect().discover();
      expect(discovery.capabilities.patch).toBe(true);
      expect(discovery.capabilities.filter).toBe(true);
      expect(discovery.capabilities.groups).toBe(true);
      const names = discovery.schema.map((a) => `${a.objectType}:${a.name}`);
      expect(names).toEqual(
        expect.arrayContaining([
          'User:userName',
          'User:name.givenName',
          'User:emails[type eq "work"].value',
          `User:${enterprise}:department`,
          'Group:displayName',
          'Group:members',
        ]),
      );
      const userName = discovery.schema.find((a) => a.objectType === 'User' && a.name === 'userName');
      expect(userName).toMatchObject({ required: true, caseExact: false });
      const manager = discovery.schema.find((a) => a.name === `${enterprise}:manager`);
      expect(manager).toMatchObject({ type: 'Reference', referencedObject: 'User' });
      expect(peer.requests.map((r) => r.path)).toEqual([
        '/ServiceProviderConfig',
        '/ResourceTypes',
        '/Schemas',
      ]);
      expect(discovery.capabilities.maxOperations).toBe(peerUnderTest.discoveredMaxOperations);
    });

    it('after discovery, chunks membership by the discovered maxOperations', async () => {
      const target = connect();
      await target.discover();
      const m = target.capabilities().maxOperations;
      expect(m).toBe(peerUnderTest.discoveredMaxOperations);
      const users: string[] = [];
      for (let i = 0; i < 5; i++) users.push(await createUser(target, `chunk${i}`));
      const group = await target.create('Group', { displayName: unique('Chunked ') });
      peer.resetRequests();
      await target.modifyMembers(group.id, users, []);
      expect(requestsTo(peer, 'PATCH', `/Groups/${group.id}`)).toHaveLength(Math.ceil(5 / m));
      expect(peer.requests).toHaveLength(Math.ceil(5 / m));
    });

    it('creates a user with a nested name, a primary work email and the enterprise extension', async () => {
      const userName = `${unique('ann')}@contoso.com`;
      const created = await connect().create('User', userValues(userName));
      expect(created.id).toBeTruthy();
      expect(created.values[workEmail]).toBe(userName);
      expect(created.values[`${enterprise}:department`]).toBe('Sales');

      const posts = requestsTo(peer, 'POST', '/Users');
      expect(posts).toHaveLength(1);
      expect(posts[0]?.body).toEqual({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise],
        userName,
        externalId: userName.split('@')[0],
        active: true,
        displayName: 'Ann Lee',
        name: { givenName: 'Ann', familyName: 'Lee' },
        emails: [{ primary: true, type: 'work', value: userName }],
        [enterprise]: { department: 'Sales' },
      });
    });

    it('finds a user by userName eq with special characters escaped as a JSON string', async () => {
      const target = connect();
      const special = peerUnderTest.parsesEscapedQuotes ? String.raw`o"brien\x` : String.raw`o'brien\x`;
      const userName = `${special}${unique('')}@contoso.com`;
      // The email stays plain: better-auth validates it as an address.
      const { id } = await target.create('User', userValues(userName, `${unique('q')}@contoso.com`));
      await target.create('User', userValues(`${unique('other')}@contoso.com`));
      peer.resetRequests();

      const found = await target.find('User', 'userName', userName, ['userName', 'name.familyName']);
      expect(found).toEqual([{ id, displayName: 'Ann Lee', values: { userName, 'name.familyName': 'Lee' } }]);
      expect(peer.requests[0]?.query['filter']).toBe(`userName eq ${JSON.stringify(userName)}`);
      expect(await target.find('User', 'userName', `${userName}.nobody`, ['userName'])).toEqual([]);
    });

    if (!peerUnderTest.parsesEscapedQuotes) {
      it('surfaces the server refusing an escaped quote as an objectRejected invalidFilter', async () => {
        const error = await connect()
          .find('User', 'userName', 'o"brien@contoso.com', [])
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConnectorError);
        expect(error).toMatchObject({
          errorClass: 'objectRejected',
          info: { status: 400, scimType: 'invalidFilter' },
        });
      });
    }

    it('reads a user by id with the requested paths', async () => {
      const target = connect();
      const id = await createUser(target);
      const state = await target.get('User', id, [
        'name.givenName',
        workEmail,
        `${enterprise}:department`,
        'title',
      ]);
      expect(state.id).toBe(id);
      expect(state.values).toMatchObject({
        'name.givenName': 'Ann',
        [`${enterprise}:department`]: 'Sales',
        title: null,
      });
      expect(state.values[workEmail]).toMatch(/@contoso\.com$/);
    });

    it('sends exactly one PATCH carrying only the changed path', async () => {
      const target = connect();
      const id = await createUser(target);
      peer.resetRequests();
      await target.update('User', id, [{ path: 'name.familyName', oldValue: 'Lee', newValue: 'Li' }]);
      expect(peer.requests).toHaveLength(1);
      expect(peer.requests[0]).toMatchObject({ method: 'PATCH', path: `/Users/${id}` });
      expect(peer.requests[0]?.body).toEqual({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'name.familyName', value: 'Li' }],
      });
      expect((await target.get('User', id, ['name.familyName'])).values['name.familyName']).toBe('Li');
    });

    it('adds an absent attribute with add, replaces a typed element in place and clears with remove', async () => {
      const target = connect();
      const id = await createUser(target);
      // Lower case: better-auth stores email addresses lower-cased.
      const newEmail = `${unique('new')}@contoso.com`;
      peer.resetRequests();
      await target.update('User', id, [
        { path: 'title', oldValue: null, newValue: 'Engineer' },
        { path: workEmail, oldValue: 'old@contoso.com', newValue: newEmail },
      ]);
      expect(operationsOf(peer.requests[0]?.body)).toEqual([
        { op: 'add', path: 'title', value: 'Engineer' },
        { op: 'replace', path: workEmail, value: newEmail },
      ]);
      const afterAdd = await target.get('User', id, ['title', workEmail]);
      expect(afterAdd.values).toEqual({ title: 'Engineer', [workEmail]: newEmail });

      peer.resetRequests();
      await target.update('User', id, [{ path: 'title', oldValue: 'Engineer', newValue: '' }]);
      expect(peer.requests).toHaveLength(1);
      expect(operationsOf(peer.requests[0]?.body)).toEqual([{ op: 'remove', path: 'title' }]);
      expect((await target.get('User', id, ['title'])).values['title']).toBeNull();
    });

    it('disables with active=false as a JSON boolean', async () => {
      const target = connect();
      const id = await createUser(target);
      peer.resetRequests();
      await target.setActive('User', id, false);
      expect(peer.requests).toHaveLength(1);
      expect(operationsOf(peer.requests[0]?.body)).toEqual([{ op: 'replace', path: 'active', value: false }]);
      expect((await target.get('User', id, ['active'])).values['active']).toBe(false);
      await target.setActive('User', id, true);
      expect((await target.get('User', id, ['active'])).values['active']).toBe(true);
    });

    it('adds a missing typed element as a new element and removes it by its filter', async () => {
      const target = connect();
      const id = await createUser(target);
      const mobile = 'phoneNumbers[type eq "mobile"].value';
      peer.resetRequests();
      await target.update('User', id, [{ path: mobile, oldValue: null, newValue: '+1 555 0100' }]);
      expect(operationsOf(peer.requests[0]?.body)).toEqual([
        { op: 'add', path: 'phoneNumbers', value: [{ type: 'mobile', value: '+1 555 0100' }] },
      ]);
      expect((await target.get('User', id, [mobile])).values[mobile]).toBe('+1 555 0100');
      peer.resetRequests();
      await target.update('User', id, [{ path: mobile, oldValue: '+1 555 0100', newValue: '' }]);
      expect(operationsOf(peer.requests[0]?.body)).toEqual([
        { op: 'remove', path: 'phoneNumbers[type eq "mobile"]' },
      ]);
      expect((await target.get('User', id, [mobile])).values[mobile]).toBeNull();
    });

    it('writes a manager reference as the enterprise manager object', async () => {
      const target = connect();
      const managerId = await createUser(target, 'boss');
      const id = await createUser(target);
      const manager = `${enterprise}:manager`;
      peer.resetRequests();
      await target.update('User', id, [
        { path: manager, oldValue: null, newValue: managerId, reference: { objectType: 'User' } },
      ]);
      expect(operationsOf(peer.requests[0]?.body)).toEqual([
        { op: 'replace', path: manager, value: { value: managerId } },
      ]);
      expect((await target.get('User', id, [manager])).values[manager]).toBe(managerId);
    });

    it('falls back to PUT with the full resource when PATCH is switched off', async () => {
      const target = connect({ capabilityOverrides: { patch: false } });
      const id = await createUser(target);
      peer.resetRequests();
      await target.update('User', id, [{ path: 'name.familyName', oldValue: 'Lee', newValue: 'Put' }]);
      expect(peer.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `GET /Users/${id}`,
        `PUT /Users/${id}`,
      ]);
      const body = peer.requests[1]?.body as Record<string, unknown>;
      expect(body).toMatchObject({
        id,
        name: { givenName: 'Ann', familyName: 'Put' },
        [enterprise]: { department: 'Sales' },
      });
      expect(body['meta']).toBeUndefined();
      await target.setActive('User', id, false);
      const state = await target.get('User', id, ['name.familyName', 'active', `${enterprise}:department`]);
      expect(state.values).toEqual({
        'name.familyName': 'Put',
        active: false,
        [`${enterprise}:department`]: 'Sales',
      });
    });

    if (peerUnderTest.acceptsStringBooleans) {
      it('disables with the entra-legacy string "False"', async () => {
        const target = connect({ profile: 'entra-legacy' });
        const id = await createUser(target);
        peer.resetRequests();
        await target.setActive('User', id, false);
        expect(operationsOf(peer.requests[0]?.body)).toEqual([
          { op: 'Replace', path: 'active', value: 'False' },
        ]);
        expect((await target.get('User', id, ['active'])).values['active']).toBe(false);
      });
    } else {
      it('surfaces a server refusing the entra-legacy "False" string as objectRejected', async () => {
        const target = connect({ profile: 'entra-legacy' });
        const id = await createUser(target);
        const error = await target.setActive('User', id, false).catch((e: unknown) => e);
        expect(error).toMatchObject({
          errorClass: 'objectRejected',
          code: 'UnprocessableEntity',
          info: { status: 400 },
        });
        expect((error as ConnectorError).info.detail).toMatch(/active/);
      });
    }

    it('rejects a duplicate userName with EntryConflict (409)', async () => {
      const target = connect();
      const userName = `${unique('dup')}@contoso.com`;
      await target.create('User', userValues(userName));
      const error = await target.create('User', userValues(userName)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({
        errorClass: 'objectRejected',
        code: 'EntryConflict',
        info: { status: 409 },
      });
    });

    it('reports a deleted user as notFound/InvalidAnchor and deletes twice without error', async () => {
      const target = connect();
      const id = await createUser(target);
      await target.delete('User', id);
      await target.delete('User', id);
      const read = await target.get('User', id, ['userName']).catch((e: unknown) => e);
      expect(read).toMatchObject({ errorClass: 'notFound', code: 'InvalidAnchor' });
      const update = await target
        .update('User', id, [{ path: 'title', oldValue: null, newValue: 'x' }])
        .catch((e: unknown) => e);
      expect(update).toMatchObject({ errorClass: 'notFound', code: 'InvalidAnchor' });
      expect(requestsTo(peer, 'DELETE', `/Users/${id}`)).toHaveLength(2);
    });

    describe('groups', () => {
      it('creates a group without members and reads it with excludedAttributes=members', async () => {
        const target = connect();
        const displayName = unique('Sales ');
        const group = await target.create('Group', {
          displayName,
          externalId: unique('g'),
          members: ['ignored'],
        });
        const post = requestsTo(peer, 'POST', '/Groups')[0];
        expect(post?.body).toEqual({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
          displayName,
          externalId: expect.any(String) as unknown,
        });
        peer.resetRequests();
        const found = await target.find('Group', 'displayName', displayName, ['displayName']);
        expect(found).toEqual([{ id: group.id, displayName, values: { displayName } }]);
        const read = await target.get('Group', group.id, ['displayName']);
        expect(read.values['displayName']).toBe(displayName);
        expect(peer.requests.map((r) => r.query['excludedAttributes'])).toEqual(['members', 'members']);
      });

      it('fills a group in ⌈k/m⌉ PATCH requests and shares requests between adds and removes', async () => {
        const target = connect({ maxMembersPerPatch: 3 });
        expect(target.capabilities().maxOperations).toBe(3);
        const users: string[] = [];
        for (let i = 0; i < 7; i++) users.push(await createUser(target, `member${i}`));
        const group = await target.create('Group', { displayName: unique('Big ') });
        peer.resetRequests();

        await target.modifyMembers(group.id, users, []);
        const patches = requestsTo(peer, 'PATCH', `/Groups/${group.id}`);
        expect(patches).toHaveLength(Math.ceil(7 / 3));
        expect(peer.requests).toHaveLength(3);
        expect(operationsOf(patches[0]?.body)).toEqual([
          { op: 'add', path: 'members', value: users.slice(0, 3).map((value) => ({ value })) },
        ]);
        const afterAdd = await rawGet(peer, `/Groups/${group.id}`);
        expect((afterAdd['members'] as { value: string }[]).map((m) => m.value).sort()).toEqual(
          [...users].sort(),
        );

        peer.resetRequests();
        const [first, second, ...rest] = users;
        await target.modifyMembers(group.id, [], [first!, second!]);
        expect(peer.requests).toHaveLength(1);
        expect(operationsOf(peer.requests[0]?.body)).toEqual([
          { op: 'remove', path: `members[value eq "${first}"]` },
          { op: 'remove', path: `members[value eq "${second}"]` },
        ]);
        peer.resetRequests();
        await target.modifyMembers(group.id, [first!], [rest[0]!, rest[1]!, rest[2]!]);
        expect(peer.requests).toHaveLength(Math.ceil(4 / 3));
        const afterMixed = await rawGet(peer, `/Groups/${group.id}`);
        expect((afterMixed['members'] as { value: string }[]).map((m) => m.value).sort()).toEqual(
          [first!, rest[3]!, rest[4]!].sort(),
        );
      });

      it('uses the entra-legacy member shapes when that profile is chosen', async () => {
        const target = connect({ profile: 'entra-legacy', maxMembersPerPatch: 10 });
        const a = await createUser(target, 'legacyA');
        const b = await createUser(target, 'legacyB');
        const group = await target.create('Group', { displayName: unique('Legacy ') });
        peer.resetRequests();
        await target.modifyMembers(group.id, [a, b], []);
        await target.modifyMembers(group.id, [], [a]);
        expect(peer.requests).toHaveLength(2);
        expect(operationsOf(peer.requests[0]?.body)).toEqual([
          {
            op: 'Add',
            path: 'members',
            value: [
              { $ref: null, value: a },
              { $ref: null, value: b },
            ],
          },
        ]);
        expect(operationsOf(peer.requests[1]?.body)).toEqual([
          { op: 'Remove', path: 'members', value: [{ value: a }] },
        ]);
        const after = await rawGet(peer, `/Groups/${group.id}`);
        expect((after['members'] as { value: string }[]).map((m) => m.value)).toEqual([b]);
      });

      it('creates a user and a group in the entra-legacy create shapes', async () => {
        const target = connect({ profile: 'entra-legacy' });
        const user = await target.create('User', userValues(`${unique('legacy')}@contoso.com`));
        const group = await target.create('Group', { displayName: unique('Legacy create ') });
        expect(user.id).toBeTruthy();
        expect(group.id).toBeTruthy();
        const [userPost, groupPost] = [
          requestsTo(peer, 'POST', '/Users')[0],
          requestsTo(peer, 'POST', '/Groups')[0],
        ];
        expect(userPost?.body).toMatchObject({ meta: { resourceType: 'User' } });
        expect(groupPost?.body).toMatchObject({
          schemas: [
            'urn:ietf:params:scim:schemas:core:2.0:Group',
            'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group',
          ],
          meta: { resourceType: 'Group' },
        });
      });

      it('deletes a group, and a second delete is fine', async () => {
        const target = connect();
        const group = await target.create('Group', { displayName: unique('Gone ') });
        await target.delete('Group', group.id);
        await target.delete('Group', group.id);
        await expect(target.get('Group', group.id, [])).rejects.toMatchObject({ code: 'InvalidAnchor' });
      });
    });
  });
}
