import { describe, expect, it } from 'vitest';
import { scimDialects } from '@shared/domain/scim-dialect';
import { buildCreateBody } from '../../../../../src-main/connectors/scim/bodies';
import { dialectRules } from '../../../../../src-main/connectors/scim/dialects';
import {
  activeOperation,
  buildAttributeOperations,
  buildMemberPatches,
  type PatchContext,
} from '../../../../../src-main/connectors/scim/patch-builder';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const usersUrl = 'https://app.example.com/scim/Users';
const flagged: PatchContext = { profile: 'entra-2020', usersUrl };
const legacy: PatchContext = { profile: 'entra-legacy', usersUrl };

describe('the dialect table', () => {
  it('has a row for every dialect a job or connection can name', () => {
    expect(Object.keys(dialectRules).sort()).toEqual([...scimDialects].sort());
  });
});

describe('entra-2020 (aadOptscim062020)', () => {
  it('E17: folds several plain replaces into one path-less replace; filtered paths stay apart', () => {
    expect(
      buildAttributeOperations(
        [
          { path: 'displayName', oldValue: 'A', newValue: 'Bjfe' },
          { path: 'emails[type eq "work"].value', oldValue: 'a@x.com', newValue: 'b@x.com' },
          { path: 'name.givenName', oldValue: 'A', newValue: 'Kkom' },
          { path: `${enterprise}:employeeNumber`, oldValue: '1', newValue: 'Aklq' },
        ],
        flagged,
      ),
    ).toEqual([
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'b@x.com' },
      {
        op: 'replace',
        value: { displayName: 'Bjfe', 'name.givenName': 'Kkom', [`${enterprise}:employeeNumber`]: 'Aklq' },
      },
    ]);
  });

  it('E17: a single replace keeps its path (the flag changes "replace multiple attributes")', () => {
    expect(buildAttributeOperations([{ path: 'title', oldValue: 'a', newValue: 'b' }], flagged)).toEqual([
      { op: 'replace', path: 'title', value: 'b' },
    ]);
  });

  it('E18: a single-valued add stays an add with its path, lower case', () => {
    expect(
      buildAttributeOperations(
        [
          { path: 'nickName', oldValue: null, newValue: 'Babs' },
          { path: 'title', oldValue: 'a', newValue: 'b' },
          { path: 'displayName', oldValue: 'x', newValue: 'y' },
        ],
        flagged,
      ),
    ).toEqual([
      { op: 'add', path: 'nickName', value: 'Babs' },
      { op: 'replace', value: { title: 'b', displayName: 'y' } },
    ]);
  });

  it('E19: a missing typed element is written through its filtered path', () => {
    expect(
      buildAttributeOperations(
        [
          { path: 'addresses[type eq "work"].locality', oldValue: null, newValue: 'Seoul' },
          { path: 'addresses[type eq "work"].postalCode', oldValue: null, newValue: '04524' },
        ],
        flagged,
      ),
    ).toEqual([
      { op: 'add', path: 'addresses[type eq "work"].locality', value: 'Seoul' },
      { op: 'add', path: 'addresses[type eq "work"].postalCode', value: '04524' },
    ]);
  });

  it('E14: the manager as its plain id under the enterprise URN path', () => {
    const manager = `${enterprise}:manager`;
    const reference = { objectType: 'User' as const };
    expect(
      buildAttributeOperations([{ path: manager, oldValue: null, newValue: 'm-1', reference }], flagged),
    ).toEqual([{ op: 'add', path: manager, value: 'm-1' }]);
    expect(
      buildAttributeOperations([{ path: manager, oldValue: 'm-1', newValue: 'm-2', reference }], flagged),
    ).toEqual([{ op: 'replace', path: manager, value: 'm-2' }]);
  });

  it('E23: disables with a JSON boolean and a lower-case op; active is never folded', () => {
    expect(activeOperation(false, 'entra-2020')).toEqual({ op: 'replace', path: 'active', value: false });
    expect(
      buildAttributeOperations(
        [
          { path: 'active', oldValue: false, newValue: true },
          { path: 'title', oldValue: 'a', newValue: 'b' },
          { path: 'displayName', oldValue: 'x', newValue: 'y' },
        ],
        flagged,
      ),
    ).toEqual([
      { op: 'replace', path: 'active', value: true },
      { op: 'replace', value: { title: 'b', displayName: 'y' } },
    ]);
  });

  it('E21, E22: members added with "$ref": null, removed by filtered path', () => {
    expect(buildMemberPatches(['u1'], ['u2', 'u3'], 10, 'entra-2020')).toEqual([
      [
        { op: 'add', path: 'members', value: [{ $ref: null, value: 'u1' }] },
        { op: 'remove', path: 'members[value eq "u2"]' },
        { op: 'remove', path: 'members[value eq "u3"]' },
      ],
    ]);
  });

  it('E12, E15: create bodies as Entra sends them (meta, enterprise schema, ADSCIM group URI)', () => {
    expect(buildCreateBody('User', { userName: 'ann', active: true }, 'entra-2020')).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise],
      userName: 'ann',
      active: true,
      meta: { resourceType: 'User' },
    });
    expect(buildCreateBody('Group', { displayName: 'Sales' }, 'entra-2020')['schemas']).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:Group',
      'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group',
    ]);
  });
});

describe('entra-legacy (Entra default)', () => {
  it('E17: never folds; one capitalised operation per attribute', () => {
    expect(
      buildAttributeOperations(
        [
          { path: 'displayName', oldValue: 'A', newValue: 'Pvlo' },
          { path: 'name.familyName', oldValue: 'B', newValue: 'Pkqf' },
        ],
        legacy,
      ),
    ).toEqual([
      { op: 'Replace', path: 'displayName', value: 'Pvlo' },
      { op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
    ]);
  });

  it('E19: a missing typed element is written through its filtered path, capitalised', () => {
    expect(
      buildAttributeOperations(
        [{ path: 'phoneNumbers[type eq "work"].value', oldValue: null, newValue: '+1 555 0100' }],
        legacy,
      ),
    ).toEqual([{ op: 'Add', path: 'phoneNumbers[type eq "work"].value', value: '+1 555 0100' }]);
  });

  it('E12: lists the enterprise schema on every user, as the tutorial sample does', () => {
    expect(buildCreateBody('User', { userName: 'ann' }, 'entra-legacy')['schemas']).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      enterprise,
    ]);
    expect(buildCreateBody('User', { userName: 'ann' }, 'scim2')['schemas']).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:User',
    ]);
  });
});
