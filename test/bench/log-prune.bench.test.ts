import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { pruneBatchRows } from '../../src-main/scheduler/log-retention';
import { openStore } from '../../src-main/store/store';
import { makeTempDir } from '../integration/temp-dir';
import { seedJob } from '../integration/retention/log-entries';

const rows = Number(process.env['ROSTER_BENCH_LOG_ROWS'] ?? 1_000_000);
const batches = 30;

/**
 * `npm run bench`: how long one retention batch holds the database (and the event loop) on a log of
 * a million entries spread over 60 days, half of them past a 30-day period. Printed, never asserted
 * against a time: the figure is what the batch size in log-retention.ts is chosen by.
 */
describe(`log retention on ${rows} entries`, () => {
  const dir = makeTempDir('roster-bench-prune-');
  afterAll(() => dir.remove());

  it(`deletes ${batches} batches per batch size, timing each`, () => {
    const path = join(dir.path, 'roster.db');
    const store = openStore({ path });
    const jobId = seedJob(store);
    // Filled in SQL (each row as the engine writes it: every column and every index), which is far
    // faster than building a million objects in JS; the store's own inserts are benched in export.
    const raw = new BetterSqlite3(path);
    raw.pragma('journal_mode = WAL');
    let started = Date.now();
    raw.exec(`
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows - 1})
      INSERT INTO log_entries (id, job_id, cycle_id, change_id, at, action, status, duration_ms,
        initiated_by_type, initiated_by_name, identity_type, source_id, source_display_name, target_id,
        target_display_name, modified_json, steps_json)
      SELECT lower(hex(randomblob(16))), '${jobId}', 'cycle-' || (i / 5000), lower(hex(randomblob(16))),
        strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 5184000.0 / ${rows}) || ' seconds'),
        'update', 'success', 12, 'system', 'schedule', 'User', 'E' || i, 'Person ' || i, 't' || i, 'Person ' || i,
        '[{"displayName":"title","oldValue":"Rep","newValue":"Senior Rep"}]',
        '[{"name":"Export","provisioningStepType":"export","status":"success","description":"Updated 1 attribute","details":{}}]'
      FROM n;
    `);
    raw.close();
    console.log(`[bench] wrote ${rows} log entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const cutoff = '2026-01-31T00:00:00.000Z'; // 30 of the 60 days are past it
    // The batch size in use, and smaller and larger ones for comparison.
    for (const size of [pruneBatchRows, 100, 200, 500]) {
      const times: number[] = [];
      let deleted = 0;
      started = Date.now();
      for (let b = 0; b < batches; b++) {
        const t0 = performance.now();
        deleted += store.log.pruneOlderThan(cutoff, size);
        times.push(performance.now() - t0);
      }
      const sorted = [...times].sort((x, y) => x - y);
      const at = (q: number) =>
        sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
      console.log(
        `[bench] prune: ${batches} batches of ${size} rows from ~${rows} entries — ` +
          `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted.at(-1)!.toFixed(2)} ms per batch ` +
          `(${Math.round((deleted / Math.max(1, Date.now() - started)) * 1000)} rows/s)` +
          (size === pruneBatchRows ? ' ← the size retention uses' : ''),
      );
      expect(deleted).toBe(batches * size);
    }
    store.close();
  });
});
