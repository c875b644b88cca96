/**
 * Per-connector request pacing (§17.1): starts are spaced at least 1000 / `maxRequestsPerSecond` ms
 * apart (evenly, so there is no burst at each second's edge) and at most `maxConcurrency` requests
 * are in flight. Every attempt goes through the limiter, retries included, so a throttled server is
 * not hit harder by our own retries; a hung request holds one slot while the others go on.
 *
 * A small pacer and pool of its own rather than a library: on stop() every waiting request rejects
 * at once with the caller's own error (the cycle stopped — not a library's "limiter stopped"), a
 * second stop() is harmless, and the clock can be injected.
 */

export interface RequestLimiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Rejects every waiting task (and every later one) with `cancelled()`; tasks in flight finish. */
  stop(): void;
}

export interface RequestLimits {
  maxRequestsPerSecond: number;
  maxConcurrency: number;
}

export const defaultRequestLimits: RequestLimits = { maxRequestsPerSecond: 25, maxConcurrency: 4 };

export interface LimiterClock {
  /** Monotonic milliseconds. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: LimiterClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Waiter {
  start(): void;
  reject(error: Error): void;
}

export function createRequestLimiter(
  limits: RequestLimits,
  cancelled: () => Error,
  clock: LimiterClock = systemClock,
): RequestLimiter {
  const perSecond =
    limits.maxRequestsPerSecond > 0 ? limits.maxRequestsPerSecond : defaultRequestLimits.maxRequestsPerSecond;
  const concurrency =
    limits.maxConcurrency >= 1 ? Math.floor(limits.maxConcurrency) : defaultRequestLimits.maxConcurrency;
  const spacingMs = 1000 / perSecond;
  const waiting: Waiter[] = [];
  let active = 0;
  let nextStartAt = Number.NEGATIVE_INFINITY;
  let timer: unknown = null;
  let stopped = false;

  function pump(): void {
    if (timer !== null || stopped) return;
    while (active < concurrency && waiting.length > 0) {
      const wait = nextStartAt - clock.now();
      if (wait > 0) {
        timer = clock.setTimeout(() => {
          timer = null;
          pump();
        }, wait);
        return;
      }
      const waiter = waiting.shift();
      if (!waiter) return;
      active += 1;
      nextStartAt = clock.now() + spacingMs;
      waiter.start();
    }
  }

  function finished(): void {
    active -= 1;
    pump();
  }

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      if (stopped) return Promise.reject(cancelled());
      return new Promise<T>((resolve, reject) => {
        waiting.push({
          start: () => {
            // new Promise: a task that throws synchronously still frees its slot.
            new Promise<T>((done) => done(task())).then(resolve, reject).finally(finished);
          },
          reject,
        });
        pump();
      });
    },
    stop(): void {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      for (const waiter of waiting.splice(0)) waiter.reject(cancelled());
    },
  };
}
