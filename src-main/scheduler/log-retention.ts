import type { SchedulerLogger } from './scheduler';
import type { SchedulerClock, TimerHandle, Timers } from './time';

const dayMs = 24 * 60 * 60 * 1000;
export const pruneEveryMs = 60 * 60 * 1000;
/**
 * Rows per transaction. A batch holds SQLite's write lock and this process's event loop while it
 * runs, and each deleted row touches every index of the log (random pages), so the cost grows with
 * the rows: on a log of a million entries 500 rows took 60–75 ms, 50 rows about 2 ms (median; a WAL
 * checkpoint, paid by whichever commit triggers it, adds up to ~40 ms now and then). See
 * test/bench/log-prune.bench.test.ts (`npm run bench`). At 50, a cycle's own write waits a couple of
 * milliseconds at most, and a pass still removes several thousand entries a second.
 */
export const pruneBatchRows = 50;

export interface LogRetentionDeps {
  /** Deletes up to `limit` of the oldest entries before `cutoffIso` in one transaction; returns how many. */
  prune(cutoffIso: string, limit: number): number;
  /** The retention setting, read at every run so a change applies from the next one (0 = keep all). */
  retentionDays(): number;
  clock: Pick<SchedulerClock, 'now'>;
  timers: Timers;
  log: SchedulerLogger;
  batchRows?: number;
  everyMs?: number;
  /** Lets other work run between two batches (a cycle's writes, requests, timers). */
  yieldToEventLoop?: () => Promise<void>;
}

export interface LogRetention {
  /** Prunes now, then every hour, until stopped. */
  start(): void;
  /** No batch starts after this; resolves once a batch in progress is done. */
  stop(): Promise<void>;
  /** One pass: every entry older than the retention period, batch by batch. */
  pruneNow(): Promise<{ deleted: number; batches: number }>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Keeps the provisioning log to its retention period (§14.3). Started and stopped with the
 * scheduler, so it runs in the app, browser mode and `roster run`, but not in one-shot commands.
 */
export function createLogRetention(deps: LogRetentionDeps): LogRetention {
  const batchRows = deps.batchRows ?? pruneBatchRows;
  const everyMs = deps.everyMs ?? pruneEveryMs;
  const yieldToEventLoop = deps.yieldToEventLoop ?? nextTurn;
  let timer: TimerHandle | null = null;
  let active = false;
  /** Set by stop(): a pass in progress ends after its current batch. */
  let stopped = false;
  let running: Promise<{ deleted: number; batches: number }> | null = null;

  async function pass(): Promise<{ deleted: number; batches: number }> {
    const days = deps.retentionDays();
    if (days <= 0) return { deleted: 0, batches: 0 };
    const cutoff = new Date(deps.clock.now().getTime() - days * dayMs).toISOString();
    let deleted = 0;
    let batches = 0;
    for (;;) {
      const gone = deps.prune(cutoff, batchRows);
      deleted += gone;
      batches++;
      if (gone < batchRows || stopped) break;
      await yieldToEventLoop();
      if (stopped) break;
    }
    if (deleted > 0)
      deps.log.info(
        `Removed ${deleted} provisioning-log entries older than ${days} days (before ${cutoff}).`,
      );
    return { deleted, batches };
  }

  function pruneNow(): Promise<{ deleted: number; batches: number }> {
    // One pass at a time: an hourly tick during a long first pass does not start a second one.
    running ??= pass().finally(() => (running = null));
    return running;
  }

  function tick(): void {
    timer = null;
    if (!active) return;
    pruneNow()
      .catch((error: unknown) =>
        // The store busy past its timeout, a full disk: the next hour tries again.
        deps.log.warn(
          `Old provisioning-log entries could not be removed; retrying within the hour: ${String(error)}`,
        ),
      )
      .finally(() => {
        if (active && !timer) timer = deps.timers.set(tick, everyMs);
      });
  }

  return {
    start() {
      if (active) return;
      active = true;
      stopped = false;
      tick();
    },
    async stop() {
      active = false;
      stopped = true;
      if (timer) deps.timers.clear(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
    pruneNow,
  };
}
