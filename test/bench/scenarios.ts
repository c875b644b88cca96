/**
 * The scenarios of issue 11's table, each against a SCIM server in its own process, with the raw
 * client's figure measured in the same run where the table compares against it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedWrite, ServerStats } from './bench-server';
import { directoryCsv, type Directory } from './people';
import { startCpuBurner } from './cpu-burner';
import { listAll, replayInitial, replayUpdates, type RawRun } from './raw-client';
import { setUpFolder, sync, type JobSettings, type RosterFolder, type SyncRun } from './roster-cli';
import { startBenchServer, type BenchServer, type ServerKind } from './server-process';

export const benchSettings: JobSettings = { maxConcurrency: 4, maxRequestsPerSecond: 1000 };

export function scratch(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `roster-bench-${name}-`));
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export interface Measured {
  roster: SyncRun;
  requests: ServerStats;
}

/**
 * How the client kept the server busy: from its first request to its last, how long none was in
 * flight (the client's own work between requests, a cycle's source read among it), and the server's
 * own CPU (a diagnostic: with the client's CPU, how much of the machine's two cores the run took).
 */
function serverBusy(requests: ServerStats): string {
  const span = (requests.lastAt ?? 0) - (requests.firstAt ?? 0);
  return `server: span ${(span / 1000).toFixed(2)} s, idle ${((requests.idleMs ?? 0) / 1000).toFixed(2)} s, CPU ${((requests.cpuMs ?? 0) / 1000).toFixed(2)} s`;
}

/**
 * The part of Roster's CPU its event loop's thread used: the rest went to V8's helper threads (at 2,000
 * users, its optimising compiles were most of them: see docs/performance.md), libuv and the checkpoint
 * thread.
 */
function mainThread(run: SyncRun): string {
  return run.mainThreadCpuMs === null ? '' : ` (main thread ${(run.mainThreadCpuMs / 1000).toFixed(2)} s)`;
}

/** One `roster sync`, with the requests the server counted during it. */
export async function measuredSync(
  server: BenchServer,
  folder: RosterFolder,
  label: string,
  options: { turns?: boolean } = {},
): Promise<Measured> {
  await server.reset();
  const roster = await sync(folder, options);
  const requests = await server.stats();
  log(
    `${label}: ${(roster.wallMs / 1000).toFixed(2)} s wall, ${(roster.cpuMs / 1000).toFixed(2)} s CPU${mainThread(roster)}, cycle ${(roster.cycleMs / 1000).toFixed(2)} s, ` +
      `${requests.total} requests, ${serverBusy(requests)}, RSS ${roster.peakRssMb} MB, longest stall ${roster.longestStallMs} ms (busy turn ${roster.longestBusyMs} ms CPU) — ${roster.summary}`,
  );
  if (roster.cycleStatus !== 'completed' || (roster.counters['failed'] ?? 0) > 0)
    throw new Error(`${label}: the cycle did not complete cleanly: ${roster.summary}`);
  return { roster, requests };
}

/** `measuredSync` with the server recording the bodies of every write Roster sent, for the raw client. */
async function recordedSync(
  server: BenchServer,
  folder: RosterFolder,
  label: string,
  options: { turns?: boolean } = {},
): Promise<{ run: Measured; writes: RecordedWrite[] }> {
  await server.record(true);
  const run = await measuredSync(server, folder, label, options);
  const writes = await server.writes();
  await server.record(false);
  return { run, writes };
}

export interface InitialComparison {
  label: string;
  directory: Directory;
  server: ServerKind;
  runs: { roster: Measured; raw: RawRun; rawBesideRosterCpu?: RawRun & { cores: number } }[];
  rosterSeconds: number;
  rawSeconds: number;
  ratio: number;
  rosterRequests: number;
  rawRequests: number;
  /** CPU seconds of the roster process and of the raw client: the load-independent part of the cost. */
  rosterCpuSeconds: number;
  rawCpuSeconds: number;
  /** The raw client beside a load of Roster's CPU rate (median; null unless measured: rawBesideRosterCpu). */
  rawBesideRosterCpuSeconds: number | null;
}

/**
 * An initial cycle against a fresh server, then the raw client's replay of the writes Roster sent
 * against another fresh server, `repeats` times; medians of each. The last Roster folder and its
 * server are handed to `keep` (for the no-op and delta cycles that follow), the rest are stopped.
 */
export async function compareInitial(
  label: string,
  kind: ServerKind,
  directory: Directory,
  repeats: number,
  keep?: (kept: { server: BenchServer; folder: RosterFolder; initial: Measured }) => void,
  /** Also replay beside a load of Roster's CPU rate after each run (rawBesideRosterCpu). */
  besideRosterCpu = false,
): Promise<InitialComparison> {
  const runs: InitialComparison['runs'] = [];
  for (let run = 1; run <= repeats; run++) {
    const dir = scratch(kind);
    const server = await startBenchServer(kind, { dir });
    const folder = await setUpFolder(dir, server, benchSettings);
    writeFileSync(folder.csvPath, directoryCsv(directory));
    // Without the probe's ticks: the raw client runs without a probe, and the ratio is of the two.
    const { run: roster, writes } = await recordedSync(server, folder, `${label}, run ${run}: Roster`, {
      turns: false,
    });
    const recorded = { Users: await listAll(server, 'Users'), Groups: await listAll(server, 'Groups') };
    if (run === repeats && keep) keep({ server, folder, initial: roster });
    else await server.stop();

    const rawDir = scratch(`${kind}-raw`);
    const rawServer = await startBenchServer(kind, { dir: rawDir });
    await rawServer.reset();
    const raw = await replayInitial(writes, recorded, rawServer, benchSettings.maxConcurrency);
    const rawRequests = await rawServer.stats();
    await rawServer.stop();
    log(
      `${label}, run ${run}: raw client ${(raw.wallMs / 1000).toFixed(2)} s, ${(raw.cpuMs / 1000).toFixed(2)} s CPU, ${raw.requests} requests, ${serverBusy(rawRequests)}, ${raw.failures} failed`,
    );
    if (raw.failures > 0)
      throw new Error(
        `${label}: the raw client's replay had ${raw.failures} failures, first: ${raw.firstFailure}`,
      );
    const burned = besideRosterCpu ? await rawBesideRosterCpu(roster, writes, recorded, kind) : undefined;
    runs.push({ roster, raw, ...(burned ? { rawBesideRosterCpu: burned } : {}) });
  }
  const burnRuns = runs.flatMap((r) => (r.rawBesideRosterCpu ? [r.rawBesideRosterCpu] : []));
  const rosterSeconds = median(runs.map((r) => r.roster.roster.wallMs)) / 1000;
  const rawSeconds = median(runs.map((r) => r.raw.wallMs)) / 1000;
  return {
    label,
    directory,
    server: kind,
    runs,
    rosterSeconds,
    rawSeconds,
    ratio: rosterSeconds / rawSeconds,
    rosterRequests: median(runs.map((r) => r.roster.requests.total)),
    rawRequests: median(runs.map((r) => r.raw.requests)),
    rosterCpuSeconds: median(runs.map((r) => r.roster.roster.cpuMs)) / 1000,
    rawCpuSeconds: median(runs.map((r) => r.raw.cpuMs)) / 1000,
    rawBesideRosterCpuSeconds: burnRuns.length > 0 ? median(burnRuns.map((r) => r.wallMs)) / 1000 : null,
  };
}

/**
 * The raw client's replay once more, beside a load that takes as much of the
 * cores as Roster's process took on average in that run (its CPU over its wall time) and does nothing
 * else (cpu-burner.ts). What the replay then loses is what Roster's CPU alone costs the server on this
 * machine, apart from anything Roster does between requests.
 */
async function rawBesideRosterCpu(
  roster: Measured,
  writes: readonly RecordedWrite[],
  recorded: Parameters<typeof replayInitial>[1],
  kind: ServerKind,
): Promise<RawRun & { cores: number }> {
  const cores = roster.roster.cpuMs / roster.roster.wallMs;
  const server = await startBenchServer(kind, { dir: scratch(`${kind}-raw-burn`) });
  await server.reset();
  const burner = startCpuBurner(cores);
  try {
    const raw = await replayInitial(writes, recorded, server, benchSettings.maxConcurrency);
    log(
      `raw client beside a load of Roster's CPU rate (${cores.toFixed(2)} of a core): ${(raw.wallMs / 1000).toFixed(2)} s, ${serverBusy(await server.stats())}, ${raw.failures} failed`,
    );
    return { ...raw, cores };
  } finally {
    await burner.stop();
    await server.stop();
  }
}

export interface Ladder {
  users: number;
  initial: Measured;
  noop: Measured;
  /** The 1 % delta there and back, with the raw client's replay of each. */
  delta: { runs: Measured[]; raw: RawRun[]; rosterMs: number; rawMs: number; changed: number };
  groupGain?: {
    members: number;
    groupPatches: number;
    maxMembersPerPatch: number;
    /** Every request of that cycle: the members' own users changed only in the groups column. */
    requests: number;
    byKind: Record<string, number>;
    wallMs: number;
  };
}

/**
 * At one size: the initial cycle (unless one is handed in), an unchanged cycle, a cycle with 1 % of
 * the users changed (and the raw client's GET + PATCH of the same users), and optionally one group
 * gaining `groupGain` members.
 */
export async function ladder(
  users: number,
  options: {
    groupGain?: number;
    /** The folder and server of an initial cycle already run, with its directory's group count. */
    from?: { server: BenchServer; folder: RosterFolder; initial: Measured; groups: number };
  },
): Promise<Ladder> {
  // The same directory as the initial cycle's, or the delta would change every user's groups.
  const groups = options.from?.groups ?? Math.max(1, Math.round(users / 100));
  const base: Directory = { users, groups };
  let server: BenchServer;
  let folder: RosterFolder;
  let initial: Measured;
  if (options.from) {
    ({ server, folder, initial } = options.from);
  } else {
    const dir = scratch(`ladder-${users}`);
    server = await startBenchServer('sandbox', { dir });
    folder = await setUpFolder(dir, server, benchSettings);
    writeFileSync(folder.csvPath, directoryCsv(base));
    initial = await measuredSync(server, folder, `${users} users: initial`);
  }
  const noop = await measuredSync(server, folder, `${users} users: unchanged`);

  // The 1 % delta there and back: every 100th user's title changes, then changes back. The raw
  // client replays both only after both ran, so that each of its PATCHes changes the user as
  // Roster's did: replayed right after Roster's, a PATCH would send the values the server already
  // holds, which the Sandbox answers without writing (an earlier bench did that, and its baseline was
  // 15–25 % short of what the target needs for the changes). The second replay leaves the server as
  // Roster recorded it.
  const deltaRun = (label: string, directory: Directory) => {
    writeFileSync(folder.csvPath, directoryCsv(directory));
    return recordedSync(server, folder, `${users} users: ${label}`);
  };
  const there = await deltaRun('1 % changed', { ...base, changeEvery: 100 });
  const back = await deltaRun('the same 1 % changed back', base);
  const replays: RawRun[] = [];
  for (const [label, writes] of [
    ['changed', there.writes],
    ['changed back', back.writes],
  ] as const) {
    await server.reset();
    const raw = await replayUpdates(writes, server, benchSettings.maxConcurrency);
    // The server's CPU for the raw client's requests, beside what it needed for Roster's same requests.
    log(
      `${users} users: raw GET + PATCH of the same ${writes.length} users, ${label}: ${(raw.wallMs / 1000).toFixed(2)} s, ${(raw.cpuMs / 1000).toFixed(2)} s CPU, ${serverBusy(await server.stats())}`,
    );
    if (raw.failures > 0) throw new Error(`${users} users: the raw replay failed: ${raw.firstFailure}`);
    replays.push(raw);
  }
  const result: Ladder = {
    users,
    initial,
    noop,
    delta: {
      runs: [there.run, back.run],
      raw: replays,
      rosterMs: mean([there.run, back.run].map((m) => m.roster.wallMs)),
      rawMs: mean(replays.map((r) => r.wallMs)),
      changed: Math.floor(users / 100),
    },
  };

  if (options.groupGain) {
    writeFileSync(folder.csvPath, directoryCsv({ ...base, extraMembersOfFirstGroup: options.groupGain }));
    const gain = await measuredSync(
      server,
      folder,
      `${users} users: one group gains ${options.groupGain} members`,
    );
    result.groupGain = {
      members: options.groupGain,
      groupPatches: gain.requests.byKind['PATCH /Groups/<id>'] ?? 0,
      maxMembersPerPatch: 100,
      requests: gain.requests.total,
      byKind: gain.requests.byKind,
      wallMs: gain.roster.wallMs,
    };
  }
  await server.stop();
  return result;
}

export interface AdaptiveResult {
  limit: number;
  ceiling: number;
  users: number;
  seconds: number;
  accepted: number;
  throttled: number;
  /** Accepted requests per second between the first and the last request the server saw. */
  achievedPerSecond: number;
  /** The same cycle against the same server without the limit: what this machine does unthrottled. */
  unthrottledPerSecond: number;
  /** achieved / min(R, unthrottled): a loaded machine that cannot reach R does not count against pacing. */
  ratioOfLimit: number;
  throttledShare: number;
  /**
   * Every rate-limited run, in the order they ran; the figures above are the median run's (by
   * ratio): one run swung ±0.02 R from the next (2026-12-04).
   */
  runs: { ratioOfLimit: number; throttledShare: number; seconds: number }[];
}

/** Requests per second accepted between the first and the last request the server saw. */
function acceptedRate(requests: ServerStats): number {
  const span = (requests.lastAt ?? 0) - (requests.firstAt ?? 0);
  return span > 0 ? ((requests.total - requests.throttled) / span) * 1000 : 0;
}

/** One initial cycle of `users` into a fresh Sandbox that allows `limit` requests/s (0: no limit). */
async function initialInto(limit: number, users: number, label: string): Promise<Measured> {
  const dir = scratch('rate-limited');
  const server = await startBenchServer('sandbox', { dir, ...(limit > 0 ? { rate: limit } : {}) });
  const folder = await setUpFolder(dir, server, benchSettings);
  writeFileSync(folder.csvPath, directoryCsv({ users, groups: Math.max(1, Math.round(users / 100)) }));
  const run = await measuredSync(server, folder, label);
  await server.stop();
  return run;
}

/**
 * Targets that allow `limit` requests/s each (429 + Retry-After beyond): how close Roster gets on its
 * own. The same cycles without the limit (the controls) run first, so that a machine too loaded to
 * reach R is seen as such; side by side, as each reads far more than any R here either way, and the
 * quick bench is 3 s shorter. The rate-limited cycles then run side by side, each against its own
 * server: they wait on their limits and use a few per cent of a core each (5–8 s of CPU over
 * 35–70 s), so neither slows the other, and the bench is shorter by the length of all but the longest.
 * `repeats` rounds of them, each on fresh servers; each row is the median run by ratio.
 */
export async function adaptivePacing(
  rates: readonly { limit: number; users: number }[],
  repeats = 1,
): Promise<AdaptiveResult[]> {
  const controls = await Promise.all(
    rates.map(({ limit, users }) => initialInto(0, users, `unthrottled control for R = ${limit}/s`)),
  );
  const rounds: Measured[][] = [];
  for (let round = 1; round <= repeats; round++) {
    rounds.push(
      await Promise.all(
        rates.map(({ limit, users }) =>
          initialInto(limit, users, `rate-limited target (${limit}/s), run ${round}`),
        ),
      ),
    );
  }
  return rates.map(({ limit, users }, i) => {
    const control = controls[i] as Measured;
    const unthrottledPerSecond = acceptedRate(control.requests);
    const bound = Math.min(limit, unthrottledPerSecond);
    const runs = rounds.map((round) => {
      const run = round[i] as Measured;
      const achievedPerSecond = acceptedRate(run.requests);
      return { run, achievedPerSecond, ratioOfLimit: achievedPerSecond / bound };
    });
    const median = [...runs].sort((a, b) => a.ratioOfLimit - b.ratioOfLimit)[Math.floor(runs.length / 2)];
    const { run, achievedPerSecond, ratioOfLimit } = median as (typeof runs)[number];
    return {
      limit,
      ceiling: benchSettings.maxRequestsPerSecond,
      users,
      seconds: run.roster.cycleMs / 1000,
      accepted: run.requests.total - run.requests.throttled,
      throttled: run.requests.throttled,
      achievedPerSecond,
      unthrottledPerSecond,
      ratioOfLimit,
      throttledShare: run.requests.throttled / run.requests.total,
      runs: runs.map((r) => ({
        ratioOfLimit: r.ratioOfLimit,
        throttledShare: r.run.requests.throttled / r.run.requests.total,
        seconds: r.run.roster.cycleMs / 1000,
      })),
    };
  });
}
