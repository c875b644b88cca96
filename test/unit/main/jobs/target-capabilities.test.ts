import { describe, expect, it } from 'vitest';
import type { ConnectionRecord } from '../../../../src-main/store/connections-repo';
import { targetCapabilitiesOf } from '../../../../src-main/app/handlers/target-capabilities-handler';

function connection(kind: ConnectionRecord['kind'], settings: Record<string, unknown>): ConnectionRecord {
  return { id: 'c1', name: 'Target', kind, settings, secretIds: {}, createdAt: '', updatedAt: '' };
}

describe('targets.capabilities', () => {
  it('says a SCIM target disables with active=false and names its request shape', () => {
    expect(
      targetCapabilitiesOf(connection('scim', { baseUrl: 'https://x', requestShape: 'entra-legacy' })),
    ).toEqual({ kind: 'scim', canDisable: true, disableMethod: 'scimActive', requestShape: 'entra-legacy' });
    expect(targetCapabilitiesOf(connection('scim', { baseUrl: 'https://x' })).requestShape).toBe('scim2');
  });

  it('says a plain LDAP target without a disable attribute cannot disable', () => {
    expect(
      targetCapabilitiesOf(connection('ldap', { url: 'ldap://h', bindDn: 'cn=admin,dc=example,dc=org' })),
    ).toEqual({ kind: 'ldap', canDisable: false, disableMethod: 'none' });
  });

  it('names the LDAP attribute and value that disable an account', () => {
    expect(
      targetCapabilitiesOf(
        connection('ldap', { url: 'ldap://h', disableAttribute: 'employeeType', disableValue: 'disabled' }),
      ),
    ).toEqual({
      kind: 'ldap',
      canDisable: true,
      disableMethod: 'ldapAttribute',
      disableAttribute: 'employeeType',
      disableValue: 'disabled',
    });
  });

  it('recognises Active Directory by its user@domain bind', () => {
    expect(
      targetCapabilitiesOf(connection('ldap', { url: 'ldaps://dc', bindDn: 'svc@corp.example' })),
    ).toEqual({
      kind: 'ldap',
      canDisable: true,
      disableMethod: 'activeDirectory',
    });
  });
});
