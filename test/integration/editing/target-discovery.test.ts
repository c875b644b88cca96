/**
 * targets.discoverSchema when the target does not help: a SCIM server without /Schemas says so
 * (supported: false, with the reason) rather than offering an empty list, and refused credentials
 * are an error beside the connection field, not an "unexpected problem". scimmy behind a proxy that
 * hides its /Schemas.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetSchemaDiscoverResult } from '@shared/domain/job-editing';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { startFaultProxy, type FaultProxy } from '../../peers/fault-http-server';
import type { ScimPeer } from '../../peers/scim-request-log';
import { startScimmyServer } from '../../peers/scimmy-server';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

const notFound = { status: 404, body: JSON.stringify({ status: '404', detail: 'Not found' }) };

describe('targets.discoverSchema when the target publishes no schema', () => {
  const dir = makeTempDir('roster-discovery-');
  let scim: ScimPeer;
  let proxy: FaultProxy;
  let app: RosterApp;

  beforeAll(async () => {
    usePrivateKeyring();
    scim = await startScimmyServer();
    proxy = await startFaultProxy(scim.baseUrl, (req) =>
      req.url.startsWith('/Schemas') ? { before: notFound } : 'pass',
    );
    app = createApp({
      dataDir: join(dir.path, 'data'),
      mode: 'cli',
      osUser: 'tester',
      logger: { info() {}, warn() {}, error() {} },
    });
    for (const [name, baseUrl, token] of [
      ['No schemas', proxy.baseUrl, scim.token],
      ['Wrong token', scim.baseUrl, 'not-the-token'],
    ] as const) {
      const created = await app.dispatch('connections.create', {
        name,
        kind: 'scim',
        settings: { baseUrl, authType: 'bearer' },
        secrets: { bearerToken: token },
      });
      if (!created.ok) throw new Error(created.error.message);
    }
  });
  afterAll(async () => {
    await app.close();
    await proxy.stop();
    await scim.stop();
    dir.remove();
  });

  it('says the target publishes no schema, and why', async () => {
    const result = await app.dispatch('targets.discoverSchema', { targetConnection: 'No schemas' });
    if (!result.ok) throw new Error(result.error.message);
    const discovered = result.value as TargetSchemaDiscoverResult;
    expect(discovered).toMatchObject({ supported: false, attributes: [] });
    expect(discovered.message).toMatch(
      /^No schemas publishes no usable schema \(\/Schemas: not available \(.+\)\); edit the attribute list by hand\.$/,
    );
  });

  it('reports refused credentials beside the connection field', async () => {
    const result = await app.dispatch('targets.discoverSchema', { targetConnection: 'Wrong token' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalidInput');
    expect(result.error.message).toMatch(/^Wrong token: /);
    expect(result.error.details).toMatchObject({ issues: [{ path: 'targetConnection' }] });
  });
});
