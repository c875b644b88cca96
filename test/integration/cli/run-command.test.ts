import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openStore } from '../../../src-main/store/store';
import { startFaultProxy, type FaultProxy } from '../../peers/fault-proxy';
import { startScimmyServer, type ScimmyPeer } from '../../peers/scimmy-server';
import { employee, employeesCsv } from '../engine/engine-kit';
import { makeTempDir } from '../temp-dir';

const cli = resolve(import.meta.dirname, '../../../out/main/cli.js');
const env = () => ({ ...process.env, ...inject('keyringEnv') });

function roster(
  args: string[],
  input = '',
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Resolves when `check` holds, polling every 20 ms; fails after `ms`. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('roster run: the scheduler headless, as a child process', () => {
  const dir = makeTempDir('roster-run-');
  const data = join(dir.path, 'data');
  const csv = join(dir.path, 'hr.csv');
  const staff = (title: string) => Array.from({ length: 20 }, (_, i) => employee(i + 1, { jobTitle: title }));
  let peer: ScimmyPeer;
  let proxy: FaultProxy;
  /** Set when writes should be slowed down; the first slowed write is the middle of a cycle. */
  let slow = false;
  let slowWrites = 0;

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error('Build first: npm run build');
    peer = await startScimmyServer();
    proxy = await startFaultProxy({
      upstreamBaseUrl: peer.baseUrl,
      seed: 1,
      hooks: {
        beforeForward: async (req) => {
          if (slow && req.method !== 'GET') {
            slowWrites++;
            await new Promise((r) => setTimeout(r, 150));
          }
          return 'forward' as const;
        },
      },
    });
    writeFileSync(csv, employeesCsv(staff('Rep')));
    writeFileSync(
      join(dir.path, 'connections.json'),
      JSON.stringify({
        format: 'roster-connections',
        version: 1,
        connections: [
          {
            name: 'HR',
            kind: 'csv',
            settings: { path: csv, keyColumn: 'employeeId', displayNameColumn: 'displayName' },
          },
          { name: 'App', kind: 'scim', settings: { baseUrl: proxy.baseUrl, authType: 'bearer' } },
        ],
      }),
    );
    writeFileSync(
      join(dir.path, 'job.json'),
      JSON.stringify({
        format: 'roster-job',
        version: 1,
        job: {
          name: 'HR to App',
          sourceConnection: 'HR',
          targetConnection: 'App',
          settings: { scope: 'all', intervalMinutes: 1, maxConcurrency: 1 },
          objectMappings: [
            {
              name: 'Users',
              sourceObject: 'User',
              targetObject: 'User',
              attributeMappings: [
                { target: 'userName', type: 'Direct', source: 'email', matchingPriority: 1 },
                { target: 'displayName', type: 'Expression', source: 'Join(" ", [givenName], [surname])' },
                { target: 'title', type: 'Direct', source: 'jobTitle' },
              ],
            },
          ],
          targetSchema: [
            { objectType: 'User', name: 'userName', required: true },
            { objectType: 'User', name: 'displayName' },
            { objectType: 'User', name: 'title' },
          ],
        },
      }),
    );
    for (const [args, input] of [
      [['connection', 'import', join(dir.path, 'connections.json')], ''],
      [['secret', 'set', 'App', 'bearerToken'], `${peer.token}\n`],
      [['job', 'import', join(dir.path, 'job.json')], ''],
    ] as const) {
      const result = await roster([...args, '--data-dir', data], input);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
  });
  afterAll(async () => {
    await proxy?.stop();
    await peer?.stop();
    dir.remove();
  });

  it('runs two cycles on a 1-minute interval, then exits 0 on SIGTERM mid-cycle with nothing half-recorded', async () => {
    const start = await roster(['job', 'start', 'HR to App', '--data-dir', data]);
    expect(start.stdout).toMatch(/HR to App: Not run yet; next cycle \S+Z\./);
    const listed = await roster(['job', 'list', '--data-dir', data]);
    expect(listed.stdout).toMatch(/HR to App\tNotRun\tHR → App\tusers 0, groups 0\tnext run \S+Z\tnever run/);

    // A "minute" lasts 1.5 s in this process (test-only variable), so the schedule runs in seconds.
    const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [cli, 'run', '--data-dir', data], {
      env: { ...env(), ROSTER_TEST_MINUTE_MS: '1500' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    const cycleLines = () => stdout.split('\n').filter((line) => line.includes('job="HR to App"'));

    await until(() => cycleLines().length >= 2, 30_000, 'two cycles');
    const [first, second] = cycleLines();
    expect(first).toMatch(
      / kind=initial status=completed read=20 created=20 .* failed=0 .*duration=\d+\.\ds/,
    );
    expect(second).toMatch(/ kind=incremental status=completed read=20 created=0 updated=0 /);
    expect(Date.parse(second!.split(' ')[0]!) - Date.parse(first!.split(' ')[0]!)).toBeLessThan(10_000);

    // Every title changes, and writes slow down: SIGTERM arrives while a cycle is sending them.
    writeFileSync(csv, employeesCsv(staff('Senior rep')));
    slow = true;
    await until(() => slowWrites > 0, 30_000, 'a write of the third cycle');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    slow = false;

    expect(stderr).toBe('');
    const last = cycleLines().at(-1);
    expect(last).toMatch(/ status=cancelled .* error=Cancelled /);
    expect(stdout).toContain('SIGTERM: stopping; running cycles stop at a safe point.');
    expect(stdout).toContain('Stopped.');
    // The same lines are kept in the data folder's logs folder, owner-only.
    const logPath = join(data, 'logs', 'roster-run.log');
    expect(statSync(logPath).mode & 0o777).toBe(0o600);
    const logged = readFileSync(logPath, 'utf8');
    for (const line of cycleLines()) expect(logged).toContain(line);

    // The store: the interrupted cycle is recorded as cancelled, stored no watermark, left no intent.
    const store = openStore({ path: join(data, 'roster.db') });
    try {
      const job = store.jobs.list()[0]!;
      const cycles = store.cycles.forJob(job.id, 50).reverse();
      expect(cycles.filter((c) => c.status === 'completed').length).toBeGreaterThanOrEqual(2);
      expect(cycles.some((c) => c.status === 'running')).toBe(false);
      const interrupted = cycles.at(-1)!;
      expect(interrupted.status).toBe('cancelled');
      expect(interrupted.counters.updated).toBeLessThan(20);
      const lastGood = cycles.filter((c) => c.status === 'completed').at(-1)!;
      // The job's watermark is still the last completed cycle's: the cancelled one stored none.
      const raw = new BetterSqlite3(join(data, 'roster.db'), { readonly: true });
      const after = raw
        .prepare<[string], string | null>('SELECT watermark_after FROM cycles WHERE id = ?')
        .pluck();
      expect(after.get(interrupted.id)).toBeNull();
      expect(store.jobs.get(job.id)?.watermark).toBe(after.get(lastGood.id));
      expect(store.jobs.get(job.id)?.watermark).not.toBeNull();
      raw.close();
      expect(store.intents.count(job.id)).toBe(0);
      expect(store.leases.holder(job.id)).toBeNull();
    } finally {
      store.close();
    }
  });
});
