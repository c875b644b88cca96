/**
 * The scheduler's view of time, injectable so every schedule rule runs on fake time in tests.
 *
 * Two clocks, because they answer different questions: schedules are wall-clock times ("every 40
 * minutes from the previous start", shown to the admin as ISO times), while the monotonic clock
 * never jumps and stops while the computer sleeps on Linux and macOS. Comparing how far each moved
 * between two ticks tells a sleep or a clock change apart from ordinary waiting.
 */
export interface SchedulerClock {
  /** Wall-clock time. */
  now(): Date;
  /** Milliseconds on a clock that never goes back (performance.now() in Node). */
  monotonicMs(): number;
}

/** An opaque handle of a timer, as returned by `Timers.set`. */
export type TimerHandle = { readonly timer: unknown };

export interface Timers {
  /** Calls `callback` once after about `ms` milliseconds of awake time. */
  set(callback: () => void, ms: number): TimerHandle;
  clear(handle: TimerHandle): void;
}

export function systemClock(now: () => Date = () => new Date()): SchedulerClock {
  return { now, monotonicMs: () => performance.now() };
}

/**
 * Node's timers, unref'd: a waiting schedule never keeps a process alive on its own (the app's
 * window or server does, and `roster run` holds the process open itself).
 */
export const systemTimers: Timers = {
  set: (callback, ms) => ({ timer: setTimeout(callback, ms).unref() }),
  clear: (handle) => clearTimeout(handle.timer as ReturnType<typeof setTimeout>),
};
