/**
 * The provisioning log at scale, in this process against a real store file: `entries` rows spread
 * over two jobs and many cycles (5 % failures), then the first page (200 rows, the UI's page) of every
 * filter combination the log page offers, and the flat CSV export of one job.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { LogQuery, ProvisioningLogEntry } from '@shared/domain/provisioning';
import { exportLogEntries } from '../../src-main/reports/log-export';
import { newLogId } from '../../src-main/store/log-ids';
import { openStore, type Store } from '../../src-main/store/store';

export interface LogBenchResult {
  entries: number;
  /** Filter combination → median milliseconds for the first page. */
  pages: Record<string, number>;
  slowestPage: { filter: string; ms: number };
  /** Filter combination → median CPU milliseconds (user + system) of the same pages: what load does not inflate. */
  pagesCpu: Record<string, number>;
  export: {
    rows: number;
    seconds: number;
    rowsPerSecond: number;
    /** Rows per CPU second of this process (the figure a loaded machine inflates least). */
    rowsPerCpuSecond: number;
    heapGrowthMb: number;
    /** Growth of the process's resident set during the export (SQLite's page cache counts here). */
    rssGrowthMb: number;
    fileMb: number;
  };
  /** Log writes into the seeded log in a cycle's batch size. */
  insert: { batchSize: number; cpuMicrosPerEntry: number; wallMicrosPerEntry: number };
}

function seed(store: Store, jobIds: readonly string[]): void {
  const now = new Date().toISOString();
  for (const id of ['s', 't'])
    store.connections.insert({
      id,
      name: id === 's' ? 'HR' : 'App',
      kind: id === 's' ? 'csv' : 'scim',
      settings: {},
      secretIds: {},
      createdAt: now,
      updatedAt: now,
    });
  for (const id of jobIds)
    store.jobs.insert({
      id,
      name: `Bench ${id}`,
      sourceConnectionId: 's',
      targetConnectionId: 't',
      config: {} as never,
      status: 'Active',
      statusInfo: {},
      watermark: null,
      createdAt: now,
      updatedAt: now,
    });
}

function entry(i: number, jobId: string, cycleId: string, at: string): ProvisioningLogEntry {
  const failed = i % 20 === 0;
  return {
    // The ids the engine makes (time-ordered), which keep the id and change indexes appending.
    id: newLogId(),
    activityDateTime: at,
    jobId,
    cycleId,
    changeId: newLogId(),
    provisioningAction: i % 7 === 0 ? 'create' : 'update',
    status: failed ? 'failure' : 'success',
    durationInMilliseconds: 12,
    initiatedBy: { type: 'system', displayName: 'Roster' },
    sourceIdentity: { id: `E${i}`, displayName: `Person ${i}`, identityType: 'User' },
    targetIdentity: { id: `t${i}`, displayName: `Person ${i}`, identityType: 'User' },
    modifiedProperties: [{ displayName: 'title', oldValue: 'Rep', newValue: 'Senior Rep' }],
    provisioningSteps: [
      {
        name: 'Import',
        provisioningStepType: 'import',
        status: 'success',
        description: 'Read from HR',
        details: {},
      },
      {
        name: 'Export',
        provisioningStepType: 'export',
        status: failed ? 'failure' : 'success',
        description: 'Updated 1 attribute',
        details: { targetId: `t${i}` },
      },
    ],
    ...(failed
      ? {
          errorInformation: {
            errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
            errorCategory: 'NonServiceFailure',
            reason: 'The target refused the value',
          },
        }
      : {}),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The bench's log: `entries` rows over two jobs and 100 cycles, one second apart from 2025-01-01. */
export function seedLog(store: Store, entries: number): { cycles: string[]; start: number } {
  const jobs = ['job-a', 'job-b'];
  seed(store, jobs);
  const cycles = Array.from({ length: 100 }, () => randomUUID());
  const start = Date.parse('2025-01-01T00:00:00Z');
  let batch: ProvisioningLogEntry[] = [];
  for (let i = 0; i < entries; i++) {
    const at = new Date(start + i * 1000).toISOString();
    batch.push(
      entry(i, jobs[i % 2] as string, cycles[Math.floor((i / entries) * cycles.length)] as string, at),
    );
    if (batch.length === 10_000) {
      store.log.insertMany(batch);
      batch = [];
    }
  }
  store.log.insertMany(batch);
  return { cycles, start };
}

/** The log page's filter combinations over a log seeded by `seedLog`. */
export function pageFilters(
  entries: number,
  cycles: readonly string[],
  start: number,
): Record<string, Omit<LogQuery, 'limit'>> {
  const someCycle = cycles[37] as string;
  return {
    none: {},
    job: { jobId: 'job-a' },
    status: { status: 'failure' },
    'job + status': { jobId: 'job-a', status: 'failure' },
    action: { action: 'create' },
    'identity (prefix)': { identity: 'Person 12345' },
    // "Person 1" matches 11 % of the entries, all of them far from the newest.
    'identity (common prefix, old)': { identity: 'Person 1' },
    'identity (source id)': { identity: `E${Math.floor(entries / 3)}` },
    'job + identity': { jobId: 'job-b', identity: 'Person 9' },
    'job + identity (old)': { jobId: 'job-b', identity: 'Person 1' },
    'status + identity (old)': { status: 'failure', identity: 'Person 2' },
    cycle: { cycleId: someCycle },
    'cycle + status': { cycleId: someCycle, status: 'failure' },
    'job + cycle': { jobId: 'job-a', cycleId: someCycle },
    'job + time range': { jobId: 'job-a', since: new Date(start + entries * 500).toISOString() },
    'time range (old)': { until: new Date(start + entries * 100).toISOString() },
    'time range (a day, mid-log)': {
      since: new Date(start + entries * 400).toISOString(),
      until: new Date(start + entries * 400 + 86_400_000).toISOString(),
    },
    'status + time range (a day)': {
      status: 'failure',
      since: new Date(start + entries * 400).toISOString(),
      until: new Date(start + entries * 400 + 86_400_000).toISOString(),
    },
    'status, next page': { status: 'failure', beforeSeq: Math.floor(entries / 2) },
  };
}

const cpuMs = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1000;

/** The first page (200 rows) of every filter: median wall and CPU milliseconds of 5 runs each. */
export function measurePages(
  store: Store,
  filters: Record<string, Omit<LogQuery, 'limit'>>,
): Pick<LogBenchResult, 'pages' | 'pagesCpu' | 'slowestPage'> {
  const pages: Record<string, number> = {};
  const pagesCpu: Record<string, number> = {};
  for (const [name, filter] of Object.entries(filters)) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      store.log.page({ ...filter, limit: 200 });
      const used = process.cpuUsage(cpuStarted);
      times.push(performance.now() - started);
      cpu.push(cpuMs(used));
    }
    pages[name] = Math.round(median(times) * 10) / 10;
    pagesCpu[name] = Math.round(median(cpu) * 10) / 10;
  }
  const slowest = Object.entries(pages).sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  return { pages, pagesCpu, slowestPage: { filter: slowest[0], ms: slowest[1] } };
}

/** The flat CSV export of one job (half the log), with its heap growth and the process's peak RSS. */
export async function measureExport(store: Store, dir: string): Promise<LogBenchResult['export']> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  let peakHeap = heapBefore;
  let peakRss = rssBefore;
  const sample = () => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  };
  const sampler = setInterval(sample, 50);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const [file] = await exportLogEntries(store.log.iterate({ jobId: 'job-a' }), {
    dir,
    baseName: 'bench',
    format: 'csv',
    bom: true,
    systems: () => ({ source: 'HR', target: 'App' }),
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  clearInterval(sampler);
  sample();
  const rows = file?.rows ?? 0;
  return {
    rows,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / seconds),
    rowsPerCpuSecond: Math.round(rows / (cpuMs(cpu) / 1000)),
    heapGrowthMb: Math.round((peakHeap - heapBefore) / 1e6),
    rssGrowthMb: Math.round((peakRss - rssBefore) / 1e6),
    fileMb: Math.round(statSync(file?.path ?? '').size / 1e6),
  };
}

/**
 * What a cycle pays per log entry: `count` entries written in batches of `batchSize` (a write-behind
 * commit's size) into the seeded log, so every index is as deep as in a big data folder. CPU
 * microseconds per entry, median of three rounds.
 */
export function measureInsert(
  store: Store,
  entries: number,
  count = 6000,
  batchSize = 100,
): LogBenchResult['insert'] {
  const cycle = randomUUID();
  const rounds: number[] = [];
  const wall: number[] = [];
  let i = entries;
  for (let round = 0; round < 3; round++) {
    const batches: ProvisioningLogEntry[][] = [];
    for (let b = 0; b < count / batchSize; b++)
      batches.push(
        Array.from({ length: batchSize }, () => {
          i++;
          return entry(i, i % 2 ? 'job-b' : 'job-a', cycle, new Date().toISOString());
        }),
      );
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (const batch of batches) store.log.insertMany(batch);
    rounds.push((cpuMs(process.cpuUsage(cpuStarted)) * 1000) / count);
    wall.push(((performance.now() - started) * 1000) / count);
  }
  return {
    batchSize,
    cpuMicrosPerEntry: Math.round(median(rounds)),
    wallMicrosPerEntry: Math.round(median(wall)),
  };
}

export async function runLogBench(dir: string, entries: number): Promise<LogBenchResult> {
  const store = openStore({ path: join(dir, 'roster.db') });
  try {
    const { cycles, start } = seedLog(store, entries);
    const pages = measurePages(store, pageFilters(entries, cycles, start));
    const exported = await measureExport(store, dir);
    // Last: its entries are the newest, which would change the pages above.
    const insert = measureInsert(store, entries);
    return { entries, ...pages, export: exported, insert };
  } finally {
    store.close();
  }
}
