import { describe, expect, it } from 'vitest';
import { connectionSettingsSchemas, isLoopbackHost, secretFieldsInUse } from '@shared/domain/connections';

describe('connection settings', () => {
  it('accepts https SCIM URLs and plain http only to this computer', () => {
    const scim = connectionSettingsSchemas.scim;
    expect(scim.safeParse({ baseUrl: 'https://api.example.com/scim/v2' }).success).toBe(true);
    expect(scim.safeParse({ baseUrl: 'http://127.0.0.1:8080/scim' }).success).toBe(true);
    const insecure = scim.safeParse({ baseUrl: 'http://scim.example.com' });
    expect(insecure.success).toBe(false);
    expect(insecure.error?.issues[0]?.path).toEqual(['baseUrl']);
  });

  it('fills defaults a new SCIM connection needs', () => {
    expect(connectionSettingsSchemas.scim.parse({ baseUrl: 'https://a.example' })).toMatchObject({
      authType: 'bearer',
      requestShape: 'scim2',
      timeoutSeconds: 60,
    });
  });

  it('asks for what the chosen authentication needs', () => {
    const basic = connectionSettingsSchemas.scim.safeParse({
      baseUrl: 'https://a.example',
      authType: 'basic',
    });
    expect(basic.error?.issues.map((i) => i.path.join('.'))).toEqual(['username']);
    const oauth = connectionSettingsSchemas.scim.safeParse({
      baseUrl: 'https://a.example',
      authType: 'oauth2',
    });
    expect(oauth.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['clientId', 'tokenUrl']);
  });

  it('checks LDAP URLs and refuses StartTLS on ldaps', () => {
    const ldap = connectionSettingsSchemas.ldap;
    const base = { bindDn: 'cn=admin,dc=example,dc=com', baseDn: 'dc=example,dc=com' };
    expect(ldap.safeParse({ ...base, url: 'ldaps://dc1.example.com:636' }).success).toBe(true);
    expect(ldap.safeParse({ ...base, url: 'http://dc1' }).success).toBe(false);
    expect(ldap.safeParse({ ...base, url: 'ldaps://dc1', startTls: true }).error?.issues[0]?.path).toEqual([
      'startTls',
    ]);
  });

  it('requires a CSV file path and refuses a non-PEM CA certificate', () => {
    expect(connectionSettingsSchemas.csv.safeParse({}).success).toBe(false);
    const ldap = connectionSettingsSchemas.ldap.safeParse({
      url: 'ldaps://dc1',
      bindDn: 'a',
      baseDn: 'b',
      caCertificate: 'not a certificate',
    });
    expect(ldap.error?.issues[0]?.path).toEqual(['caCertificate']);
  });

  it('knows which secret the SCIM authentication uses', () => {
    expect(secretFieldsInUse('scim', { authType: 'bearer' })).toEqual(['bearerToken']);
    expect(secretFieldsInUse('scim', { authType: 'none' })).toEqual([]);
    expect(secretFieldsInUse('ldap', {})).toEqual(['bindPassword']);
  });

  it('treats only loopback hosts as loopback', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['127.example.com', '10.0.0.1', 'localhost.example.com'].some(isLoopbackHost)).toBe(false);
  });
});
