import type { Timers } from '../../../../src-main/notify/timers';

/** A clock and timers that move only when the test says so: retries without real sleeps. */
export interface ManualTime {
  clock: () => Date;
  timers: Timers;
  /** Moves the clock forward by `ms` and runs every timer that became due, in order. */
  advance(ms: number): void;
  /** Timers waiting, as ms from now. */
  waiting(): number[];
}

export function createManualTime(start = '2025-03-03T09:00:00.000Z'): ManualTime {
  let now = Date.parse(start);
  let timers: { at: number; fn: () => void }[] = [];
  return {
    clock: () => new Date(now),
    timers: {
      after(ms, fn) {
        const timer = { at: now + ms, fn };
        timers.push(timer);
        return () => {
          timers = timers.filter((t) => t !== timer);
        };
      },
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.fn();
      }
      now = until;
    },
    waiting: () => timers.map((t) => t.at - now).sort((a, b) => a - b),
  };
}
