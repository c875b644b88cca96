import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { createLogRetention } from '../../../src-main/scheduler/log-retention';
import { openStore, type Store } from '../../../src-main/store/store';
import { FakeTime, settle } from '../../unit/main/scheduler/fake-time';
import { makeTempDir } from '../temp-dir';
import { keysLeft, logEntry, seedJob } from './log-entries';

const quiet = { info() {}, warn() {}, error() {} };
const daysAgo = (time: FakeTime, days: number, plusMs = 0) =>
  new Date(time.now().getTime() - days * 86_400_000 + plusMs).toISOString();

describe('provisioning-log retention (§14.3), on fake time and a real SQLite file', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let store: Store;
  let jobId: string;
  let time: FakeTime;
  beforeEach(() => {
    dir = makeTempDir('roster-retention-');
    store = openStore({ path: join(dir.path, 'roster.db') });
    jobId = seedJob(store);
    time = new FakeTime('2026-03-02T09:00:00.000Z');
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });

  function retention(days: () => number, extra: Partial<Parameters<typeof createLogRetention>[0]> = {}) {
    const lines: string[] = [];
    const pruner = createLogRetention({
      prune: (cutoff, limit) => store.log.pruneOlderThan(cutoff, limit),
      retentionDays: days,
      clock: time,
      timers: time,
      log: { info: (m) => lines.push(m), warn: (m) => lines.push(`warn: ${m}`) },
      ...extra,
    });
    return { pruner, lines };
  }

  it('removes entries older than 30 days at start, in batches, and keeps the rest', async () => {
    store.log.insertMany([
      logEntry(jobId, daysAgo(time, 45), 'old-45'),
      logEntry(jobId, daysAgo(time, 31), 'old-31'),
      logEntry(jobId, daysAgo(time, 30, -1), 'old-30-just'),
      logEntry(jobId, daysAgo(time, 30, 1), 'young-30-just'),
      logEntry(jobId, daysAgo(time, 2), 'young-2'),
    ]);
    const { pruner, lines } = retention(() => 30, { batchRows: 2 });
    const result = await pruner.pruneNow();
    expect(result).toEqual({ deleted: 3, batches: 2 });
    expect(keysLeft(store, jobId)).toEqual(['young-30-just', 'young-2']);
    expect(lines).toEqual([
      `Removed 3 provisioning-log entries older than 30 days (before ${daysAgo(time, 30)}).`,
    ]);
  });

  it('prunes once at start and then every hour, as entries age past the period', async () => {
    store.log.insertMany([
      logEntry(jobId, daysAgo(time, 40), 'old'),
      logEntry(jobId, daysAgo(time, 30, 30 * 60_000), 'ages-in-30-min'),
      logEntry(jobId, daysAgo(time, 30, 90 * 60_000), 'ages-in-90-min'),
      logEntry(jobId, daysAgo(time, 1), 'recent'),
    ]);
    const { pruner } = retention(() => 30);
    pruner.start();
    await settle();
    expect(keysLeft(store, jobId)).toEqual(['ages-in-30-min', 'ages-in-90-min', 'recent']);
    await time.advanceMinutes(59);
    expect(keysLeft(store, jobId)).toEqual(['ages-in-30-min', 'ages-in-90-min', 'recent']);
    await time.advanceMinutes(1);
    expect(keysLeft(store, jobId)).toEqual(['ages-in-90-min', 'recent']);
    await time.advanceMinutes(60);
    expect(keysLeft(store, jobId)).toEqual(['recent']);
    await pruner.stop();
    expect(time.timerCount()).toBe(0);
    await time.advanceMinutes(24 * 60 * 60);
    expect(keysLeft(store, jobId)).toEqual(['recent']);
  });

  it('keeps everything when the period is 0, and reads a changed period at the next run', async () => {
    store.log.insertMany([
      logEntry(jobId, daysAgo(time, 400), 'ancient'),
      logEntry(jobId, daysAgo(time, 10), 'ten'),
    ]);
    let days = 0;
    const { pruner } = retention(() => days);
    pruner.start();
    await settle();
    expect(keysLeft(store, jobId)).toEqual(['ancient', 'ten']);
    days = 7;
    await time.advanceMinutes(60);
    expect(keysLeft(store, jobId)).toEqual([]);
    await pruner.stop();
  });

  it("yields between batches, so a cycle's write lands in between and is never pruned", async () => {
    store.log.insertMany(
      Array.from({ length: 7 }, (_, i) => logEntry(jobId, daysAgo(time, 60 - i), `old-${i}`)),
    );
    const seenBetween: number[] = [];
    const { pruner } = retention(() => 30, {
      batchRows: 3,
      yieldToEventLoop: async () => {
        // What another task (a running cycle) does while the pruner waits for its next turn.
        seenBetween.push(keysLeft(store, jobId).length);
        store.log.insertMany([
          logEntry(jobId, time.now().toISOString(), `cycle-write-${seenBetween.length}`),
        ]);
      },
    });
    expect(await pruner.pruneNow()).toEqual({ deleted: 7, batches: 3 });
    expect(seenBetween).toEqual([4, 2]);
    expect(keysLeft(store, jobId)).toEqual(['cycle-write-1', 'cycle-write-2']);
  });

  it('stops after the batch in progress when the scheduler stops', async () => {
    store.log.insertMany(
      Array.from({ length: 10 }, (_, i) => logEntry(jobId, daysAgo(time, 90 - i), `old-${i}`)),
    );
    const stops: Promise<void>[] = [];
    const { pruner } = retention(() => 30, {
      batchRows: 2,
      yieldToEventLoop: async () => {
        // The scheduler stops (app quit, SIGTERM) while the pass waits for its next turn.
        if (stops.length === 0) stops.push(pruner.stop());
      },
    });
    pruner.start();
    await settle();
    await Promise.all(stops);
    expect(stops).toHaveLength(1);
    expect(keysLeft(store, jobId)).toHaveLength(8);
  });
});

describe('retention in the app: a setting, validated strictly, applied by the scheduler', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let app: RosterApp;
  let time: FakeTime;
  beforeEach(() => {
    dir = makeTempDir('roster-retention-app-');
    time = new FakeTime('2026-03-02T09:00:00.000Z');
  });
  afterEach(async () => {
    await app.close();
    dir.remove();
  });

  function start(): RosterApp {
    return createApp({
      dataDir: dir.path,
      mode: 'cli',
      logger: quiet,
      clock: time.now,
      startScheduler: true,
      schedulerTime: { timers: time, monotonicMs: time.monotonicMs },
    });
  }

  it('defaults to 30 days; 0 and whole days up to 3650 are accepted, anything else refused with a reason', async () => {
    app = start();
    expect(await app.handlers['settings.get']({})).toMatchObject({ logRetentionDays: 30 });
    for (const bad of [-1, 1.5, '30', 3651, null, Number.NaN]) {
      const result = await app.dispatch('settings.update', { logRetentionDays: bad });
      expect(result, String(bad)).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    }
    const refused = await app.dispatch('settings.update', { logRetentionDays: -1 });
    expect(refused).toMatchObject({
      error: {
        details: { issues: [{ path: 'logRetentionDays', message: 'Enter 0 (keep forever) or more days.' }] },
      },
    });
    expect(await app.dispatch('settings.update', { logRetentionDays: 0 })).toMatchObject({ ok: true });
    expect(await app.dispatch('settings.update', { logRetentionDays: 3650 })).toMatchObject({
      ok: true,
      value: { logRetentionDays: 3650 },
    });
  });

  it('prunes when the scheduler starts, and hourly with the period the admin set', async () => {
    const seeding = openStore({ path: join(dir.path, 'roster.db') });
    const jobId = seedJob(seeding);
    seeding.log.insertMany([
      logEntry(jobId, daysAgo(time, 31), 'month-old'),
      logEntry(jobId, daysAgo(time, 10), 'ten-days'),
      logEntry(jobId, daysAgo(time, 1), 'yesterday'),
    ]);
    seeding.close();

    app = start();
    await settle();
    expect(keysLeft(app.store, jobId)).toEqual(['ten-days', 'yesterday']);
    await app.handlers['settings.update']({ logRetentionDays: 7 });
    await time.advanceMinutes(60);
    expect(keysLeft(app.store, jobId)).toEqual(['yesterday']);
  });
});
