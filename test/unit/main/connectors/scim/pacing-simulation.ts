/**
 * A simulated target and client on simulated time, for the adaptive pacer's tests: the real limiter
 * (rate-limit.ts) sends `requests` through `concurrency` slots; each answer takes `latencyMs`; a 429
 * makes its request wait its Retry-After (1 s) and go through the limiter again, as retry.ts does.
 * The target either enforces a token bucket of `limit` requests/s holding a tenth of a second
 * (bench-server.ts's rate mode), or answers a fixed share 429 whatever the pace (the fault proxy).
 */
import { createRequestLimiter, type LimiterClock } from '../../../../../src-main/connectors/scim/rate-limit';

export type SimulatedTarget =
  | { kind: 'paceLimit'; limit: number }
  /** Every answer whose running number is a multiple of `every` is a 429. */
  | { kind: 'storm'; every: number };

export interface SimulationOptions {
  target: SimulatedTarget;
  ceiling: number;
  concurrency: number;
  requests: number;
  latencyMs: number;
  /** false: the limiter is not told what a throttle answer is, so it keeps the ceiling. */
  adaptive?: boolean;
}

export interface SimulationResult {
  seconds: number;
  accepted: number;
  throttled: number;
  acceptedPerSecond: number;
  throttledShare: number;
  finalRate: number;
}

class Throttled extends Error {}

interface Timer {
  at: number;
  order: number;
  callback: () => void;
}

/** Timers fire in time order; promise chains run between them (a macrotask per timer). */
function simulatedClock(): LimiterClock & { runUntilIdle(done: () => boolean): Promise<void> } {
  let now = 0;
  let order = 0;
  let timers: Timer[] = [];
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const timer = { at: now + Math.max(0, ms), order: order++, callback };
      timers.push(timer);
      return timer;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer !== handle);
    },
    async runUntilIdle(done) {
      const flush = () => new Promise((resolve) => setImmediate(resolve));
      await flush();
      while (!done() && timers.length > 0) {
        timers.sort((a, b) => a.at - b.at || a.order - b.order);
        const next = timers.shift()!;
        now = next.at;
        next.callback();
        await flush();
      }
    },
  };
}

export async function simulatePacing(options: SimulationOptions): Promise<SimulationResult> {
  const clock = simulatedClock();
  const limiter = createRequestLimiter(
    { maxRequestsPerSecond: options.ceiling, maxConcurrency: options.concurrency },
    () => new Error('cancelled'),
    clock,
    options.adaptive === false ? {} : { isThrottle: (error) => error instanceof Throttled },
  );
  const { target } = options;
  const capacity = target.kind === 'paceLimit' ? Math.max(1, target.limit / 10) : 0;
  let tokens = capacity;
  let refilledAt = 0;
  let answered = 0;
  let accepted = 0;
  let throttled = 0;
  let finished = 0;

  /** The target decides when the request arrives, and answers `latencyMs` later. */
  function answer(): Promise<string> {
    answered += 1;
    let refuse: boolean;
    if (target.kind === 'paceLimit') {
      const now = clock.now();
      tokens = Math.min(capacity, tokens + ((now - refilledAt) / 1000) * target.limit);
      refilledAt = now;
      refuse = tokens < 1;
      if (!refuse) tokens -= 1;
    } else {
      refuse = answered % target.every === 0;
    }
    if (refuse) throttled += 1;
    else accepted += 1;
    return new Promise((resolve, reject) =>
      clock.setTimeout(() => (refuse ? reject(new Throttled('429')) : resolve('ok')), options.latencyMs),
    );
  }

  async function send(): Promise<void> {
    for (;;) {
      try {
        await limiter.run(answer);
        return;
      } catch (error) {
        if (!(error instanceof Throttled)) throw error;
        await new Promise<void>((resolve) => clock.setTimeout(resolve, 1000));
      }
    }
  }

  // The engine keeps `concurrency` requests going: a new one starts when one finishes.
  let started = 0;
  function startNext(): void {
    if (started >= options.requests) return;
    started += 1;
    void send().then(() => {
      finished += 1;
      startNext();
    });
  }
  for (let i = 0; i < options.concurrency; i++) startNext();
  await clock.runUntilIdle(() => finished >= options.requests);
  const seconds = clock.now() / 1000;
  return {
    seconds,
    accepted,
    throttled,
    acceptedPerSecond: accepted / seconds,
    throttledShare: throttled / (accepted + throttled),
    finalRate: limiter.currentRate(),
  };
}
