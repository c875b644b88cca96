import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { csvSourceOptionsSchema } from '../../src-main/connectors/csv/csv-options';
import { csvFingerprint } from '../../src-main/connectors/csv/fingerprint';
import { loadCycleState } from '../../src-main/engine/load-cycle-state';
import { openStore } from '../../src-main/store/store';
import { makeTempDir } from '../integration/temp-dir';
import { seedJob } from '../integration/retention/log-entries';
import { directoryCsv } from './people';

const users = Number(process.env['ROSTER_BENCH_USERS'] ?? 100_000);

interface Watched<T> {
  value: T;
  ms: number;
  /** CPU time the work used (user + system): what a loaded machine does not inflate. */
  cpuMs: number;
  /** The longest turn, as the CPU time used between two ticks of a 5 ms timer (see probe.ts). */
  busyMs: number;
  heapMb: number;
}

/** Runs `work`, measuring its wall and CPU time, its longest busy turn and the heap it leaves. */
async function watched<T>(work: () => Promise<T> | T): Promise<Watched<T>> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let busyMs = 0;
  let lastTick = performance.now();
  let lastCpu = process.cpuUsage();
  const tick = () => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    busyMs = Math.max(busyMs, Math.min((cpu.user + cpu.system) / 1000, now - lastTick));
    lastTick = now;
    lastCpu = process.cpuUsage();
  };
  const timer = setInterval(tick, 5);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // The turn that ran the work's last synchronous step ends here.
  tick();
  clearInterval(timer);
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000, busyMs, heapMb };
}

/**
 * `npm run bench`: what a cycle over a large job does before it reads the source (issue 11). The
 * links and state of `users` users (each link with the exported values of the default mappings) are
 * read whole, as cycles did, and page by page, as they do now; and the unchanged-source check's only
 * cost that grows with the directory, the CSV's content hash. Printed, never asserted against a time.
 */
describe(`a cycle's state for ${users} users`, () => {
  const dir = makeTempDir('roster-bench-state-');
  afterAll(() => dir.remove());

  it('loads links and state whole and in pages, and hashes the CSV', async () => {
    const path = join(dir.path, 'roster.db');
    const store = openStore({ path });
    const jobId = seedJob(store);
    const raw = new BetterSqlite3(path);
    raw.pragma('journal_mode = WAL');
    raw.exec(`
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${users - 1})
      INSERT INTO links (job_id, object_type, anchor, target_id, display_name, exported_json, active, members_json, linked_at, updated_at)
      SELECT '${jobId}', 'User', printf('E%07d', i), lower(hex(randomblob(16))), 'Person ' || i,
        json_object('userName', 'person' || i || '@example.com', 'externalId', printf('E%07d', i),
          'displayName', 'Person ' || i, 'name.givenName', 'Given' || i, 'name.familyName', 'Family' || i,
          'title', 'Rep', 'emails[type eq "work"].value', 'person' || i || '@example.com',
          'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', 'Sales', 'active', json('true')),
        1, '[]', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
      FROM n;
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${users - 1})
      INSERT INTO source_objects (job_id, object_type, anchor, state_hash, display_name)
      SELECT '${jobId}', 'User', printf('E%07d', i), lower(hex(randomblob(32))), 'Person ' || i FROM n;
    `);
    raw.close();

    const whole = await watched(
      () => store.links.forJob(jobId).length + store.sourceState.forJob(jobId).size,
    );
    const paged = await watched(() => loadCycleState(store, jobId, new AbortController().signal));
    expect(whole.value).toBe(2 * users);
    expect(paged.value.links.size + paged.value.previousHashes.size).toBe(2 * users);
    const perObjectKb = (paged.heapMb * 1024) / users;

    const csvPath = join(dir.path, 'hr.csv');
    writeFileSync(csvPath, directoryCsv({ users, groups: Math.round(users / 100) }));
    const options = csvSourceOptionsSchema.parse({ path: csvPath, keyColumn: 'employeeId' });
    const hash = await watched(() => csvFingerprint(options, ['User', 'Group']));
    expect(hash.value).toMatch(/^csv2:/);

    const f = (n: number) => n.toFixed(0);
    process.stdout.write(
      `\n[bench] links + state of ${users} users, read whole: ${f(whole.ms)} ms wall, ${f(whole.cpuMs)} ms CPU in one turn; ` +
        `in pages: ${f(paged.ms)} ms wall, ${f(paged.cpuMs)} ms CPU, longest turn ${f(paged.busyMs)} ms CPU, ` +
        `heap +${f(paged.heapMb)} MB (${perObjectKb.toFixed(2)} KB per user, link + state)\n` +
        `[bench] unchanged-source check of a ${users}-user CSV: content hash ${f(hash.ms)} ms wall, ${f(hash.cpuMs)} ms CPU, ` +
        `longest turn ${f(hash.busyMs)} ms CPU\n`,
    );
    store.close();
  });
});
