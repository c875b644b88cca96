/**
 * The open change triggers, one per started job with fast deprovisioning on. The scheduler tells it
 * which jobs should be watched each time it looks at the jobs; the set opens, reopens (the source's
 * settings or the job's switch changed) and closes triggers to match. Opening is asynchronous (an LDAP
 * source needs its password from the keychain), so a close during an open is remembered and honoured.
 */
import type { SourceWatch } from '@shared/domain/job-view';
import type { Timers } from '../time';
import type { ChangeTrigger, TriggerLog, WatchableSource } from './change-trigger';
import { createChangeTrigger, type TriggerTiming } from './index';

export interface SourceWatchDeps {
  /**
   * What identifies the job's watch: changes when the source connection or the job's `watchSource`
   * switch changes. Null: do not watch (switched off, or the job is gone).
   */
  watchKey(jobId: string): string | null;
  /** A source connector for the job (closed by the trigger). */
  openSource(jobId: string): Promise<WatchableSource>;
  timing?: TriggerTiming;
}

export interface TriggerSetDeps extends SourceWatchDeps {
  timers: Timers;
  log: TriggerLog;
  watermark(jobId: string): string | null;
  onChange(jobId: string): void;
}

export interface ChangeTriggerSet {
  /** Watch exactly these jobs (those whose watch key is not null). */
  sync(jobIds: readonly string[]): void;
  close(jobId: string): Promise<void>;
  closeAll(): Promise<void>;
  /** What is watched for the job right now, or null. */
  watchOf(jobId: string): SourceWatch | null;
}

interface Entry {
  key: string;
  trigger: ChangeTrigger | null;
  opening: Promise<void>;
  closed: boolean;
}

export function createChangeTriggerSet(deps: TriggerSetDeps): ChangeTriggerSet {
  const entries = new Map<string, Entry>();

  function open(jobId: string, key: string): void {
    const entry: Entry = { key, trigger: null, opening: Promise.resolve(), closed: false };
    entries.set(jobId, entry);
    entry.opening = (async () => {
      const source = await deps.openSource(jobId);
      if (entry.closed) {
        await source.close?.();
        return;
      }
      const trigger = await createChangeTrigger(
        source,
        {
          timers: deps.timers,
          log: deps.log,
          watermark: () => deps.watermark(jobId),
          onChange: () => {
            if (!entry.closed) deps.onChange(jobId);
          },
        },
        deps.timing,
      );
      if (entry.closed) await trigger?.close();
      else entry.trigger = trigger;
    })().catch((error: unknown) => {
      // The entry stays (without a trigger) so a broken source is not reopened at every look;
      // pausing and starting the job, or changing its source, tries again. The schedule still runs.
      deps.log.warn(
        `Fast deprovisioning is off for job ${jobId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }

  async function close(jobId: string): Promise<void> {
    const entry = entries.get(jobId);
    if (!entry) return;
    entry.closed = true;
    entries.delete(jobId);
    await entry.opening;
    await entry.trigger
      ?.close()
      .catch((error: unknown) => deps.log.warn(`Closing the watch of job ${jobId} failed: ${String(error)}`));
  }

  return {
    sync(jobIds) {
      const wanted = new Set(jobIds);
      for (const jobId of [...entries.keys()]) if (!wanted.has(jobId)) void close(jobId);
      for (const jobId of wanted) {
        const key = deps.watchKey(jobId);
        const entry = entries.get(jobId);
        if (entry && entry.key === key) continue;
        if (entry) void close(jobId);
        if (key !== null) open(jobId, key);
      }
    },
    close,
    async closeAll() {
      await Promise.all([...entries.keys()].map((jobId) => close(jobId)));
    },
    watchOf: (jobId) => entries.get(jobId)?.trigger?.watch ?? null,
  };
}
