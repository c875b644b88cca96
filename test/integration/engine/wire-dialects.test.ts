/**
 * Issue 12 item 3: a real cycle in each request dialect against a real SCIM server (scimmy, with the
 * Entra adapter layer an app built for Entra would have), recording every request at the server and
 * comparing it with the E-list (docs/scim-dialects.md, from ../shared/reference/entra-wire-behaviour.md)
 * item by item. The expectations are written out per dialect here rather than read from dialects.ts,
 * so a wrong row in that table fails this test.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScimDialect } from '@shared/domain/scim-dialect';
import { defaultGroupMappings, defaultUserMappings } from '@shared/domain/scim-template';
import { entraDialectAdapter } from '../../peers/entra-dialect-adapter';
import type { RecordedRequest } from '../../peers/scim-request-log';
import { startScimmyServer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit } from './engine-kit';

const coreUser = 'urn:ietf:params:scim:schemas:core:2.0:User';
const coreGroup = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const adscim = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';
const patchOp = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

interface Person {
  id: string;
  given: string;
  surname: string;
  email: string;
  department: string;
  title: string;
  manager?: string;
  groups: string;
  phone?: string;
}

const header =
  'employeeId,givenName,surname,displayName,email,department,jobTitle,manager,status,groups,phone';

function writePeople(path: string, people: readonly Person[]): void {
  const rows = people.map((p) =>
    [
      p.id,
      p.given,
      p.surname,
      `${p.given} ${p.surname}`,
      p.email,
      p.department,
      p.title,
      p.manager ?? '',
      '',
      p.groups,
      p.phone ?? '',
    ].join(','),
  );
  writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
}

const ann: Person = {
  id: 'E0001',
  given: 'Ann',
  surname: 'Lee',
  email: 'ann@example.com',
  department: 'Sales',
  title: 'Manager',
  groups: 'Sales',
};
const bob: Person = {
  id: 'E0002',
  given: 'Bob',
  surname: 'Kim',
  email: 'bob@example.com',
  department: 'Sales',
  title: 'Rep',
  manager: 'E0001',
  groups: 'Sales',
};
const cy: Person = {
  id: 'E0003',
  given: 'Cy',
  surname: 'Park',
  email: 'cy@example.com',
  department: 'Ops',
  title: '',
  groups: 'Ops',
};
/** Exists in the app before Roster's first cycle (E13: matched, linked, then updated). */
const dee: Person = {
  id: 'E0004',
  given: 'Dee',
  surname: 'Fox',
  email: 'dee@example.com',
  department: 'Ops',
  title: 'Analyst',
  groups: 'Ops',
};

/** What each dialect must send, written out from the E-list. */
interface Expected {
  op: (kind: 'add' | 'replace' | 'remove') => string;
  createMeta: boolean;
  groupSchemas: string[];
  manager: (managerId: string, usersUrl: string, wasSet: boolean) => unknown;
  memberAdd: (ids: string[]) => unknown;
  memberRemove: (id: string) => unknown[];
  disable: unknown;
  /** E17: the update of several plain attributes and one filtered path. */
  multiReplace: (values: Record<string, string>, email: string) => unknown[];
  /** E18, E19: a single-valued add, and a typed element that does not exist yet. */
  addMissing: (title: string, phone: string) => unknown[];
}

const lower = (kind: string) => kind;
const capitalised = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1);
const workEmail = 'emails[type eq "work"].value';

const scim2Expected: Expected = {
  op: lower,
  createMeta: false,
  groupSchemas: [coreGroup],
  manager: (id) => ({ op: 'replace', path: `${enterprise}:manager`, value: { value: id } }),
  memberAdd: (ids) => ({ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }),
  memberRemove: (id) => [{ op: 'remove', path: `members[value eq "${id}"]` }],
  disable: { op: 'replace', path: 'active', value: false },
  multiReplace: (values, email) => [
    ...Object.entries(values).map(([path, value]) => ({ op: 'replace', path, value })),
    { op: 'replace', path: workEmail, value: email },
  ],
  addMissing: (title, phone) => [
    { op: 'add', path: 'title', value: title },
    { op: 'add', path: 'phoneNumbers', value: [{ type: 'work', value: phone }] },
  ],
};

const expectations: Record<ScimDialect, Expected> = {
  scim2: scim2Expected,
  // Salesforce's dialect is scim2 but for the member add.
  salesforce: {
    ...scim2Expected,
    memberAdd: (ids) => ({ op: 'add', value: { members: ids.map((value) => ({ value })) } }),
  },
  'entra-2020': {
    op: lower,
    createMeta: true,
    groupSchemas: [coreGroup, adscim],
    manager: (id, _url, wasSet) => ({
      op: wasSet ? 'replace' : 'add',
      path: `${enterprise}:manager`,
      value: id,
    }),
    memberAdd: (ids) => ({ op: 'add', path: 'members', value: ids.map((value) => ({ $ref: null, value })) }),
    memberRemove: (id) => [{ op: 'remove', path: `members[value eq "${id}"]` }],
    disable: { op: 'replace', path: 'active', value: false },
    multiReplace: (values, email) => [
      { op: 'replace', path: workEmail, value: email },
      { op: 'replace', value: values },
    ],
    addMissing: (title, phone) => [
      { op: 'add', path: 'title', value: title },
      { op: 'add', path: 'phoneNumbers[type eq "work"].value', value: phone },
    ],
  },
  'entra-legacy': {
    op: capitalised,
    createMeta: true,
    groupSchemas: [coreGroup, adscim],
    manager: (id, usersUrl) => ({
      op: 'Add',
      path: 'manager',
      value: [{ $ref: `${usersUrl}/${id}`, value: id }],
    }),
    memberAdd: (ids) => ({ op: 'Add', path: 'members', value: ids.map((value) => ({ $ref: null, value })) }),
    memberRemove: (id) => [{ op: 'Remove', path: 'members', value: [{ value: id }] }],
    disable: { op: 'Replace', path: 'active', value: 'False' },
    multiReplace: (values, email) => [
      ...Object.entries(values).map(([path, value]) => ({ op: 'Replace', path, value })),
      { op: 'Replace', path: workEmail, value: email },
    ],
    addMissing: (title, phone) => [
      { op: 'Add', path: 'title', value: title },
      { op: 'Add', path: 'phoneNumbers[type eq "work"].value', value: phone },
    ],
  },
};

/** Operations in a stable order, so a test does not depend on the order of the mappings. */
function sorted(operations: unknown): unknown[] {
  return [...(operations as unknown[])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** A member add's value in a stable order: a list of members, or Salesforce's `{ members: [...] }`. */
function sortedMembers(value: unknown): unknown {
  if (Array.isArray(value)) return sorted(value);
  const members = (value as { members?: unknown } | undefined)?.members;
  return members === undefined ? value : { ...(value as object), members: sorted(members) };
}

function operationsOf(request: RecordedRequest | undefined): unknown[] {
  const body = request?.body as { schemas?: unknown; Operations?: unknown[] } | undefined;
  expect(body?.schemas, `PATCH ${request?.path} carries the PatchOp schema`).toEqual([patchOp]);
  return body?.Operations ?? [];
}

function only<T>(list: readonly T[], what: string): T {
  expect(list, what).toHaveLength(1);
  return list[0]!;
}

describe.each(['scim2', 'entra-2020', 'entra-legacy', 'salesforce'] as const)(
  'the %s dialect, request by request',
  (dialect) => {
    const want = expectations[dialect];
    let kit: EngineKit;
    beforeAll(() => usePrivateKeyring());
    afterEach(async () => {
      await kit?.stop();
    });

    it('sends what the E-list says for create, update, manager, members, disable and delete', async () => {
      kit = new EngineKit(await startScimmyServer({ layers: [entraDialectAdapter] }));
      const { peer } = kit;
      const existing = await fetch(`${peer.baseUrl}/Users`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${peer.token}`, 'Content-Type': 'application/scim+json' },
        body: JSON.stringify({
          schemas: [coreUser],
          userName: dee.email,
          displayName: 'Old Name',
          emails: [{ value: dee.email, type: 'work', primary: true }],
        }),
      });
      const deeId = ((await existing.json()) as { id: string }).id;

      await kit.start([], {
        settings: { scope: 'all', scimProfile: dialect, maxConcurrency: 1 },
        objectMappings: [
          {
            name: 'Users',
            sourceObject: 'User',
            targetObject: 'User',
            attributeMappings: defaultUserMappings({
              userName: 'email',
              externalId: 'employeeId',
              displayName: 'displayName',
              givenName: 'givenName',
              surname: 'surname',
              jobTitle: 'jobTitle',
              mail: 'email',
              department: 'department',
              manager: 'manager',
              telephoneNumber: 'phone',
            }),
          },
          {
            name: 'Groups',
            sourceObject: 'Group',
            targetObject: 'Group',
            attributeMappings: defaultGroupMappings(),
          },
        ],
      });
      writePeople(kit.csvPath, [ann, bob, cy, dee]);
      peer.resetRequests();

      // ── Cycle 1: everything is new except Dee ────────────────────────────────────────────────
      const first = await kit.sync();
      expect(first.counters.failed, 'the first cycle has no failures').toBe(0);
      const one = [...peer.requests];
      const annId = kit.targetIdOf('E0001');
      const bobId = kit.targetIdOf('E0002');
      const cyId = kit.targetIdOf('E0003');
      const salesId = kit.targetIdOf('Sales', 'Group');
      const opsId = kit.targetIdOf('Ops', 'Group');

      // E5: the connection check asks for a random userName (and displayName) and expects an empty list.
      expect(one[0]?.method, 'E5: the cycle starts with the connection check').toBe('GET');
      expect(one[0]?.path, 'E5').toBe('/Users');
      expect(one[0]?.query['filter'], 'E5: a random userName').toMatch(/^userName eq "[0-9a-f-]{36}"$/);
      const groupCheck = one.find(
        (r) => r.path === '/Groups' && /displayName eq "[0-9a-f-]{36}"/.test(r.query['filter'] ?? ''),
      );
      expect(groupCheck?.query['excludedAttributes'], 'E5/E9: the group check excludes members').toBe(
        'members',
      );

      // E6: before each create, one lookup by the matching attribute with `eq`.
      for (const person of [ann, bob, cy]) {
        const lookup = one.findIndex(
          (r) => r.method === 'GET' && r.query['filter'] === `userName eq "${person.email}"`,
        );
        const create = one.findIndex(
          (r) => r.method === 'POST' && (r.body as { userName?: string }).userName === person.email,
        );
        expect(lookup, `E6: ${person.email} is looked up`).toBeGreaterThanOrEqual(0);
        expect(create, `E6: ${person.email} is created after its lookup`).toBeGreaterThan(lookup);
      }

      // E12: the create body, null source values left out, no manager yet (E14), meta per dialect.
      const annPost = only(
        one.filter((r) => r.method === 'POST' && (r.body as { userName?: string }).userName === ann.email),
        'E12: one POST /Users for Ann',
      );
      expect(annPost.path, 'E12').toBe('/Users');
      expect(annPost.body, 'E12: POST /Users body').toEqual({
        schemas: [coreUser, enterprise],
        externalId: 'E0001',
        userName: ann.email,
        active: true,
        displayName: 'Ann Lee',
        name: { givenName: 'Ann', familyName: 'Lee' },
        title: 'Manager',
        emails: [{ primary: true, type: 'work', value: ann.email }],
        [enterprise]: { department: 'Sales' },
        ...(want.createMeta ? { meta: { resourceType: 'User' } } : {}),
      });
      const cyPost = one.find(
        (r) => r.method === 'POST' && (r.body as { userName?: string }).userName === cy.email,
      );
      expect(cyPost?.body, 'E12: null source values are omitted').not.toHaveProperty('title');
      expect(cyPost?.body, 'E12: null source values are omitted').not.toHaveProperty('phoneNumbers');
      const bobPost = one.find(
        (r) => r.method === 'POST' && (r.body as { userName?: string }).userName === bob.email,
      );
      expect(
        (bobPost?.body as Record<string, Record<string, unknown>>)[enterprise],
        'E14: no manager at create',
      ).not.toHaveProperty('manager');

      // E13: Dee matched instead of created, then updated by PATCH.
      expect(kit.targetIdOf('E0004'), 'E13: Dee is linked to the existing account').toBe(deeId);
      expect(
        one.some((r) => r.method === 'POST' && (r.body as { userName?: string }).userName === dee.email),
        'E13: no POST for Dee',
      ).toBe(false);
      expect(
        one.some((r) => r.method === 'PATCH' && r.path === `/Users/${deeId}`),
        'E13: Dee is updated by PATCH',
      ).toBe(true);

      // E14: the manager is written after both users exist, in the dialect's shape.
      const managerPatch = only(
        one.filter((r) => r.method === 'PATCH' && r.path === `/Users/${bobId}`),
        'E14: one PATCH for Bob',
      );
      expect(one.indexOf(managerPatch), 'E14: after Ann was created').toBeGreaterThan(one.indexOf(annPost));
      expect(operationsOf(managerPatch), 'E14: manager operation').toEqual([
        want.manager(annId, `${peer.baseUrl}/Users`, false),
      ]);

      // E9, E15: groups looked up by displayName without members, created empty, members added by PATCH.
      for (const [name, id] of [
        ['Sales', salesId],
        ['Ops', opsId],
      ] as const) {
        const lookup = one.findIndex(
          (r) => r.path === '/Groups' && r.query['filter'] === `displayName eq "${name}"`,
        );
        expect(one[lookup]?.query['excludedAttributes'], `E9: ${name} looked up without members`).toBe(
          'members',
        );
        const post = one.findIndex(
          (r) =>
            r.method === 'POST' &&
            r.path === '/Groups' &&
            (r.body as { displayName?: string }).displayName === name,
        );
        expect(post, `E9: ${name} created after its lookup`).toBeGreaterThan(lookup);
        const body = one[post]?.body as Record<string, unknown>;
        expect(body['schemas'], `E15: ${name} create schemas`).toEqual(want.groupSchemas);
        expect(body, `E15: ${name} created with empty members`).not.toHaveProperty('members');
        expect(body['meta'], `E15: ${name} meta`).toEqual(
          want.createMeta ? { resourceType: 'Group' } : undefined,
        );
        expect(typeof body['externalId'], `E15: ${name} externalId`).toBe('string');
        const adds = one.filter((r) => r.method === 'PATCH' && r.path === `/Groups/${id}`);
        expect(one.indexOf(adds[0]!), `E15: ${name} members after the create`).toBeGreaterThan(post);
        const members = name === 'Sales' ? [annId, bobId] : [cyId, deeId];
        const [operation] = operationsOf(only(adds, `E21: one member PATCH for ${name}`)) as Record<
          string,
          unknown
        >[];
        expect(
          { ...operation, value: sortedMembers(operation?.['value']) },
          `E21: ${name} member add`,
        ).toEqual(want.memberAdd(members.sort()));
      }

      // ── Cycle 2: several attributes change (E17), a single value and a typed element appear (E18, E19)
      const bob2: Person = { ...bob, surname: 'Kang', title: 'Lead', email: 'bob.kang@example.com' };
      const cy2: Person = { ...cy, title: 'Analyst', phone: '+1 555 0100' };
      writePeople(kit.csvPath, [ann, bob2, cy2, dee]);
      peer.resetRequests();
      expect((await kit.sync()).counters.failed, 'the second cycle has no failures').toBe(0);
      const two = [...peer.requests];
      const bobUpdate = only(
        two.filter((r) => r.method === 'PATCH' && r.path === `/Users/${bobId}`),
        'E17: one PATCH for Bob',
      );
      expect(sorted(operationsOf(bobUpdate)), 'E17: several attributes in one PATCH').toEqual(
        sorted(
          want.multiReplace(
            { userName: bob2.email, displayName: 'Bob Kang', 'name.familyName': 'Kang', title: 'Lead' },
            bob2.email,
          ),
        ),
      );
      const cyUpdate = only(
        two.filter((r) => r.method === 'PATCH' && r.path === `/Users/${cyId}`),
        'E18: one PATCH for Cy',
      );
      expect(
        sorted(operationsOf(cyUpdate)),
        'E18/E19: a single-valued add and a missing typed element',
      ).toEqual(sorted(want.addMissing('Analyst', '+1 555 0100')));
      expect(
        two.some((r) => r.method === 'POST'),
        'E13: no create in an update cycle',
      ).toBe(false);

      // ── Cycle 3: Bob moves from Sales to Ops (E21, E22), Cy leaves the source (E23, E24)
      writePeople(kit.csvPath, [ann, { ...bob2, groups: 'Ops' }, dee]);
      peer.resetRequests();
      expect((await kit.sync()).counters.failed, 'the third cycle has no failures').toBe(0);
      const three = [...peer.requests];
      const salesPatch = only(
        three.filter((r) => r.method === 'PATCH' && r.path === `/Groups/${salesId}`),
        'E22: one PATCH for Sales',
      );
      expect(operationsOf(salesPatch), 'E22: member removal').toEqual(want.memberRemove(bobId));
      const opsPatches = three.filter((r) => r.method === 'PATCH' && r.path === `/Groups/${opsId}`);
      const opsOperations = opsPatches.flatMap((r) => operationsOf(r));
      expect(opsOperations, 'E21: Bob added to Ops').toContainEqual(want.memberAdd([bobId]));
      const disable = only(
        three.filter((r) => r.method === 'PATCH' && r.path === `/Users/${cyId}`),
        'E23: one PATCH for Cy',
      );
      expect(operationsOf(disable), 'E23: disable').toEqual([want.disable]);
      expect(
        three.some((r) => r.method === 'DELETE'),
        'E24: a leaver is disabled, not deleted',
      ).toBe(false);

      // ── Cycle 4: with "delete" as the job's action for leavers, a leaver is deleted (E25)
      kit.updateSettings({ onSourceDelete: 'delete' });
      writePeople(kit.csvPath, [ann, { ...bob2, groups: 'Ops' }]);
      peer.resetRequests();
      expect((await kit.sync()).counters.failed, 'the fourth cycle has no failures').toBe(0);
      const deletes = peer.requests.filter((r) => r.method === 'DELETE');
      expect(
        deletes.map((r) => r.path),
        'E25: DELETE /Users/{id} for the leaver',
      ).toContain(`/Users/${deeId}`);
      expect(
        peer.requests.some((r) => r.method === 'PATCH' && r.path === `/Users/${deeId}`),
        'E25: deleted without a disable first',
      ).toBe(false);
    });
  },
);
