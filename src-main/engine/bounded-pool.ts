import type { TargetConnector } from '../connectors/connector';

/**
 * Runs `work` over `items` with at most `concurrency` in flight. When one item throws, or
 * `shouldStop` says so, no further item starts; the items already running finish (a request in
 * flight is never abandoned half-recorded), and then the first error is rethrown. A plain pool
 * costs nothing per item, unlike a scheduler that awaits timers per job: `runBatched` with no batch.
 */
export function runBounded<T>(
  items: Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  return runBatched(items, concurrency, 0, work, shouldStop);
}

/**
 * Runs `work` over `items` with up to `concurrency + batch` in flight, started `batch` at a time:
 * at first all of them, then `batch` more each time that many have finished. For work whose first
 * step is a write intent (a create: map, match in memory, intent, then the request), the items of
 * one start reach their intents in the same turn of the event loop, and the write-behind commits
 * those intents together (write-behind.ts): one commit for `batch` intents instead of one each.
 * Started one at a time as slots free up, every item reached its intent in a turn of its own, and
 * the intents' commits were the largest single part of an initial cycle's main thread (issue 11:
 * 100,000 users, 9.5 s of SQLite commits). The target's own limiter still bounds the requests in
 * flight to `concurrency`; the items beyond it wait there with their intents committed, which
 * "Send and record" allows (recovery looks up an intent that was never sent and finds nothing).
 * Stopping and errors as in `runBounded`.
 */
export async function runBatched<T>(
  items: Iterable<T>,
  concurrency: number,
  batch: number,
  work: (item: T) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const limit = Math.max(1, Math.floor(concurrency)) + Math.max(0, Math.floor(batch));
  const refillBelow = Math.max(1, Math.floor(concurrency));
  let failure: { error: unknown } | null = null;
  let running = 0;
  let exhausted = false;
  await new Promise<void>((resolve) => {
    const settle = () => {
      if (running === 0) resolve();
    };
    const startUpTo = (target: number) => {
      while (running < target && !exhausted) {
        let started: Promise<void>;
        try {
          if (failure || shouldStop()) {
            exhausted = true;
            break;
          }
          const step = iterator.next();
          if (step.done) {
            exhausted = true;
            break;
          }
          started = work(step.value);
        } catch (error) {
          failure ??= { error };
          exhausted = true;
          break;
        }
        running++;
        started.then(finished, (error: unknown) => {
          failure ??= { error };
          finished();
        });
      }
    };
    const finished = () => {
      running--;
      if (!exhausted && running <= refillBelow) startUpTo(limit);
      if (exhausted || failure) settle();
    };
    startUpTo(limit);
    if (exhausted) settle();
  });
  // Whatever a work threw, rethrown as it was (runBounded does the same).
  if (failure) throw (failure as { error: unknown }).error;
}

/**
 * Objects a phase starts together beyond the target's concurrency (`runBatched`): 16 intents share a
 * commit, and a crash leaves at most that many more intents, each settled by one lookup in the next
 * cycle's recovery. None for a target whose requests only the engine's pool holds to maxConcurrency
 * (TargetConnector.limitsConcurrency).
 */
export function intentBatchFor(target: Pick<TargetConnector, 'limitsConcurrency'>): number {
  return target.limitsConcurrency ? 16 : 0;
}
