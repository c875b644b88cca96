import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Keeps the process that runs a cycle responsive (issue 11: no event-loop turn over 50 ms — the UI,
 * the scheduler and lease renewals live in it). A loop over many objects calls `pause()` after each
 * step; it resolves at once while the turn's budget lasts, and otherwise gives the event loop a turn.
 * Budgeted by time, not by count, so a slow step (a loaded machine, a large object) still yields.
 */
export interface LoopBudget {
  pause(): Promise<void> | undefined;
}

/** Well under the 50 ms goal, leaving room for whatever runs in the turns in between. */
const budgetMs = 8;

export function loopBudget(): LoopBudget {
  let turnStarted = performance.now();
  return {
    pause() {
      if (performance.now() - turnStarted < budgetMs) return undefined;
      return nextTurn().then(() => {
        turnStarted = performance.now();
      });
    },
  };
}
