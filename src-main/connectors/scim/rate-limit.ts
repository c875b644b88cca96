/**
 * Per-connector request pacing (§17.1) and adaptive pacing against throttling targets (issue 11).
 *
 * - **Pacing**: a token bucket refilled at the current rate and holding `burstSeconds` of it (at
 *   least one request). A request starts at once while a token is there, so nothing waits unless the
 *   rate itself requires it: no timer per request, no lost throughput when requests arrive unevenly.
 *   When the bucket is empty, the next start waits exactly until the next token.
 * - **Concurrency**: at most `maxConcurrency` requests in flight; a hung request holds one slot while
 *   the others go on.
 * - **Adaptive rate**: the job's `maxRequestsPerSecond` is the ceiling and the starting rate. A
 *   throttle answer (429, or 503 with Retry-After: `isThrottle`) to a request sent at the current
 *   rate lowers it ×0.7 and empties the bucket; answers to requests sent before that change do not
 *   lower it again (they were sent at the old rate). While no throttle answer comes, the rate climbs
 *   back every `windowMs`: quickly (×1.2) up to 90 % of the rate last throttled, then by 2 % steps,
 *   so it settles just under what the target allows. It never goes below a tenth of the ceiling.
 *
 * Every attempt goes through the limiter, retries included, so a throttled server is not hit harder
 * by our own retries. On stop() every waiting request rejects at once with the caller's own error
 * (the cycle stopped), a second stop() is harmless, and the clock can be injected.
 */

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
  /** How often the rate may climb while no throttle answer comes (default 250 ms). */
  windowMs?: number;
}

const systemClock: LimiterClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Multiplicative decrease per throttle answer (one per round: answers to requests sent before count no more). */
const decrease = 0.7;
/** Fast recovery factor below 90 % of the last throttled rate; 2 % steps above it. */
const recovery = 1.2;
const probeStep = 0.02;
/**
 * The rate never goes below a tenth of the job's ceiling: 429s that come whatever the pace (a
 * tenant-wide limit, a flaky gateway) would otherwise drag it to nothing. A target that allows less
 * than a tenth of the ceiling needs a lower ceiling (maxRequestsPerSecond).
 */
const floorShare = 0.1;

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
  const windowMs = adaptive.windowMs ?? 250;
  const floor = ceiling * floorShare;
  const waiting: Waiter[] = [];
  let rate = ceiling;
  let tokens = 1;
  let refilledAt = clock.now();
  let active = 0;
  let timer: unknown = null;
  let stopped = false;
  /** When the rate last changed: answers to requests sent before it tell about the old rate. */
  let changedAt = Number.NEGATIVE_INFINITY;
  /** The rate at the last decrease (null until the first, and again once back at the ceiling). */
  let throttledAt: number | null = null;

  const capacity = () => Math.max(1, rate * burstSeconds);

  function refill(now: number): void {
    tokens = Math.min(capacity(), tokens + ((now - refilledAt) / 1000) * rate);
    refilledAt = now;
  }

  function pump(): void {
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
          pump();
        }, wait);
        return;
      }
      const waiter = waiting.shift();
      if (!waiter) return;
      tokens -= 1;
      active += 1;
      waiter.start();
    }
  }

  function changeRate(next: number, now: number): void {
    refill(now);
    rate = next;
    changedAt = now;
  }

  function observe(sentAt: number, throttle: boolean): void {
    if (sentAt <= changedAt) return;
    const now = clock.now();
    if (throttle) {
      throttledAt = rate;
      changeRate(Math.max(floor, rate * decrease), now);
      tokens = Math.min(tokens, 0);
      return;
    }
    if (throttledAt === null || rate >= ceiling || now - changedAt < windowMs) return;
    const last = throttledAt;
    changeRate(Math.min(ceiling, rate < last * 0.9 ? rate * recovery : rate * (1 + probeStep)), now);
    if (rate >= ceiling) throttledAt = null;
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
