/**
 * The built CLI as an admin runs it: a data folder set up with `roster connection import`, a bearer
 * token in a credentials directory (`roster secret set … --secrets-dir`, no keychain needed), `roster
 * job import`, then `roster sync` timed from spawn to exit, with the probe preloaded for the event
 * loop and the peak RSS. The cycle's own figures (duration inside the process, counters) are read
 * back from its record in roster.db.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  defaultGroupMappings,
  defaultUserMappings,
  genericScimTargetSchema,
} from '@shared/domain/scim-template';
import type { ProbeReport } from './probe';

const repo = resolve(import.meta.dirname, '../..');
/** A copy of the build taken when the bench starts: another build of out/ mid-run must not change what is measured. */
const snapshot = join(repo, 'out/bench/app/main');
const cliPath = join(snapshot, 'cli.js');

export function snapshotBuild(): void {
  rmSync(snapshot, { recursive: true, force: true });
  cpSync(join(repo, 'out/main'), snapshot, { recursive: true });
}
const probePath = join(import.meta.dirname, 'probe.cjs');
export const jobName = 'HR to App';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

export function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
  input = '',
): Promise<CliResult> {
  const started = performance.now();
  // ROSTER_BENCH_PROFILE=<dir>: a V8 CPU profile of every measured process, for "where the time goes".
  const profile = process.env['ROSTER_BENCH_PROFILE'];
  const flags = profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [];
  // ROSTER_BENCH_NODE_FLAGS="--no-opt": node and V8 flags for every measured process, for experiments
  // (what V8's optimising compiler costs, its deoptimisations with --trace-deopt).
  flags.push(...(process.env['ROSTER_BENCH_NODE_FLAGS'] ?? '').split(' ').filter(Boolean));
  const child = spawn(process.execPath, [...flags, '--require', probePath, cliPath, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(input);
  return new Promise((resolveRun, reject) => {
    child.once('error', reject);
    child.once('close', (status) => {
      // ROSTER_BENCH_OUTPUT=<dir>: every measured process's output kept (with --trace-gc among the
      // node flags above, what its collector did).
      const keep = process.env['ROSTER_BENCH_OUTPUT'];
      if (keep) writeFileSync(join(keep, `roster-${child.pid ?? 0}.txt`), `${stdout}\n${stderr}`);
      resolveRun({ status, stdout, stderr, wallMs: performance.now() - started });
    });
  });
}

export interface RosterFolder {
  dir: string;
  dataDir: string;
  secretsDir: string;
  csvPath: string;
}

export interface JobSettings {
  maxConcurrency: number;
  maxRequestsPerSecond: number;
}

async function must(
  args: string[],
  folder: { dataDir: string; secretsDir: string },
  input = '',
): Promise<string> {
  const result = await runCli(
    [...args, '--data-dir', folder.dataDir],
    { ROSTER_SECRETS_DIR: folder.secretsDir },
    input,
  );
  if (result.status !== 0)
    throw new Error(`roster ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** A data folder with the HR CSV connection, the SCIM connection and the job, as an admin makes it. */
export async function setUpFolder(
  dir: string,
  target: { baseUrl: string; token: string },
  settings: JobSettings,
): Promise<RosterFolder> {
  const folder: RosterFolder = {
    dir,
    dataDir: join(dir, 'data'),
    secretsDir: join(dir, 'credentials'),
    csvPath: join(dir, 'hr.csv'),
  };
  mkdirSync(folder.secretsDir, { recursive: true, mode: 0o700 });
  const connections = join(dir, 'connections.json');
  writeFileSync(
    connections,
    JSON.stringify({
      format: 'roster-connections',
      version: 1,
      connections: [
        {
          name: 'HR',
          kind: 'csv',
          settings: {
            path: folder.csvPath,
            keyColumn: 'employeeId',
            displayNameColumn: 'displayName',
            statusColumn: 'status',
            groupsColumn: 'groups',
            groupsSeparator: ';',
          },
        },
        {
          name: 'App',
          kind: 'scim',
          settings: { baseUrl: target.baseUrl, authType: 'bearer', timeoutSeconds: 60 },
        },
      ],
    }),
  );
  await must(['connection', 'import', connections], folder);
  // `roster secret path` names the file; `secret set` then records that the connection uses it.
  const line = (await must(['secret', 'path', '--secrets-dir', folder.secretsDir], folder))
    .split('\n')
    .find((l) => l.includes('bearerToken'));
  const file = line?.split('\t')[2];
  if (!file) throw new Error('roster secret path did not name the bearer token file');
  writeFileSync(file, `${target.token}\n`, { mode: 0o600 });
  await must(
    ['secret', 'set', 'App', 'bearerToken', '--secrets-dir', folder.secretsDir],
    folder,
    `${target.token}\n`,
  );
  const jobFile = join(dir, 'job.json');
  writeFileSync(
    jobFile,
    JSON.stringify({
      format: 'roster-job',
      version: 1,
      job: {
        name: jobName,
        sourceConnection: 'HR',
        targetConnection: 'App',
        settings: { scope: 'all', ...settings },
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
              jobTitle: 'jobTitle',
              mail: 'email',
              department: 'department',
            }),
          },
          {
            name: 'Groups',
            sourceObject: 'Group',
            targetObject: 'Group',
            attributeMappings: defaultGroupMappings(),
          },
        ],
        targetSchema: genericScimTargetSchema,
      },
    }),
  );
  await must(['job', 'import', jobFile], folder);
  return folder;
}

export interface SyncRun {
  status: number | null;
  /** Spawn to exit: start-up, the cycle, shutdown. */
  wallMs: number;
  /** The cycle as it recorded itself (startedAt → endedAt inside the process). */
  cycleMs: number;
  cycleStatus: string;
  counters: Record<string, number>;
  /** The longest event-loop delay while the cycle ran (a stall that began before it counts only from its start). */
  longestStallMs: number;
  /** The longest busy turn while the cycle ran: the CPU time of the longest gap (probe.ts), load-proof. */
  longestBusyMs: number;
  /** CPU time of the whole process (user + system), start-up included. */
  cpuMs: number;
  /** Of that, the event loop's thread (null where the probe cannot tell). */
  mainThreadCpuMs: number | null;
  peakRssMb: number;
  summary: string;
}

/** `turns: false` runs the probe without its 5 ms ticks (see probe.ts): the CPU then is Roster's alone. */
export async function sync(folder: RosterFolder, options: { turns?: boolean } = {}): Promise<SyncRun> {
  const probeFile = join(folder.dir, `probe-${Date.now()}.json`);
  const result = await runCli(['sync', jobName, '--data-dir', folder.dataDir], {
    ROSTER_SECRETS_DIR: folder.secretsDir,
    ROSTER_BENCH_PROBE: probeFile,
    ...(options.turns === false ? { ROSTER_BENCH_PROBE_TURNS: '0' } : {}),
  });
  const probe = JSON.parse(readFileSync(probeFile, 'utf8')) as ProbeReport;
  const db = new Database(join(folder.dataDir, 'roster.db'), { readonly: true });
  const cycle = db
    .prepare<[], { started_at: string; ended_at: string | null; status: string; counters_json: string }>(
      'SELECT started_at, ended_at, status, counters_json FROM cycles WHERE dry_run = 0 ORDER BY started_at DESC LIMIT 1',
    )
    .get();
  db.close();
  if (!cycle) throw new Error(`roster sync recorded no cycle: ${result.stderr}${result.stdout}`);
  const startedAt = Date.parse(cycle.started_at);
  const endedAt = cycle.ended_at ? Date.parse(cycle.ended_at) : startedAt;
  // A window's stall ended when the window did and lasted `ms`: keep the part inside the cycle.
  const inCycle = probe.windows
    .filter(([at]) => at >= startedAt && at <= endedAt + 150)
    .map(([at, ms]): [number, number] => [at, Math.min(ms, at - startedAt)]);
  return {
    status: result.status,
    wallMs: result.wallMs,
    cycleMs: endedAt - startedAt,
    cycleStatus: cycle.status,
    counters: JSON.parse(cycle.counters_json) as Record<string, number>,
    longestStallMs: Math.max(0, ...inCycle.map(([, ms]) => ms)),
    longestBusyMs: Math.max(
      0,
      ...probe.busy
        .filter(([at]) => at >= startedAt && at <= endedAt + 10)
        .map(([at, ms]) => Math.min(ms, at - startedAt)),
    ),
    peakRssMb: Math.round(probe.maxRssKb / 1024),
    cpuMs: probe.cpuMs,
    mainThreadCpuMs: probe.mainThreadCpuMs,
    // The cycle's line, also among trace lines that node flags may print before it.
    summary:
      result.stdout.split('\n').find((line) => line.startsWith('Cycle ')) ??
      result.stdout.trim().split('\n')[0] ??
      result.stderr.trim(),
  };
}
