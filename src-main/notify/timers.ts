/**
 * Timers the outbox waits with. Injected so that tests drive retries on a fake clock with no sleeps;
 * the real ones never keep a process alive (the CLI exits when its work is done).
 */
export interface Timers {
  /** Calls `fn` after `ms`; returns the cancel function. */
  after(ms: number, fn: () => void): () => void;
}

export const realTimers: Timers = {
  after(ms, fn) {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return () => clearTimeout(handle);
  },
};
