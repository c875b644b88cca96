import { describe, expect, it } from 'vitest';
import { RosterError } from '@shared/domain/errors';
import { jobConfigSchema, type JobConfigInput } from '@shared/domain/jobs';
import {
  assertTargetCanDisable,
  looksLikeActiveDirectory,
  targetCanDisable,
} from '../../../../src-main/app/jobs/target-disable';
import type { ConnectionRecord } from '../../../../src-main/store/connections-repo';

function connection(kind: ConnectionRecord['kind'], settings: Record<string, unknown>): ConnectionRecord {
  return { id: 'c', name: 'Directory', kind, settings, secretIds: {}, createdAt: '', updatedAt: '' };
}

const openLdap = { url: 'ldap://dir', bindDn: 'cn=admin,dc=example,dc=com', baseDn: 'dc=example,dc=com' };

function job(settings: JobConfigInput['settings'] = {}) {
  return jobConfigSchema.parse({
    name: 'HR to Directory',
    sourceConnection: 'HR',
    targetConnection: 'Directory',
    settings,
    objectMappings: [
      {
        name: 'Users',
        sourceObject: 'User',
        targetObject: 'User',
        attributeMappings: [{ target: 'employeeNumber', type: 'Direct', source: 'id', matchingPriority: 1 }],
      },
    ],
  });
}

describe('a target that cannot disable, when the job says disable', () => {
  const targets: { what: string; target: ConnectionRecord; canDisable: boolean }[] = [
    { what: 'SCIM (active=false)', target: connection('scim', { baseUrl: 'https://a' }), canDisable: true },
    {
      what: 'OpenLDAP with a disable attribute',
      target: connection('ldap', { ...openLdap, disableAttribute: 'employeeType', disableValue: 'disabled' }),
      canDisable: true,
    },
    { what: 'OpenLDAP without one', target: connection('ldap', openLdap), canDisable: false },
    {
      what: 'AD bound as user@domain (userAccountControl)',
      target: connection('ldap', { ...openLdap, bindDn: 'admin@example.com' }),
      canDisable: true,
    },
    {
      what: 'AD bound as DOMAIN\\user',
      target: connection('ldap', { ...openLdap, bindDn: 'EXAMPLE\\admin' }),
      canDisable: true,
    },
    {
      what: 'AD by its user object class',
      target: connection('ldap', { ...openLdap, userObjectClass: 'user' }),
      canDisable: true,
    },
  ];
  it.each(targets)('$what → can disable: $canDisable', ({ target, canDisable }) => {
    expect(targetCanDisable(target)).toBe(canDisable);
  });

  it('refuses the job at save with both fixes in the message', () => {
    let error: unknown;
    try {
      assertTargetCanDisable(job(), connection('ldap', openLdap));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RosterError);
    const message = (error as RosterError).message;
    expect((error as RosterError).code).toBe('invalidInput');
    expect(message).toContain('onSourceDelete');
    expect(message).toContain('disableAttribute');
    expect(message).toContain('"delete"');
  });

  it('accepts the job when it deletes instead, or never deprovisions', () => {
    expect(() =>
      assertTargetCanDisable(job({ onSourceDelete: 'delete' }), connection('ldap', openLdap)),
    ).not.toThrow();
    expect(() =>
      assertTargetCanDisable(job({ skipOutOfScopeDeletions: true }), connection('ldap', openLdap)),
    ).not.toThrow();
  });

  it('does not take an LDAP DN with an @ in a value for an AD bind', () => {
    expect(looksLikeActiveDirectory({ bindDn: 'uid=a@b.com,ou=People,dc=example' })).toBe(false);
  });
});
