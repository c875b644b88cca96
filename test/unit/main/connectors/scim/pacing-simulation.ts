/**
 * A simulated target and client on simulated time, for the adaptive pacer's tests: the real limiter
 * (rate-limit.ts) sends `requests` through `concurrency` slots; each answer takes `latencyMs`; a 429
 * makes its request wait its Retry-After and go through the limiter again, as retry.ts does (without
 * holding a slot). The target may enforce a token bucket of R requests/s holding a tenth of a second
 * (bench-server.ts's rate mode; R may change over time), and a gateway in front of it may answer a
 * seeded random share 429 whatever the pace (the chaos tests' fault proxy); a storm 429 never reaches
 * the bucket.
 */
import { seededRandom } from '../../../../peers/seeded-random';
import type { PaceTrace } from '../../../../../src-main/connectors/scim/pace-trace';
import { createRequestLimiter, type LimiterClock } from '../../../../../src-main/connectors/scim/rate-limit';

export interface SimulatedTarget {
  /** The pace limit (requests/s) at a simulated time in ms, or null for none. */
  limitAt?: (ms: number) => number;
  /** Share of all requests the gateway answers 429 whatever the pace. */
  stormShare?: number;
  /** Seed of the storm's draws. */
  seed?: number;
}

export interface SimulationOptions {
  target: SimulatedTarget;
  ceiling: number;
  concurrency: number;
  requests: number;
  latencyMs: number;
  /** The Retry-After of every 429 (default 1,000 ms). */
  retryAfterMs?: number;
  /** false: the limiter is not told what a throttle answer is, so it keeps the ceiling. */
  adaptive?: boolean;
  /**
   * Requests sent one at a time before the workers start (a cycle's list reads), counted in
   * `requests`: the pacer's first round then sends far below its rate.
   */
  leadingReads?: number;
  /** How long each leading read takes (default `latencyMs`; a list page takes longer than a write). */
  readLatencyMs?: number;
  /**
   * A pause between the leading reads and the workers (a cycle discovers the target, then reads its
   * source for seconds before its first write).
   */
  pauseBeforeWorkersMs?: number;
  /** The controller's decisions (pace-trace.ts). */
  trace?: PaceTrace;
}

export interface Answer {
  /** When the target answered (simulated ms). */
  at: number;
  throttled: boolean;
}

export interface SimulationResult {
  seconds: number;
  answers: Answer[];
  /** For each 429, how long its request waited before the target saw it again (ms). */
  retryGaps: number[];
  finalRate: number;
}

export interface Figures {
  acceptedPerSecond: number;
  throttledShare: number;
}

/** Accepted answers per second and the share of 429s among the answers in [fromMs, toMs). */
export function figuresBetween(result: SimulationResult, fromMs: number, toMs: number): Figures {
  const inside = result.answers.filter((a) => a.at >= fromMs && a.at < toMs);
  const throttled = inside.filter((a) => a.throttled).length;
  return {
    acceptedPerSecond: (inside.length - throttled) / ((toMs - fromMs) / 1000),
    throttledShare: inside.length === 0 ? 0 : throttled / inside.length,
  };
}

class Throttled extends Error {}

interface Timer {
  at: number;
  order: number;
  callback: () => void;
}

/** Timers fire in time order; promise chains run between them (a macrotask per timer). */
export function simulatedClock(): LimiterClock & { runUntilIdle(done: () => boolean): Promise<void> } {
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
    {
      trace: options.trace ?? null,
      ...(options.adaptive === false ? {} : { isThrottle: (error: unknown) => error instanceof Throttled }),
    },
  );
  const { target } = options;
  const retryAfterMs = options.retryAfterMs ?? 1000;
  const random = seededRandom(target.seed ?? 8008);
  let tokens = target.limitAt ? Math.max(1, target.limitAt(0) / 10) : 0;
  let refilledAt = 0;
  let finished = 0;
  const answers: Answer[] = [];
  const retryGaps: number[] = [];

  /** The gateway, then the target's bucket, decide when the request arrives; the answer comes `latencyMs` later. */
  function answer(latencyMs = options.latencyMs): Promise<string> {
    const now = clock.now();
    let refuse = target.stormShare !== undefined && random() < target.stormShare;
    if (!refuse && target.limitAt) {
      const limit = target.limitAt(now);
      tokens = Math.min(Math.max(1, limit / 10), tokens + ((now - refilledAt) / 1000) * limit);
      refilledAt = now;
      refuse = tokens < 1;
      if (!refuse) tokens -= 1;
    }
    return new Promise((resolve, reject) =>
      clock.setTimeout(() => {
        answers.push({ at: clock.now(), throttled: refuse });
        if (refuse) reject(new Throttled('429'));
        else resolve('ok');
      }, latencyMs),
    );
  }

  async function send(latencyMs?: number): Promise<void> {
    let throttledAt: number | null = null;
    for (;;) {
      try {
        await limiter.run(() => {
          if (throttledAt !== null) retryGaps.push(clock.now() - throttledAt);
          return answer(latencyMs);
        });
        return;
      } catch (error) {
        if (!(error instanceof Throttled)) throw error;
        throttledAt = clock.now();
        await new Promise<void>((resolve) => clock.setTimeout(resolve, retryAfterMs));
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
  const leading = Math.min(options.leadingReads ?? 0, options.requests);
  let readsDone = false;
  void (async () => {
    for (let i = 0; i < leading; i++) {
      started += 1;
      await send(options.readLatencyMs);
      finished += 1;
    }
    if (options.pauseBeforeWorkersMs)
      await new Promise<void>((resolve) => clock.setTimeout(resolve, options.pauseBeforeWorkersMs ?? 0));
    readsDone = true;
    for (let i = 0; i < options.concurrency; i++) startNext();
  })();
  await clock.runUntilIdle(() => readsDone && finished >= options.requests);
  return { seconds: clock.now() / 1000, answers, retryGaps, finalRate: limiter.currentRate() };
}
