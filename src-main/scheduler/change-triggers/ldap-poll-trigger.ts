/**
 * Polls a directory source once a minute for changes after the job's watermark (the connector's
 * pollChanges: AD's highestCommittedUSN, one tiny entryCSN or modifyTimestamp search elsewhere) and
 * starts a cycle when there are some. The cycle is the delta read.
 *
 * The poll compares with the stored watermark, which moves only when a cycle completes. So while the
 * cycle it started runs — or after it failed — every poll would say "changed" again; a trigger fires
 * once per watermark. A failed cycle is retried by the schedule (and quarantine), not every minute.
 */
import type { TimerHandle } from '../time';
import type { ChangeTrigger, SourcePoll, TriggerContext, WatchableSource } from './change-trigger';

export const defaultDirectoryPollMs = 60_000;

export interface LdapPollTriggerOptions {
  source: Required<Pick<WatchableSource, 'pollChanges'>> & Pick<WatchableSource, 'close'>;
  pollMs?: number;
}

export function createLdapPollTrigger(
  context: TriggerContext,
  options: LdapPollTriggerOptions,
): ChangeTrigger {
  const pollMs = options.pollMs ?? defaultDirectoryPollMs;
  let closed = false;
  let timer: TimerHandle | null = null;
  let inFlight: Promise<void> | null = null;
  const abort = new AbortController();
  /** The watermark the last "changed" fired on (undefined: none yet). */
  let firedOn: string | null | undefined;
  let lastProblem: string | null = null;
  let by: SourcePoll['by'] | null = null;

  async function pollOnce(): Promise<void> {
    const watermark = context.watermark();
    try {
      const result = await options.source.pollChanges(watermark, abort.signal);
      by = result.by;
      lastProblem = null;
      if (closed || !result.changed || firedOn === watermark) return;
      firedOn = watermark;
      context.onChange();
    } catch (error) {
      if (closed) return;
      // Said once per distinct problem: an unreachable directory is not worth a line a minute.
      const problem = error instanceof Error ? error.message : String(error);
      if (problem !== lastProblem) context.log.warn(`Polling the directory for changes failed: ${problem}`);
      lastProblem = problem;
    }
  }

  function tick(): void {
    timer = null;
    inFlight = pollOnce().finally(() => {
      inFlight = null;
      if (!closed) timer = context.timers.set(tick, pollMs);
    });
  }
  timer = context.timers.set(tick, pollMs);

  return {
    get watch() {
      return { kind: 'poll' as const, everySeconds: Math.round(pollMs / 1000), by };
    },
    async close() {
      closed = true;
      if (timer) context.timers.clear(timer);
      timer = null;
      abort.abort();
      await inFlight?.catch(() => undefined);
      await options.source.close?.();
    },
  };
}
