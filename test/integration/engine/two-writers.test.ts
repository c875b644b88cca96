import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { jobConfigSchema } from '@shared/domain/jobs';
import { defaultUserMappings, genericScimTargetSchema } from '@shared/domain/scim-template';
import { createApp, databaseFileName, type RosterApp } from '../../../src-main/app/create-app';
import { createJob } from '../../../src-main/app/jobs/job-store';
import { startScimProxy, type ScimProxy } from '../../peers/scim-proxy';
import { startScimmyServer, type ScimmyPeer } from '../../peers/scimmy-server';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';
import { employee, employeesCsv } from './engine-kit';

const cli = resolve(import.meta.dirname, '../../../out/main/cli.js');
const jobName = 'HR to App';
const admin = { type: 'admin', displayName: 'tester' } as const;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `check` returns a value (not null/false), or fails after `ms`. */
async function until<T>(what: string, check: () => T | null | false, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(25);
  }
}

interface Running {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * Two real processes on one data folder (ARCHITECTURE.md §4 "One writer per job"): the built
 * `roster` CLI in child processes, and this test process's own app — each with its own SQLite
 * connection, its own engine and its own lease owner. The target is a real SCIM server (scimmy) behind
 * a proxy that slows every answer down, so a cycle lasts long enough to be run into.
 */
describe('one writer per job across processes', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  let peer: ScimmyPeer;
  let proxy: ScimProxy;
  let delayMs: number;
  const apps: RosterApp[] = [];
  const children: ChildProcess[] = [];
  let warnings: string[];
  let jobId: string;

  beforeAll(() => {
    usePrivateKeyring();
    if (!existsSync(cli)) throw new Error('Build first: npx electron-vite build');
  });
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    for (const app of apps.splice(0)) await app.close();
    await proxy?.stop();
    await peer?.stop();
    dir?.remove();
  });

  function open(ownerLabel: string, leaseTtlMs?: number): RosterApp {
    const app = createApp({
      dataDir,
      mode: 'browser',
      osUser: 'tester',
      ownerLabel,
      ...(leaseTtlMs ? { leaseTtlMs } : {}),
      logger: { info() {}, warn: (m) => warnings.push(m), error() {} },
    });
    apps.push(app);
    return app;
  }

  /** The data folder with a CSV source of `users` people and a SCIM target behind the slow proxy. */
  async function setUp(users: number, leaseTtlMs?: number): Promise<RosterApp> {
    dir = makeTempDir('roster-two-writers-');
    dataDir = join(dir.path, 'data');
    warnings = [];
    delayMs = 0;
    const csv = join(dir.path, 'hr.csv');
    writeFileSync(csv, employeesCsv(Array.from({ length: users }, (_, i) => employee(i + 1))));
    peer = await startScimmyServer();
    proxy = await startScimProxy(peer.baseUrl, { after: () => sleep(delayMs) });
    const app = open('the Roster app', leaseTtlMs);
    const ok = async (command: string, input: unknown) => {
      const result = await app.dispatch(command, input);
      if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
    };
    await ok('connections.create', {
      name: 'HR',
      kind: 'csv',
      settings: { path: csv, keyColumn: 'employeeId', displayNameColumn: 'displayName' },
    });
    await ok('connections.create', {
      name: 'App',
      kind: 'scim',
      settings: { baseUrl: proxy.baseUrl, authType: 'bearer' },
      secrets: { bearerToken: peer.token },
    });
    const config = jobConfigSchema.parse({
      name: jobName,
      sourceConnection: 'HR',
      targetConnection: 'App',
      objectMappings: [
        {
          name: 'Users',
          sourceObject: 'User',
          targetObject: 'User',
          attributeMappings: defaultUserMappings({
            userName: 'email',
            externalId: 'employeeId',
            displayName: 'displayName',
            givenName: 'givenName',
            surname: 'surname',
          }),
        },
      ],
      targetSchema: genericScimTargetSchema,
      // One request at a time: a slow, steady cycle that is easy to run into.
      settings: { scope: 'all', maxConcurrency: 1 },
    });
    jobId = createJob(app.context, config).id;
    return app;
  }

  function rosterSync(): Running {
    const child = spawn(process.execPath, [cli, 'sync', jobName, '--data-dir', dataDir], {
      env: { ...process.env, ...inject('keyringEnv') },
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<Awaited<Running['exited']>>((done) =>
      child.on('close', (code, signal) => done({ code, signal, stdout, stderr })),
    );
    return { child, exited };
  }

  async function usersAtServer(): Promise<string[]> {
    const response = await fetch(`${peer.baseUrl}/Users?count=1000`, {
      headers: { Authorization: `Bearer ${peer.token}` },
    });
    const list = (await response.json()) as { Resources?: { userName: string }[] };
    return (list.Resources ?? []).map((u) => u.userName).sort();
  }

  it('refuses a second writer with the holder named, and takes over at once from a killed one', async () => {
    const app = await setUp(40);
    delayMs = 100;

    // Two terminals start `roster sync` at the same moment: exactly one runs the job.
    const first = rosterSync();
    const second = rosterSync();
    const holder = await until('a roster sync to hold the job', () => {
      const lease = app.store.leases.holder(jobId);
      return lease?.cycleId && proxy.seen.some((r) => r.method === 'POST') ? lease : null;
    });
    const [runner, refused] = holder.pid === first.child.pid ? [first, second] : [second, first];
    expect(holder).toMatchObject({ label: 'roster sync', host: hostname(), pid: runner.child.pid });
    const loser = await refused.exited;
    expect(loser.code).toBe(2);
    expect(loser.stderr).toContain(
      `${jobName} is being run by roster sync (process ${runner.child.pid} on host ${hostname()}) since `,
    );
    expect(runner.child.exitCode).toBeNull();

    // The app (this process) is refused too, with the holder, its start time and the lease's expiry.
    const now = Date.now();
    await expect(app.engine.run(jobId, { dryRun: false, initiatedBy: admin })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        new RegExp(
          `^${jobName} is being run by roster sync \\(process ${runner.child.pid} on host ${hostname()}\\) ` +
            `since \\d\\d:\\d\\d:\\d\\d; wait for it to finish, or stop it\\. .*expires at \\d\\d:\\d\\d:\\d\\d \\(in \\d+ s\\)`,
        ),
      ) as unknown,
      details: { holder: { label: 'roster sync', pid: runner.child.pid, cycleId: holder.cycleId } },
    });
    await expect(app.engine.run(jobId, { dryRun: true, initiatedBy: admin })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(app.engine.isRunning(jobId)).toBe(true);
    expect(await app.dispatch('jobs.run', { id: jobId })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await app.dispatch('jobs.list', {})).toMatchObject({
      ok: true,
      value: [{ id: jobId, running: true }],
    });

    // Starting another Roster (the refused CLI already did, and a new app here) leaves the live cycle alone.
    open('the Roster app, opened again');
    expect(app.store.cycles.get(holder.cycleId!)?.status).toBe('running');

    // The holder is killed mid-cycle: no waiting for its lease to expire, its owner is provably dead.
    runner.child.kill('SIGKILL');
    expect((await runner.exited).signal).toBe('SIGKILL');
    delayMs = 0;
    const killedLease = app.store.leases.holder(jobId);
    expect(Date.parse(killedLease!.expiresAt)).toBeGreaterThan(now + 30_000);
    const cycle = await app.engine.run(jobId, { dryRun: false, initiatedBy: admin });
    expect(Date.now()).toBeLessThan(Date.parse(killedLease!.expiresAt));
    expect(cycle.status).toBe('completed');
    expect(cycle.counters.failed).toBe(0);
    expect(app.store.cycles.get(holder.cycleId!)).toMatchObject({
      status: 'stopped',
      error: {
        code: 'Interrupted',
        message: `roster sync (process ${runner.child.pid} on ${hostname()}) stopped while this cycle ran`,
      },
    });
    expect(warnings.join('\n')).toContain(
      `Took over ${jobName} from roster sync (process ${runner.child.pid}`,
    );
    expect(app.store.leases.holder(jobId)).toBeNull(); // released when the cycle ended
    expect(await usersAtServer()).toEqual(
      Array.from({ length: 40 }, (_, i) => `user${i + 1}@example.com`).sort(),
    );
    expect(app.store.links.count(jobId, 'User')).toBe(40);
  });

  it('waits for the lease of a holder on another host to expire: its pid proves nothing here', async () => {
    const app = await setUp(5);
    // A `roster run` on another machine holds the job (a folder shared between hosts), and its pid
    // happens to be free on this one.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const pid = Number(gone.stdout);
    const expiresAt = new Date(Date.now() + 2500);
    const raw = new BetterSqlite3(join(dataDir, databaseFileName));
    raw
      .prepare(
        `INSERT INTO job_leases (job_id, owner_id, owner_label, pid, host, cycle_id, acquired_at, renewed_at, expires_at)
         VALUES (?, 'agent-7-owner', 'roster run', ?, 'build-agent-7', 'agent-7-cycle', ?, ?, ?)`,
      )
      .run(jobId, pid, new Date().toISOString(), new Date().toISOString(), expiresAt.toISOString());
    raw
      .prepare(
        `INSERT INTO cycles (id, job_id, kind, dry_run, status, started_at, initiated_by)
         VALUES ('agent-7-cycle', ?, 'initial', 0, 'running', ?, 'ci')`,
      )
      .run(jobId, new Date().toISOString());
    raw.close();

    await expect(app.engine.run(jobId, { dryRun: true, initiatedBy: admin })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        new RegExp(`is being run by roster run \\(process ${pid} on host build-agent-7\\).*\\(in [1-3] s\\)`),
      ) as unknown,
    });
    expect(app.engine.refusal(jobId)?.message).toContain('roster run (process');
    open('another Roster started before the expiry');
    expect(app.store.cycles.get('agent-7-cycle')?.status).toBe('running');

    await until('the lease to expire', () => Date.now() >= expiresAt.getTime());
    expect(app.engine.isRunning(jobId)).toBe(false);
    const cycle = await app.engine.run(jobId, { dryRun: false, initiatedBy: admin });
    expect(cycle.status).toBe('completed');
    expect(app.store.cycles.get('agent-7-cycle')).toMatchObject({
      status: 'stopped',
      error: { code: 'Interrupted', message: expect.stringContaining('roster run (process') as unknown },
    });
    expect(warnings.join('\n')).toContain('whose lease had expired');
  });

  it('renews the lease while the cycle runs, and stops the cycle when another process took it over', async () => {
    // A 600 ms lease renewed every 200 ms, for a cycle of a few seconds.
    const app = await setUp(30, 600);
    delayMs = 60;
    const running = app.engine.run(jobId, { dryRun: false, initiatedBy: admin });
    const lease = await until('the cycle to hold the lease', () => app.store.leases.holder(jobId));
    await sleep(1500);
    const renewed = app.store.leases.holder(jobId)!;
    expect(renewed.ownerId).toBe(lease.ownerId);
    expect(Date.parse(renewed.renewedAt)).toBeGreaterThan(Date.parse(lease.acquiredAt) + 1000);
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.now());
    // Another owner in this same process is refused as well: the lease is per owner, not per pid.
    const other = open('roster sync', 600);
    await expect(other.engine.run(jobId, { dryRun: false, initiatedBy: admin })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('is being run by the Roster app') as unknown,
    });

    // What another process does after this one stalled past its lease's expiry: take the lease.
    const raw = new BetterSqlite3(join(dataDir, databaseFileName));
    raw
      .prepare(
        "UPDATE job_leases SET owner_id = 'thief', owner_label = 'roster sync', pid = 4242 WHERE job_id = ?",
      )
      .run(jobId);
    raw.close();

    const cycle = await running;
    expect(cycle.status).not.toBe('completed');
    expect(cycle.error).toMatchObject({
      code: 'LeaseLost',
      message: expect.stringContaining('the lease was taken over by roster sync (process 4242') as unknown,
    });
    expect(cycle.counters.created).toBeLessThan(30);
    // The loser does not release what is no longer its lease.
    expect(app.store.leases.holder(jobId)?.ownerId).toBe('thief');
    expect(warnings.join('\n')).toContain('taken over by roster sync');
  });

  it('frees the job at once when the app closes mid-cycle', async () => {
    const app = await setUp(30);
    delayMs = 60;
    const running = app.engine.run(jobId, { dryRun: false, initiatedBy: admin });
    await until('the cycle to write', () => proxy.seen.some((r) => r.method === 'POST'));
    apps.splice(apps.indexOf(app), 1);
    await app.close();
    expect((await running).status).toBe('cancelled');
    delayMs = 0;
    const next = open('roster sync');
    expect(next.store.leases.holder(jobId)).toBeNull();
    expect((await next.engine.run(jobId, { dryRun: false, initiatedBy: admin })).status).toBe('completed');
    expect(await usersAtServer()).toHaveLength(30);
  });
});
