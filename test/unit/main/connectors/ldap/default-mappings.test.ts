import { describe, expect, it } from 'vitest';
import { evaluateExpression, parseExpression } from '@shared/expressions/index';
import { jobConfigSchema } from '@shared/domain/jobs';
import { genericScimTargetSchema } from '@shared/domain/scim-template';
import {
  activeExpression,
  adToScimUserMappings,
  csvToLdapUserMappings,
  ldapTargetSchemaFor,
  ldapToScimGroupMappings,
  openLdapToScimUserMappings,
} from '../../../../../src-main/connectors/ldap/default-mappings';

describe('LDAP default mappings', () => {
  it('maps AD users to SCIM with userPrincipalName as userName and the account state as active', () => {
    const list = adToScimUserMappings();
    expect(list.find((m) => m.target === 'userName')).toMatchObject({
      source: 'userPrincipalName',
      matchingPriority: 1,
    });
    expect(list.find((m) => m.target === 'externalId')?.source).toBe('objectGUID');
    expect(list.find((m) => m.target === 'name.familyName')?.source).toBe('sn');
    expect(list.find((m) => m.target === 'active')).toMatchObject({
      type: 'Expression',
      source: activeExpression,
    });
    expect(list.find((m) => m.target.endsWith(':manager'))?.source).toBe('manager');
  });

  it('maps OpenLDAP users with mail as userName and entryUUID as externalId', () => {
    const list = openLdapToScimUserMappings();
    expect(list.find((m) => m.target === 'userName')?.source).toBe('mail');
    expect(list.find((m) => m.target === 'externalId')?.source).toBe('entryUUID');
    expect(list.find((m) => m.target.endsWith(':department'))?.source).toBe('departmentNumber');
  });

  it('evaluates active from accountEnabled and IsSoftDeleted', async () => {
    const tree = parseExpression(activeExpression);
    const run = async (accountEnabled: boolean, IsSoftDeleted: boolean) =>
      (await evaluateExpression(tree, { source: { accountEnabled, IsSoftDeleted } })).value;
    expect(await run(true, false)).toBe('True');
    expect(await run(false, true)).toBe('False');
    expect(await run(true, true)).toBe('False');
  });

  it('maps an HR file into the directory: employee id to match on, cn from the display name, a container column', () => {
    const list = csvToLdapUserMappings({
      employeeId: 'id',
      displayName: 'name',
      surname: 'last',
      email: 'email',
      container: 'ou',
    });
    expect(list.find((m) => m.matchingPriority === 1)).toMatchObject({
      target: 'employeeNumber',
      source: 'id',
    });
    // Two people with the same name must not collide on the RDN: the employee id breaks the tie.
    expect(list.find((m) => m.target === 'cn')).toMatchObject({
      type: 'Expression',
      source: 'SelectUniqueValue([name], Join(" ", [name], [id]))',
    });
    expect(list.find((m) => m.target === '__container')?.source).toBe('ou');
    expect(list.find((m) => m.target === 'active')?.source).toBe('Not([IsSoftDeleted])');
    const adList = csvToLdapUserMappings(
      { employeeId: 'id', givenName: 'first', surname: 'last', email: 'email' },
      'activeDirectory',
    );
    expect(adList.find((m) => m.target === 'cn')).toMatchObject({
      type: 'Expression',
      source: 'SelectUniqueValue(Join(" ", [first], [last]), Join(" ", Join(" ", [first], [last]), [id]))',
    });
    expect(adList.find((m) => m.target === 'userPrincipalName')?.source).toBe('email');
  });

  it('fits valid job configurations', () => {
    const inbound = jobConfigSchema.parse({
      name: 'HR → Directory',
      sourceConnection: 'HR',
      targetConnection: 'Directory',
      objectMappings: [
        {
          name: 'Users',
          sourceObject: 'User',
          targetObject: 'User',
          attributeMappings: csvToLdapUserMappings({ employeeId: 'id' }),
        },
      ],
      targetSchema: ldapTargetSchemaFor(),
    });
    expect(inbound.targetSchema.find((a) => a.name === 'active')?.type).toBe('Boolean');
    expect(inbound.targetSchema.find((a) => a.name === 'manager')).toMatchObject({
      type: 'Reference',
      referencedObject: 'User',
    });
    const outbound = jobConfigSchema.parse({
      name: 'Directory → App',
      sourceConnection: 'Directory',
      targetConnection: 'App',
      objectMappings: [
        {
          name: 'Users',
          sourceObject: 'User',
          targetObject: 'User',
          attributeMappings: adToScimUserMappings(),
        },
        {
          name: 'Groups',
          sourceObject: 'Group',
          targetObject: 'Group',
          attributeMappings: ldapToScimGroupMappings(),
        },
      ],
      targetSchema: genericScimTargetSchema,
    });
    expect(outbound.objectMappings).toHaveLength(2);
  });
});
