import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScimmyServer } from '../peers/scimmy-server';
import { EngineKit, employee, employeesCsv } from '../integration/engine/engine-kit';
import { usePrivateKeyring } from '../integration/use-private-keyring';

const rows = Number(process.env['ROSTER_BENCH_ROWS'] ?? 10_000);

function report(label: string, figures: Record<string, string | number>): void {
  console.log(
    `[bench] ${label}: ${Object.entries(figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
  );
}

/**
 * `npm run bench`: a 10,000-row CSV into a real SCIM server (scimmy, in memory) — the initial cycle,
 * an unchanged second cycle (must send zero requests: counted at the server), and a cycle with 1% of
 * the rows changed. Figures are printed; only request counts are asserted.
 */
describe(`sync of a ${rows}-row CSV`, () => {
  let kit: EngineKit;
  beforeAll(async () => {
    usePrivateKeyring();
    kit = new EngineKit(await startScimmyServer());
    const people = Array.from({ length: rows }, (_, i) =>
      employee(i + 1, { groups: i % 10 === 0 ? 'Sales;All' : 'All' }),
    );
    await kit.start(people, { settings: { maxRequestsPerSecond: 1000, maxConcurrency: 8 } });
  });
  afterAll(async () => kit.stop());

  it('initial, unchanged and 1%-changed cycles', async () => {
    let started = Date.now();
    const initial = await kit.sync();
    report('initial cycle', {
      seconds: ((Date.now() - started) / 1000).toFixed(1),
      created: initial.counters.created,
      failed: initial.counters.failed,
      requests: kit.peer.requests.length,
      rssMB: Math.round(process.memoryUsage().rss / 1e6),
    });
    expect(initial.counters.failed).toBe(0);

    kit.peer.resetRequests();
    started = Date.now();
    const unchanged = await kit.sync();
    report('unchanged second cycle', {
      seconds: ((Date.now() - started) / 1000).toFixed(2),
      unchanged: unchanged.counters.unchanged,
      serverRequests: kit.peer.requests.length,
    });
    expect(kit.peer.requests).toHaveLength(0);

    const changed = Array.from({ length: rows }, (_, i) =>
      employee(i + 1, {
        groups: i % 10 === 0 ? 'Sales;All' : 'All',
        ...(i % 100 === 0 ? { jobTitle: 'Senior Rep' } : {}),
      }),
    );
    writeFileSync(kit.csvPath, employeesCsv(changed));
    kit.peer.resetRequests();
    started = Date.now();
    const onePercent = await kit.sync();
    report('1% changed', {
      seconds: ((Date.now() - started) / 1000).toFixed(2),
      updated: onePercent.counters.updated,
      serverRequests: kit.peer.requests.length,
    });
    expect(onePercent.counters.updated).toBe(rows / 100);
  });
});
