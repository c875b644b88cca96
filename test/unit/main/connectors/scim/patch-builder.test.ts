import { describe, expect, it } from 'vitest';
import type { AttributeChange } from '../../../../../src-main/connectors/connector';
import {
  activeOperation,
  buildAttributeOperations,
  buildMemberPatchBodies,
  patchBody,
  type PatchContext,
} from '../../../../../src-main/connectors/scim/patch-builder';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const scim2: PatchContext = { profile: 'scim2', usersUrl: 'https://app.example.com/scim/Users' };
const legacy: PatchContext = { profile: 'entra-legacy', usersUrl: 'https://app.example.com/scim/Users' };

function ops(changes: AttributeChange[], context = scim2) {
  return buildAttributeOperations(changes, context);
}

describe('PATCH operations, scim2 profile (§17.4)', () => {
  it('adds an attribute the target does not have', () => {
    expect(ops([{ path: 'nickName', oldValue: null, newValue: 'Babs' }])).toEqual([
      { op: 'add', path: 'nickName', value: 'Babs' },
    ]);
  });

  it('replaces an attribute the target has', () => {
    expect(ops([{ path: 'name.familyName', oldValue: 'Li', newValue: 'Lee' }])).toEqual([
      { op: 'replace', path: 'name.familyName', value: 'Lee' },
    ]);
  });

  it('replaces an existing typed element in place', () => {
    expect(
      ops([
        { path: 'emails[type eq "work"].value', oldValue: 'old@contoso.com', newValue: 'new@contoso.com' },
      ]),
    ).toEqual([{ op: 'replace', path: 'emails[type eq "work"].value', value: 'new@contoso.com' }]);
  });

  it('adds a missing typed element as a new element', () => {
    expect(
      ops([{ path: 'emails[type eq "work"].value', oldValue: null, newValue: 'new@contoso.com' }]),
    ).toEqual([
      { op: 'add', path: 'emails', value: [{ primary: true, type: 'work', value: 'new@contoso.com' }] },
    ]);
    expect(ops([{ path: 'phoneNumbers[type eq "mobile"].value', oldValue: null, newValue: '+1' }])).toEqual([
      { op: 'add', path: 'phoneNumbers', value: [{ type: 'mobile', value: '+1' }] },
    ]);
  });

  it('merges sub-attributes of one missing element into one add', () => {
    expect(
      ops([
        { path: 'addresses[type eq "work"].streetAddress', oldValue: null, newValue: '1 Main' },
        { path: 'addresses[type eq "work"].postalCode', oldValue: null, newValue: '98052' },
      ]),
    ).toEqual([
      {
        op: 'add',
        path: 'addresses',
        value: [{ type: 'work', streetAddress: '1 Main', postalCode: '98052' }],
      },
    ]);
  });

  it('clears with remove, and a typed value by removing its element', () => {
    expect(
      ops([
        { path: 'title', oldValue: 'Engineer', newValue: '' },
        { path: 'emails[type eq "work"].value', oldValue: 'a@x', newValue: '' },
        { path: 'addresses[type eq "work"].postalCode', oldValue: '1', newValue: '' },
      ]),
    ).toEqual([
      { op: 'remove', path: 'title' },
      { op: 'remove', path: 'emails[type eq "work"]' },
      { op: 'remove', path: 'addresses[type eq "work"].postalCode' },
    ]);
  });

  it('sends nothing for a clear of an absent value', () => {
    expect(ops([{ path: 'title', oldValue: null, newValue: '' }])).toEqual([]);
  });

  it('disables and enables with JSON booleans', () => {
    expect(activeOperation(false, 'scim2')).toEqual({ op: 'replace', path: 'active', value: false });
    expect(ops([{ path: 'active', oldValue: false, newValue: true }])).toEqual([
      { op: 'replace', path: 'active', value: true },
    ]);
  });

  it('writes a manager as the enterprise URN path with an object value', () => {
    expect(
      ops([
        { path: `${enterprise}:manager`, oldValue: null, newValue: 'm-1', reference: { objectType: 'User' } },
      ]),
    ).toEqual([{ op: 'replace', path: `${enterprise}:manager`, value: { value: 'm-1' } }]);
  });

  it('adds only the missing values of a MultiValueAddOnly list', () => {
    expect(
      ops([
        { path: 'emails[type eq "other"].value', oldValue: ['a@x'], newValue: ['A@x', 'b@x'], addOnly: true },
      ]),
    ).toEqual([{ op: 'add', path: 'emails', value: [{ type: 'other', value: 'b@x' }] }]);
    expect(
      ops([{ path: 'emails[type eq "other"].value', oldValue: ['a@x'], newValue: ['a@x'], addOnly: true }]),
    ).toEqual([]);
  });

  it('replaces a typed list by removing the old elements, then adding the new', () => {
    expect(
      ops([{ path: 'emails[type eq "other"].value', oldValue: ['a@x'], newValue: ['b@x', 'c@x'] }]),
    ).toEqual([
      { op: 'remove', path: 'emails[type eq "other"]' },
      {
        op: 'add',
        path: 'emails',
        value: [
          { type: 'other', value: 'b@x' },
          { type: 'other', value: 'c@x' },
        ],
      },
    ]);
  });

  it('sends roles as role objects', () => {
    expect(ops([{ path: 'roles', oldValue: null, newValue: ['Admin'], addOnly: true }])).toEqual([
      {
        op: 'add',
        path: 'roles',
        value: [
          { primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'Admin', value: 'Admin' },
        ],
      },
    ]);
  });

  it('wraps the body in the PatchOp message', () => {
    expect(patchBody([{ op: 'remove', path: 'title' }])).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'remove', path: 'title' }],
    });
  });
});

describe('PATCH operations, entra-legacy profile (§17.4)', () => {
  it('capitalises ops', () => {
    expect(
      ops(
        [
          { path: 'nickName', oldValue: null, newValue: 'Babs' },
          { path: 'title', oldValue: 'a', newValue: 'b' },
          { path: 'displayName', oldValue: 'x', newValue: '' },
        ],
        legacy,
      ),
    ).toEqual([
      { op: 'Add', path: 'nickName', value: 'Babs' },
      { op: 'Replace', path: 'title', value: 'b' },
      { op: 'Remove', path: 'displayName' },
    ]);
  });

  it('disables with the string "False"', () => {
    expect(activeOperation(false, 'entra-legacy')).toEqual({ op: 'Replace', path: 'active', value: 'False' });
    expect(ops([{ path: 'active', oldValue: false, newValue: true }], legacy)).toEqual([
      { op: 'Replace', path: 'active', value: 'True' },
    ]);
  });

  it('writes a manager as Entra does', () => {
    expect(
      ops(
        [
          {
            path: `${enterprise}:manager`,
            oldValue: 'm-0',
            newValue: 'm-1',
            reference: { objectType: 'User' },
          },
        ],
        legacy,
      ),
    ).toEqual([
      {
        op: 'Add',
        path: 'manager',
        value: [{ $ref: 'https://app.example.com/scim/Users/m-1', value: 'm-1' }],
      },
    ]);
  });

  it('packs role values into JSON-encoded strings', () => {
    expect(ops([{ path: 'roles', oldValue: ['A'], newValue: ['B'] }], legacy)).toEqual([
      {
        op: 'Replace',
        path: 'roles',
        value: [{ value: JSON.stringify({ id: 'B', value: 'B', displayName: 'B' }) }],
      },
    ]);
  });
});

describe('membership PATCH bodies', () => {
  const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('takes ⌈k / maxOperations⌉ requests, adds and removes sharing them', () => {
    for (const [adds, removes, size] of [
      [0, 0, 3],
      [1, 0, 3],
      [7, 0, 3],
      [3, 4, 3],
      [100, 1, 100],
      [250, 250, 100],
    ] as const) {
      expect(buildMemberPatchBodies(ids(adds, 'a'), ids(removes, 'r'), size, 'scim2')).toHaveLength(
        Math.ceil((adds + removes) / size),
      );
    }
  });

  it('scim2: one add with member values, one filtered remove per member', () => {
    expect(buildMemberPatchBodies(['u1', 'u2'], ['u"3'], 10, 'scim2')).toEqual([
      {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [
          { op: 'add', path: 'members', value: [{ value: 'u1' }, { value: 'u2' }] },
          { op: 'remove', path: 'members[value eq "u\\"3"]' },
        ],
      },
    ]);
  });

  it('entra-legacy: $ref:null on adds, and one Remove with a value list', () => {
    expect(buildMemberPatchBodies(['u1'], ['u2', 'u3'], 10, 'entra-legacy')[0]?.['Operations']).toEqual([
      { op: 'Add', path: 'members', value: [{ $ref: null, value: 'u1' }] },
      { op: 'Remove', path: 'members', value: [{ value: 'u2' }, { value: 'u3' }] },
    ]);
  });

  it('puts at most maxOperations member values in each request', () => {
    const bodies = buildMemberPatchBodies(ids(4, 'a'), ids(3, 'r'), 3, 'scim2');
    const counts = bodies.map((body) =>
      (body['Operations'] as { value?: unknown[] }[]).reduce(
        (n, op) => n + (op.value ? op.value.length : 1),
        0,
      ),
    );
    expect(counts).toEqual([3, 3, 1]);
  });
});
