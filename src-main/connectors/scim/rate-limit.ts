/**
 * Per-connector request pacing (§17.1) and adaptive pacing against throttling targets (issue 11).
 *
 * - **Pacing**: a token bucket refilled at the current rate and holding `burstSeconds` of it (at
 *   least one request). A request starts at once while a token is there, so nothing waits unless the
 *   rate itself requires it: no timer per request, no lost throughput when requests arrive unevenly.
 *   When the bucket is empty, the next start waits exactly until the next token.
 * - **Concurrency**: at most `maxConcurrency` requests in flight; a hung request holds one slot while
 *   the others go on.
 * - **Adaptive rate**: the job's `maxRequestsPerSecond` is the ceiling and the starting rate; every
 *   answer goes to pace-controller.ts, which tells a pace limit (slowing down thins the 429s out:
 *   pace just under the accepted rate, probe upward while none come) from a storm of 429s that come
 *   whatever the pace (leave the rate alone). A throttle answer is a 429, or a 503 with Retry-After
 *   (`isThrottle`). A decrease empties the bucket.
 *
 * Every attempt goes through the limiter, retries included, so a throttled server is not hit harder
 * by our own retries. On stop() every waiting request rejects at once with the caller's own error
 * (the cycle stopped), a second stop() is harmless, and the clock can be injected.
 */

import { createPaceController } from './pace-controller';
import { paceTraceFromEnv, type LimiterTally, type PaceTrace } from './pace-trace';

export interface RequestLimiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Rejects every waiting task (and every later one) with `cancelled()`; tasks in flight finish. */
  stop(): void;
  /** Requests per second the limiter paces to now (the ceiling until a throttle answer lowered it). */
  currentRate(): number;
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

export interface AdaptiveOptions {
  /** Whether a task's error is the target saying "too many requests". Without it, the rate stays fixed. */
  isThrottle?(error: unknown): boolean;
  /** Seconds of requests the bucket holds (default 0.05: at 1,000/s, 50 requests may start at once). */
  burstSeconds?: number;
  /** The pace controller's shortest round (default 1,000 ms). */
  windowMs?: number;
  /** Where the controller's decisions go (default: ROSTER_PACE_TRACE, see pace-trace.ts). */
  trace?: PaceTrace | null;
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
  adaptive: AdaptiveOptions = {},
): RequestLimiter {
  const ceiling =
    limits.maxRequestsPerSecond > 0 ? limits.maxRequestsPerSecond : defaultRequestLimits.maxRequestsPerSecond;
  const concurrency =
    limits.maxConcurrency >= 1 ? Math.floor(limits.maxConcurrency) : defaultRequestLimits.maxConcurrency;
  const burstSeconds = adaptive.burstSeconds ?? 0.05;
  const trace = adaptive.trace === undefined ? paceTraceFromEnv() : adaptive.trace;
  const tally: LimiterTally = { started: 0, heldByRate: 0 };
  const pace = createPaceController({
    ceiling,
    startedAt: clock.now(),
    ...(adaptive.windowMs ? { windowMs: adaptive.windowMs } : {}),
    ...(trace
      ? {
          onChange: (change) => {
            trace(change, tally);
            tally.started = 0;
            tally.heldByRate = 0;
          },
        }
      : {}),
  });
  const waiting: Waiter[] = [];
  let rate = ceiling;
  let tokens = 1;
  let refilledAt = clock.now();
  let active = 0;
  let timer: unknown = null;
  let stopped = false;

  const capacity = () => Math.max(1, rate * burstSeconds);

  function refill(now: number): void {
    tokens = Math.min(capacity(), tokens + ((now - refilledAt) / 1000) * rate);
    refilledAt = now;
  }

  /** Starts made after waiting for a token count as held back by the rate (for the trace). */
  function pump(heldByRate = false): void {
    if (timer !== null || stopped) return;
    while (active < concurrency && waiting.length > 0) {
      const now = clock.now();
      refill(now);
      if (tokens < 1) {
        // Whole milliseconds, at least one: a wait of a rounding error would fire at the same instant,
        // find the same fraction of a token and loop.
        const wait = Math.max(1, Math.ceil(((1 - tokens) / rate) * 1000));
        timer = clock.setTimeout(() => {
          timer = null;
          pump(true);
        }, wait);
        return;
      }
      const waiter = waiting.shift();
      if (!waiter) return;
      tokens -= 1;
      active += 1;
      tally.started += 1;
      if (heldByRate) tally.heldByRate += 1;
      waiter.start();
    }
  }

  function observe(sentAt: number, throttle: boolean): void {
    const now = clock.now();
    // Tokens earned so far were earned at the old rate.
    refill(now);
    if (!pace.observe(sentAt, now, throttle)) return;
    const before = rate;
    rate = pace.rate();
    if (rate < before) tokens = Math.min(tokens, 0);
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
            const sentAt = clock.now();
            // new Promise: a task that throws synchronously still frees its slot.
            const settled = new Promise<T>((done) => done(task()));
            // The answer tunes the rate before the caller sees it (handlers run in this order).
            settled
              .then(
                () => observe(sentAt, false),
                (error: unknown) => observe(sentAt, adaptive.isThrottle?.(error) === true),
              )
              .finally(finished);
            settled.then(resolve, reject);
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
    currentRate: () => rate,
  };
}
