import { describe, expect, it } from 'vitest';
import { buildCreateBody, buildReplacementBody } from '../../../../../src-main/connectors/scim/bodies';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const custom = 'urn:ietf:params:scim:schemas:extension:Contoso:2.0:User';

describe('buildCreateBody', () => {
  it('builds the documented create-user body (§17.3)', () => {
    const body = buildCreateBody(
      'User',
      {
        externalId: 'ann',
        userName: 'ann@contoso.com',
        active: true,
        displayName: 'Ann Lee',
        'name.givenName': 'Ann',
        'name.familyName': 'Lee',
        'emails[type eq "work"].value': 'ann@contoso.com',
        [`${enterprise}:department`]: 'Sales',
      },
      'scim2',
    );
    expect(body).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise],
      externalId: 'ann',
      userName: 'ann@contoso.com',
      active: true,
      displayName: 'Ann Lee',
      name: { givenName: 'Ann', familyName: 'Lee' },
      emails: [{ primary: true, type: 'work', value: 'ann@contoso.com' }],
      [enterprise]: { department: 'Sales' },
    });
  });

  it('never sends null, "" or empty lists', () => {
    expect(
      buildCreateBody(
        'User',
        { userName: 'a', title: null, nickName: '', 'emails[type eq "other"].value': [] },
        'scim2',
      ),
    ).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'a',
    });
  });

  it('adds every extension URN used to schemas in scim2', () => {
    const body = buildCreateBody(
      'User',
      { userName: 'a', [`${custom}:badge`]: '7', [`${enterprise}:manager`]: 'm-1' },
      'scim2',
    );
    expect(body['schemas']).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User', custom, enterprise]);
    expect(body[enterprise]).toEqual({ manager: { value: 'm-1' } });
  });

  it('builds a group without members (§17.3)', () => {
    expect(
      buildCreateBody('Group', { displayName: 'Sales', externalId: 'g-1', members: ['u1', 'u2'] }, 'scim2'),
    ).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Sales',
      externalId: 'g-1',
    });
  });

  it('entra-legacy: meta.resourceType, the ADSCIM group URI, and no custom extension URNs (§17.4)', () => {
    expect(buildCreateBody('Group', { displayName: 'Sales' }, 'entra-legacy')).toEqual({
      schemas: [
        'urn:ietf:params:scim:schemas:core:2.0:Group',
        'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group',
      ],
      displayName: 'Sales',
      meta: { resourceType: 'Group' },
    });
    const user = buildCreateBody(
      'User',
      { userName: 'a', [`${custom}:badge`]: '7', [`${enterprise}:department`]: 'S' },
      'entra-legacy',
    );
    expect(user['schemas']).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User', enterprise]);
    expect(user[custom]).toEqual({ badge: '7' });
    expect(user['meta']).toEqual({ resourceType: 'User' });
  });
});

describe('buildReplacementBody (PUT)', () => {
  it('applies changes to the full resource and drops meta', () => {
    const current = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      id: 'u1',
      userName: 'ann',
      title: 'Engineer',
      name: { givenName: 'Ann', familyName: 'Lee' },
      meta: { resourceType: 'User', created: '2024-01-01T00:00:00Z' },
    };
    const body = buildReplacementBody('User', current, [
      { path: 'name.familyName', oldValue: 'Lee', newValue: 'Li' },
      { path: 'title', oldValue: 'Engineer', newValue: '' },
      { path: `${enterprise}:department`, oldValue: null, newValue: 'Ops' },
      { path: 'active', oldValue: true, newValue: false },
    ]);
    expect(body).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise],
      id: 'u1',
      userName: 'ann',
      name: { givenName: 'Ann', familyName: 'Li' },
      [enterprise]: { department: 'Ops' },
      active: false,
    });
    expect(current.meta).toBeDefined();
  });

  it('merges add-only lists with what the target has', () => {
    const body = buildReplacementBody('Group', { id: 'g', displayName: 'G', members: [{ value: 'a' }] }, [
      { path: 'members', oldValue: ['a'], newValue: ['b'], addOnly: true },
    ]);
    expect(body['members']).toEqual([{ value: 'a' }, { value: 'b' }]);
  });
});
