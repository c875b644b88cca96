import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src-main/app/create-app';
import type { CycleSummary } from '@shared/domain/provisioning';
import { startBareSessionBus, type BareBus } from '../../peers/bare-session-bus';
import { makeTempDir } from '../temp-dir';
import { noKeychainEnv } from './no-keychain-env';

const cli = resolve(import.meta.dirname, '../../../out/main/cli.js');

function roster(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end();
  });
}

/** Every SQLite file of a data folder (databases, WAL, shared memory, backups), as raw bytes. */
function sqliteFilesOf(dataDir: string): string[] {
  return readdirSync(dataDir)
    .filter((name) => /\.db(-wal|-shm|\..*\.bak)?$/.test(name))
    .map((name) => join(dataDir, name));
}

function expectTokenOnlyInItsFile(dataDir: string): string {
  const tokenFile = join(dataDir, 'sandbox-token');
  expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
  const token = readFileSync(tokenFile, 'utf8').trim();
  expect(token.length).toBeGreaterThanOrEqual(32);
  const files = sqliteFilesOf(dataDir);
  expect(files.map((f) => f.split('/').at(-1))).toEqual(expect.arrayContaining(['roster.db', 'sandbox.db']));
  for (const file of files) expect(readFileSync(file).includes(token), file).toBe(false);
  return token;
}

describe('"Try with demo data" on a machine with no keychain', () => {
  const dir = makeTempDir('roster-demo-nokeychain-');
  afterAll(() => dir.remove());

  it('roster demo provisions the demo into the sandbox with no session bus, and no SQLite file holds the token', async () => {
    const data = join(dir.path, 'cli-data');
    const env = noKeychainEnv(join(dir.path, 'cli-env'));
    const first = await roster(['demo', '--data-dir', data], env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/\(initial\) completed .* 209 created, .* 0 failed/);
    const token = expectTokenOnlyInItsFile(data);

    // A second process on the same data folder uses the same token: the sandbox answers it.
    const again = await roster(['sync', 'Demo: HR file → Roster Sandbox', '--data-dir', data], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/\(incremental\) completed .* 0 created, 0 updated/);
    expect(readFileSync(join(data, 'sandbox-token'), 'utf8').trim()).toBe(token);
    expectTokenOnlyInItsFile(data);
  });

  describe('through createApp, with a session bus that has no Secret Service', () => {
    let bus: BareBus;
    beforeAll(async () => {
      bus = await startBareSessionBus({ activation: false });
      // libsecret connects once per process; this test file runs in its own process.
      process.env['DBUS_SESSION_BUS_ADDRESS'] = bus.address;
    });
    afterAll(() => bus.stop());

    it('the demo.setup command runs the demo cycle end to end while the keychain is unavailable', async () => {
      const data = join(dir.path, 'app-data');
      const app = createApp({ dataDir: data, mode: 'browser', logger: { info() {}, warn() {}, error() {} } });
      try {
        const info = await app.handlers['app.info']({});
        expect(info.vault.available).toBe(false);

        const finished = new Promise<CycleSummary>((done) =>
          app.events.onAny((name, payload) => {
            if (name === 'jobs.cycleFinished') done(payload as CycleSummary);
          }),
        );
        await app.handlers['demo.setup']({});
        const cycle = await finished;
        expect(cycle.error ?? null).toBeNull();
        expect(cycle).toMatchObject({ kind: 'initial', status: 'completed' });
        expect(cycle.counters.created).toBe(209);
        expect(cycle.counters.failed).toBe(0);
        expect(app.context.sandbox.status().stats).toMatchObject({ users: 195, groups: 14 });

        // The sandbox connection shows its token as set, and points at the data folder's token.
        const connections = await app.handlers['connections.list']({});
        expect(connections.find((c) => c.name === 'Roster Sandbox')?.secrets).toEqual({
          bearerToken: 'set',
          password: 'notSet',
          clientSecret: 'notSet',
        });
        // A real connection's secret still goes to the keychain only, and is refused without one.
        const real = await app.dispatch('connections.create', {
          name: 'Real app',
          kind: 'scim',
          settings: { baseUrl: 'https://scim.example.com/v2', authType: 'bearer' },
          secrets: { bearerToken: 'real-app-token-0123456789' },
        });
        expect(real).toMatchObject({ ok: false, error: { code: 'vaultUnavailable' } });
      } finally {
        await app.close();
      }
      expect(existsSync(join(data, 'sandbox-token'))).toBe(true);
      expectTokenOnlyInItsFile(data);
    });
  });
});
