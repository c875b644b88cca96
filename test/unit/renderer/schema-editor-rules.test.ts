import { describe, expect, it } from 'vitest';
import { targetAttribute as attr } from '@shared/domain/schema';
import {
  applySchemaDiff,
  diffTargetSchema,
  isEmptyDiff,
  schemaKey,
} from '../../../src-renderer/views/jobs/parts/schema-editor/schema-diff';
import {
  checkAttributeName,
  deleteBlock,
} from '../../../src-renderer/views/jobs/parts/schema-editor/schema-rules';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('schema refresh diff', () => {
  const current = [
    attr('User', 'id', { primaryKey: true }),
    attr('User', 'userName', { required: true }),
    attr('User', 'title', { description: 'Job title (ours)' }),
    attr('User', 'costCentre'),
    attr('Group', 'displayName', { required: true }),
  ];
  const discovered = [
    attr('User', 'id', { primaryKey: true }),
    attr('User', 'USERNAME', { required: true, caseExact: true }),
    attr('User', 'title', { multiValued: true }),
    attr('User', `${enterprise}:costCenter`),
    attr('Group', 'displayName', { required: true }),
    attr('Group', 'members', { type: 'Reference', referencedObject: 'User', multiValued: true }),
  ];

  it('lists added, removed and changed attributes with the properties that changed', () => {
    const diff = diffTargetSchema(current, discovered);
    expect(diff.added.map((a) => a.name)).toEqual([`${enterprise}:costCenter`, 'members']);
    expect(diff.removed.map((a) => a.name)).toEqual(['costCentre']);
    expect(diff.changed.map((c) => [c.before.name, c.properties])).toEqual([
      ['userName', ['caseExact']],
      ['title', ['multiValued']],
    ]);
    expect(diff.unchanged).toBe(2);
    expect(isEmptyDiff(diffTargetSchema(current, current))).toBe(true);
  });

  it('applies only the chosen parts, in place, keeping the admin’s names and descriptions', () => {
    const diff = diffTargetSchema(current, discovered);
    const chosen = new Set([
      schemaKey({ objectType: 'User', name: 'title' }),
      schemaKey({ objectType: 'Group', name: 'members' }),
      schemaKey({ objectType: 'User', name: `${enterprise}:costCenter` }),
    ]);
    const applied = applySchemaDiff(current, diff, chosen);
    expect(applied.map((a) => `${a.objectType}:${a.name}`)).toEqual([
      'User:id',
      'User:userName',
      'User:title',
      'User:costCentre',
      `User:${enterprise}:costCenter`,
      'Group:displayName',
      'Group:members',
    ]);
    expect(applied[2]).toMatchObject({ multiValued: true, description: 'Job title (ours)' });
    expect(applied[1]?.caseExact).toBe(false);
    expect(
      applySchemaDiff(current, diff, new Set([schemaKey(current[3]!)])).map((a) => a.name),
    ).not.toContain('costCentre');
  });
});

describe('custom attribute names', () => {
  const existing = [attr('User', 'userName'), attr('User', 'title')];

  it('accepts SCIM paths, filtered paths and extension URNs', () => {
    for (const name of [
      'nickName',
      'name.givenName',
      'emails[type eq "home"].value',
      `${enterprise}:costCenter`,
      'urn:ietf:params:scim:schemas:extension:slack:profile:2.0:User:pronouns',
    ])
      expect(checkAttributeName(name, 'User', 'scim', existing)).toBeNull();
  });

  it('names the slip in a URN and suggests the right one', () => {
    expect(checkAttributeName(`${enterprise}.costCenter`, 'User', 'scim', existing)).toEqual({
      code: 'scimUrnSeparator',
      suggestion: `${enterprise}:costCenter`,
    });
    expect(
      checkAttributeName(
        'urn:ietf:params:scim:schemas:extension:enterprse:2.0:User:costCenter',
        'User',
        'scim',
        existing,
      ),
    ).toEqual({ code: 'scimUrnUnknown', suggestion: `${enterprise}:costCenter` });
    expect(checkAttributeName(`${enterprise}:`, 'User', 'scim', existing)).toEqual({
      code: 'scimUrnNoAttribute',
    });
    expect(checkAttributeName('cost center', 'User', 'scim', existing)).toEqual({
      code: 'scimName',
      name: 'cost center',
    });
  });

  it('refuses a name already in the list (ignoring case), reserved SCIM names and bad LDAP names', () => {
    expect(checkAttributeName('Title', 'User', 'scim', existing)).toEqual({
      code: 'nameTaken',
      name: 'title',
    });
    expect(checkAttributeName('Title', 'Group', 'scim', existing)).toBeNull();
    expect(checkAttributeName('meta', 'User', 'scim', existing)).toEqual({
      code: 'nameReserved',
      name: 'meta',
    });
    expect(checkAttributeName('employeeType', 'User', 'ldap', existing)).toBeNull();
    expect(checkAttributeName('description;lang-ko', 'User', 'ldap', existing)).toBeNull();
    expect(checkAttributeName('2.5.4.12', 'User', 'ldap', existing)).toBeNull();
    expect(checkAttributeName('employee_type', 'User', 'ldap', existing)).toEqual({
      code: 'ldapName',
      name: 'employee_type',
    });
    expect(checkAttributeName('  ', 'User', 'ldap', existing)).toEqual({ code: 'nameRequired' });
  });

  it('will not delete the primary key or an attribute a mapping writes, and says which mapping', () => {
    const config = {
      objectMappings: [
        {
          name: 'Users',
          enabled: true,
          sourceObject: 'User' as const,
          targetObject: 'User' as const,
          actions: { create: true, update: true, delete: true },
          scope: { filters: [] },
          attributeMappings: [
            {
              target: 'Title',
              type: 'Direct' as const,
              source: 'jobTitle',
              apply: 'Always' as const,
              matchingPriority: 0,
            },
          ],
        },
      ],
    };
    expect(deleteBlock(config, attr('User', 'title'))).toEqual({ code: 'usedBy', mappings: 'Users' });
    expect(deleteBlock(config, attr('Group', 'title'))).toBeNull();
    expect(deleteBlock(config, attr('User', 'id', { primaryKey: true }))).toEqual({ code: 'primaryKey' });
  });
});
