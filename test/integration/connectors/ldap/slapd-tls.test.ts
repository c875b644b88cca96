/**
 * TLS to a real slapd: ldaps:// and StartTLS, always verified — against the system CAs plus the
 * connection's own CA certificate when one is given. A throwaway CA signs the server's certificate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ldapSettingsSchema } from '@shared/domain/connections';
import { createLdapSource } from '../../../../src-main/connectors/ldap/ldap-source';
import { startSlapd, type SlapdPeer } from '../../../peers/slapd-server';

describe('LDAP over TLS (slapd)', () => {
  let peer: SlapdPeer;

  beforeAll(async () => {
    peer = await startSlapd({ tls: true });
  });
  afterAll(async () => {
    await peer?.stop();
  });

  function test(settings: Record<string, unknown>) {
    return createLdapSource({
      settings: ldapSettingsSchema.parse({ bindDn: peer.bindDn, baseDn: peer.baseDn, ...settings }),
      bindPassword: peer.password,
    }).testConnection();
  }

  it('connects with ldaps:// when the server certificate verifies against the custom CA', async () => {
    const result = await test({ url: peer.ldapsUrl, caCertificate: peer.caCertificate });
    expect(result.ok).toBe(true);
    expect(result.summary).toContain('OpenLDAP');
  });

  it('refuses ldaps:// when the certificate cannot be verified, and says why', async () => {
    const result = await test({ url: peer.ldapsUrl });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('TlsCertificateInvalid');
    expect(result.summary).toMatch(/TLS certificate could not be verified/);
  });

  it('upgrades ldap:// with StartTLS, verified the same way', async () => {
    expect((await test({ url: peer.url, startTls: true, caCertificate: peer.caCertificate })).ok).toBe(true);
    const unverified = await test({ url: peer.url, startTls: true });
    expect(unverified.ok).toBe(false);
    expect(unverified.error?.code).toBe('TlsCertificateInvalid');
  });
});
