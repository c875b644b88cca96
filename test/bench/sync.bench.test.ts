import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src-main/sandbox/sandbox';
import { EngineKit, employee, employeesCsv } from '../integration/engine/engine-kit';
import { makeTempDir } from '../integration/temp-dir';
import { usePrivateKeyring } from '../integration/use-private-keyring';
import type { RecordedRequest, ScimPeer } from '../peers/scim-request-log';
import { startScimmyServer } from '../peers/scimmy-server';

const rows = Number(process.env['ROSTER_BENCH_ROWS'] ?? 10_000);
/**
 * scimmy's reference handlers are in-memory lists filtered per query, so its cost per request grows
 * with its size: the bench gives it fewer rows to measure Roster rather than scimmy.
 */
const scimmyRows = Number(process.env['ROSTER_BENCH_SCIMMY_ROWS'] ?? 2_000);

function report(label: string, figures: Record<string, string | number>): void {
  console.log(
    `[bench] ${label}: ${Object.entries(figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
  );
}

/** The Roster Sandbox as a peer: it counts the requests it serves itself (server side). */
async function sandboxPeer(): Promise<ScimPeer> {
  const dir = makeTempDir('roster-bench-sandbox-');
  const sandbox = await startSandbox({ dbPath: `${dir.path}/sandbox.db` });
  let base = 0;
  return {
    baseUrl: sandbox.baseUrl,
    token: sandbox.token,
    get requests(): RecordedRequest[] {
      const served = sandbox.stats().requests - base;
      return Array.from({ length: served }, () => ({ method: '?', path: '?', query: {}, body: undefined }));
    },
    resetRequests: () => void (base = sandbox.stats().requests),
    stop: async () => {
      await sandbox.stop();
      dir.remove();
    },
  };
}

// One server per file: scimmy keeps a process-wide configuration, and the sandbox is built on it too.
const servers: [string, () => Promise<ScimPeer>, boolean, number][] =
  process.env['ROSTER_BENCH_SERVER'] === 'scimmy'
    ? [['scimmy (in memory), users', () => startScimmyServer(), false, scimmyRows]]
    : [['Roster Sandbox (SQLite), users and groups', () => sandboxPeer(), true, rows]];

/**
 * `npm run bench`: a CSV (10,000 rows by default) into a SCIM server — the initial cycle, an unchanged
 * second cycle (must send zero requests: counted at the server), and a cycle with 1% of the rows
 * changed. Figures are printed; only request counts are asserted.
 */
describe.each(servers)('sync of a CSV into %s', (label, startPeer, withGroups, rows) => {
  let kit: EngineKit;
  const people = (changed: boolean) =>
    Array.from({ length: rows }, (_, i) =>
      employee(i + 1, {
        ...(withGroups ? { groups: i % 10 === 0 ? 'Sales;All' : 'All' } : {}),
        ...(changed && i % 100 === 0 ? { jobTitle: 'Senior Rep' } : {}),
      }),
    );

  beforeAll(async () => {
    usePrivateKeyring();
    kit = new EngineKit(await startPeer());
    await kit.start(people(false), { settings: { maxRequestsPerSecond: 1000, maxConcurrency: 8 } });
  });
  afterAll(async () => kit.stop());

  it('initial, unchanged and 1%-changed cycles', async () => {
    let started = Date.now();
    const initial = await kit.sync();
    report(`${label}, ${rows} rows: initial cycle`, {
      seconds: ((Date.now() - started) / 1000).toFixed(1),
      created: initial.counters.created,
      failed: initial.counters.failed,
      serverRequests: kit.peer.requests.length,
      rssMB: Math.round(process.memoryUsage().rss / 1e6),
    });
    expect(initial.counters.failed).toBe(0);

    kit.peer.resetRequests();
    started = Date.now();
    const unchanged = await kit.sync();
    report(`${label}, ${rows} rows: unchanged second cycle`, {
      seconds: ((Date.now() - started) / 1000).toFixed(2),
      unchanged: unchanged.counters.unchanged,
      serverRequests: kit.peer.requests.length,
    });
    expect(kit.peer.requests).toHaveLength(0);

    writeFileSync(kit.csvPath, employeesCsv(people(true)));
    kit.peer.resetRequests();
    started = Date.now();
    const onePercent = await kit.sync();
    report(`${label}, ${rows} rows: 1% changed`, {
      seconds: ((Date.now() - started) / 1000).toFixed(2),
      updated: onePercent.counters.updated,
      serverRequests: kit.peer.requests.length,
    });
    expect(onePercent.counters.updated).toBe(rows / 100);
  });
});
