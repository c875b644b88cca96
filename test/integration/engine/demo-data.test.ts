import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { createJob } from '../../../src-main/app/jobs/job-store';
import { demoCsvSettings, demoJobConfig } from '../../../src-main/app/sandbox/demo-setup';
import { startBetterAuthScimServer } from '../../peers/better-auth-scim-server';
import type { ScimPeer } from '../../peers/scim-request-log';
import { startScimmyServer } from '../../peers/scimmy-server';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

const demoCsv = join(import.meta.dirname, '../../../resources/demo/employees.csv');

/** The bundled demo (about 200 employees, managers, groups, leavers) into both third-party servers. */
describe.each([
  ['scimmy', startScimmyServer],
  ['better-auth', startBetterAuthScimServer],
] as const)('the demo job against %s', (_name, startPeer) => {
  const dir = makeTempDir('roster-demo-');
  let app: RosterApp;
  let peer: ScimPeer;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await app?.close();
    await peer?.stop();
  });

  it('provisions everyone but the leavers, with managers and groups, then sends nothing on the next cycle', async () => {
    peer = await startPeer();
    app = createApp({
      dataDir: join(dir.path, _name),
      mode: 'cli',
      logger: { info() {}, warn() {}, error() {} },
    });
    const ok = async (command: string, input: unknown) => {
      const result = await app.dispatch(command, input);
      if (!result.ok) throw new Error(result.error.message);
    };
    await ok('connections.create', { name: 'Demo HR', kind: 'csv', settings: demoCsvSettings(demoCsv) });
    await ok('connections.create', {
      name: 'App',
      kind: 'scim',
      settings: { baseUrl: peer.baseUrl },
      secrets: { bearerToken: peer.token },
    });
    const job = createJob(app.context, demoJobConfig('Demo HR', 'App'));
    const cycle = await app.engine.run(job.id, {
      dryRun: false,
      initiatedBy: { type: 'admin', displayName: 'tester' },
    });
    expect(cycle.status).toBe('completed');
    expect(cycle.counters.failed).toBe(0);
    expect(app.store.links.count(job.id, 'User')).toBe(195);
    expect(app.store.links.count(job.id, 'Group')).toBe(14);
    const posts = peer.requests.filter((r) => r.method === 'POST');
    expect(posts.filter((r) => r.path === '/Users')).toHaveLength(195);
    const managerPatches = peer.requests.filter(
      (r) => r.method === 'PATCH' && JSON.stringify(r.body).includes('manager'),
    );
    // Everyone provisioned has a manager but the CEO, and nobody reports to a leaver (resources/demo/README.md).
    expect(managerPatches).toHaveLength(194);

    peer.resetRequests();
    const again = await app.engine.run(job.id, {
      dryRun: false,
      initiatedBy: { type: 'admin', displayName: 'tester' },
    });
    expect(again.counters.failed).toBe(0);
    expect(peer.requests).toEqual([]);
  });
});
