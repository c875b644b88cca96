/**
 * Keeping the event loop responsive (ARCHITECTURE.md §4: no turn longer than 50 ms). Streams do not
 * guarantee it: when the parser has buffered records, a consumer works through them in microtasks,
 * and draining the buffer pulls the next chunk through the parser synchronously, so one turn can
 * take hundreds of milliseconds on a large file. Loops over large inputs call `maybeYield()`.
 */
import { setImmediate } from 'node:timers/promises';

/** Time a loop may run before it yields (well under the 50 ms budget, leaving room for the consumer). */
const budgetMs = 10;

export interface Yielder {
  /** Resolves at once while the budget lasts, else after the event loop had a turn. */
  maybeYield(): Promise<void> | undefined;
}

/** `checkEvery`: how many calls between looks at the clock (1 for loops whose steps are slow). */
export function createYielder(checkEvery = 64): Yielder {
  let started = performance.now();
  let calls = 0;
  return {
    maybeYield() {
      if (++calls % checkEvery !== 0 || performance.now() - started < budgetMs) return undefined;
      return setImmediate().then(() => {
        started = performance.now();
      });
    },
  };
}
