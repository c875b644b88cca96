import { describe, expect, it } from 'vitest';
import {
  attributePaths,
  capabilitiesFromConfig,
  schemaFromDefinitions,
} from '../../../../../src-main/connectors/scim/discovery';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('capabilitiesFromConfig', () => {
  it('reads patch, bulk, filter and lowers the member chunk to a positive bulk.maxOperations', () => {
    expect(
      capabilitiesFromConfig(
        {
          patch: { supported: true },
          bulk: { supported: true, maxOperations: 50 },
          filter: { supported: true, maxResults: 200 },
        },
        { maxMembersPerPatch: 100 },
      ),
    ).toEqual({ patch: true, bulk: true, filter: true, maxResults: 200, maxOperations: 50 });
  });

  it('keeps maxMembersPerPatch when bulk.maxOperations is 0 or larger', () => {
    expect(
      capabilitiesFromConfig({ bulk: { supported: false, maxOperations: 0 } }, { maxMembersPerPatch: 100 })
        .maxOperations,
    ).toBe(100);
    expect(
      capabilitiesFromConfig({ bulk: { maxOperations: 1000 } }, { maxMembersPerPatch: 100 }).maxOperations,
    ).toBe(100);
  });

  it('takes "false" strings and missing sections in its stride', () => {
    expect(capabilitiesFromConfig({ patch: { supported: 'False' } }, { maxMembersPerPatch: 10 })).toEqual({
      patch: false,
      maxOperations: 10,
    });
    expect(capabilitiesFromConfig('nonsense', { maxMembersPerPatch: 10 })).toEqual({});
  });
});

describe('schema discovery', () => {
  const userSchema = {
    id: 'urn:ietf:params:scim:schemas:core:2.0:User',
    attributes: [
      { name: 'id', type: 'string', mutability: 'readOnly' },
      { name: 'userName', type: 'string', required: true, caseExact: false, uniqueness: 'server' },
      { name: 'active', type: 'boolean' },
      {
        name: 'name',
        type: 'complex',
        subAttributes: [
          { name: 'givenName', type: 'string' },
          { name: 'familyName', type: 'string' },
        ],
      },
      {
        name: 'emails',
        type: 'complex',
        multiValued: true,
        subAttributes: [
          { name: 'value', type: 'string' },
          { name: 'type', type: 'string', canonicalValues: ['work', 'home'] },
          { name: 'primary', type: 'boolean' },
        ],
      },
      {
        name: 'phoneNumbers',
        type: 'complex',
        multiValued: true,
        subAttributes: [
          { name: 'value', type: 'string' },
          { name: 'type', type: 'string' },
        ],
      },
      { name: 'groups', type: 'complex', multiValued: true, mutability: 'readOnly' },
    ],
  };
  const enterpriseSchema = {
    id: enterprise,
    attributes: [
      { name: 'department', type: 'string' },
      {
        name: 'manager',
        type: 'complex',
        subAttributes: [
          { name: 'value', type: 'string' },
          { name: '$ref', type: 'reference', referenceTypes: ['User'] },
        ],
      },
    ],
  };
  const groupSchema = {
    id: 'urn:ietf:params:scim:schemas:core:2.0:Group',
    attributes: [
      { name: 'displayName', type: 'string', required: true },
      {
        name: 'members',
        type: 'complex',
        multiValued: true,
        subAttributes: [{ name: 'value', type: 'string' }],
      },
    ],
  };
  const resourceTypes = [
    { name: 'User', schemaExtensions: [{ schema: enterprise, required: false }] },
    { name: 'Group' },
  ];

  it('turns schema definitions into mapping paths of the §5.7 forms', () => {
    const schema = schemaFromDefinitions([userSchema, enterpriseSchema, groupSchema], resourceTypes);
    expect(schema.map((a) => `${a.objectType}:${a.name}`)).toEqual([
      'User:userName',
      'User:active',
      'User:name.givenName',
      'User:name.familyName',
      'User:emails[type eq "work"].value',
      'User:emails[type eq "home"].value',
      'User:phoneNumbers[type eq "work"].value',
      'User:phoneNumbers[type eq "mobile"].value',
      'User:phoneNumbers[type eq "fax"].value',
      'User:phoneNumbers[type eq "home"].value',
      'User:phoneNumbers[type eq "pager"].value',
      'User:phoneNumbers[type eq "other"].value',
      `User:${enterprise}:department`,
      `User:${enterprise}:manager`,
      'Group:displayName',
      'Group:members',
    ]);
    expect(schema.find((a) => a.name === 'userName')).toMatchObject({
      required: true,
      caseExact: false,
      type: 'String',
    });
    expect(schema.find((a) => a.name === 'active')).toMatchObject({ type: 'Boolean' });
    expect(schema.find((a) => a.name === `${enterprise}:manager`)).toMatchObject({
      type: 'Reference',
      referencedObject: 'User',
    });
    expect(schema.find((a) => a.name === 'members')).toMatchObject({
      multiValued: true,
      referencedObject: 'User',
    });
  });

  it('offers role paths the way Entra maps them', () => {
    const paths = attributePaths('User', '', {
      name: 'roles',
      type: 'complex',
      multiValued: true,
      subAttributes: [{ name: 'value', type: 'string' }],
    });
    expect(paths.map((p) => p.name)).toEqual([
      'roles[primary eq "True"].value',
      'roles[primary eq "True"].display',
      'roles[primary eq "True"].type',
    ]);
  });

  it('ignores schemas it cannot place, and takes extensions at their word without /ResourceTypes', () => {
    const schema = schemaFromDefinitions(
      [
        { id: 'urn:example:unrelated', attributes: [{ name: 'x', type: 'string' }] },
        {
          id: 'urn:ietf:params:scim:schemas:extension:Contoso:2.0:User',
          attributes: [{ name: 'badge', type: 'integer' }],
        },
      ],
      [],
    );
    expect(schema).toEqual([
      expect.objectContaining({
        objectType: 'User',
        name: 'urn:ietf:params:scim:schemas:extension:Contoso:2.0:User:badge',
        type: 'Integer',
      }),
    ]);
  });
});
