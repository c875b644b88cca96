import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scimSettingsSchema } from '@shared/domain/connections';
import { createScimTarget } from '../../../../src-main/connectors/scim/scim-target';
import { makeTempDirFor } from '../../../peers/temp';
import { emptyList, sendJson, startTinyServer, type TinyServer } from './tiny-server';

/** A throwaway self-signed certificate for 127.0.0.1, made with the system openssl at run time. */
function makeCertificate(dir: string): { key: string; cert: string } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=Roster test CA',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

describe('TLS', () => {
  const temp = makeTempDirFor('roster-scim-tls-');
  let tls: { key: string; cert: string };
  let server: TinyServer;

  beforeAll(async () => {
    tls = makeCertificate(temp.path);
    server = await startTinyServer((_hit, response) => sendJson(response, 200, emptyList), tls);
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('refuses a certificate it cannot verify and says what to do', async () => {
    const target = createScimTarget({
      settings: scimSettingsSchema.parse({ baseUrl: `${server.origin}/scim` }),
      secrets: { bearerToken: 'secret-token-Zq9' },
    });
    const result = await target.testConnection({ userMatchPath: 'userName', groups: false });
    await target.close?.();
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(
      /TLS certificate of 127\.0\.0\.1:\d+ could not be verified \(.+\).*CA certificate field/,
    );
    expect(server.hits).toHaveLength(0);
  });

  it('trusts the connection once its CA certificate is pasted', async () => {
    const target = createScimTarget({
      settings: scimSettingsSchema.parse({ baseUrl: `${server.origin}/scim`, caCertificate: tls.cert }),
      secrets: { bearerToken: 'secret-token-Zq9' },
    });
    const result = await target.testConnection({ userMatchPath: 'userName', groups: false });
    await target.close?.();
    expect(result.ok, result.summary).toBe(true);
    expect(server.hits).toHaveLength(1);
  });
});
