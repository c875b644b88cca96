/**
 * The chaos tests' fault storm on simulated time (test/chaos/fault-storm.chaos.test.ts behind
 * test/peers/fault-proxy.ts), for the adaptive pacer's tests: `concurrency` workers, as the engine's
 * objects, each send their requests one after another through the real limiter (rate-limit.ts) into a
 * target whose service time is drawn between `serviceMs` bounds, and a seeded share of the attempts
 * meets a fault:
 * - a 429 (Retry-After 1 s): the request waits, without a slot, and goes through the limiter again;
 * - a 500 or a garbage answer, after the service time: retried after retry.ts's backoff (1 s, doubling,
 *   equal jitter), at most three times, then the request fails (the engine escrows the object);
 * - a hang: the slot is held until the connection's timeout (2 s), then the same backoff.
 * `clientCpuMs` is the client's own work per answer on its one thread (mapping, log, SQLite), which is
 * what bounds Roster's throughput on a busy machine. Compare a run with `adaptive: false` (the ceiling
 * only, as a client without a pacer) to see what pacing costs.
 */
import { seededRandom } from '../../../../peers/seeded-random';
import { createRequestLimiter } from '../../../../../src-main/connectors/scim/rate-limit';
import type { PaceTrace } from '../../../../../src-main/connectors/scim/pace-trace';
import { simulatedClock } from './pacing-simulation';

/** Shares of attempts (0..1), as the fault proxy's FaultMix. */
export interface StormMix {
  throttle: number;
  serverError: number;
  timeout: number;
  garbage: number;
}

export interface StormOptions {
  mix: StormMix;
  seed: number;
  requests: number;
  concurrency: number;
  ceiling: number;
  /** The target's service time is drawn evenly in [min, max] ms. */
  serviceMs: readonly [number, number];
  /** The client's work per answer on its one thread (ms). */
  clientCpuMs: number;
  timeoutMs?: number;
  /**
   * Requests sent one at a time before the workers start, as the engine's paged list reads at the
   * start of a cycle: the pace the controller sees then is far below what the workers will send.
   */
  serialFirst?: number;
  /** false: the limiter is not told what a throttle answer is (a client without a pacer). */
  adaptive?: boolean;
  /** Where the limiter's rate goes: every change, as [simulated ms, rate]. */
  rates?: [number, number][];
  /** The controller's decisions (pace-trace.ts). */
  trace?: PaceTrace;
}

export interface StormResult {
  seconds: number;
  /** Requests that gave up after their retries. */
  failed: number;
  attempts: number;
  throttled: number;
  /** The lowest rate the limiter paced to. */
  lowestRate: number;
  /** Seconds the limiter paced below the ceiling. */
  secondsBelowCeiling: number;
}

class Fault extends Error {
  constructor(readonly throttle: boolean) {
    super(throttle ? '429' : 'fault');
  }
}

const maxRetries = 3;
const maxThrottleRetries = 6;
const retryAfterMs = 1000;
const backoffBaseMs = 1000;

export async function simulateStorm(options: StormOptions): Promise<StormResult> {
  const clock = simulatedClock();
  const limiter = createRequestLimiter(
    { maxRequestsPerSecond: options.ceiling, maxConcurrency: options.concurrency },
    () => new Error('cancelled'),
    clock,
    {
      trace: options.trace ?? null,
      ...(options.adaptive === false
        ? {}
        : { isThrottle: (error: unknown) => error instanceof Fault && error.throttle }),
    },
  );
  const faults = seededRandom(options.seed);
  const timing = seededRandom(options.seed + 1);
  const timeoutMs = options.timeoutMs ?? 2000;
  const { mix } = options;
  const wait = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
  let cpuFreeAt = 0;
  let attempts = 0;
  let throttled = 0;
  let failed = 0;
  let finished = 0;
  let lowestRate = options.ceiling;
  let belowSince: number | null = null;
  let belowMs = 0;

  function watchRate(): void {
    const rate = limiter.currentRate();
    const now = clock.now();
    const last = options.rates?.[options.rates.length - 1];
    if (options.rates && last?.[1] !== rate) options.rates.push([now, rate]);
    lowestRate = Math.min(lowestRate, rate);
    if (rate < options.ceiling && belowSince === null) belowSince = now;
    if (rate >= options.ceiling && belowSince !== null) {
      belowMs += now - belowSince;
      belowSince = null;
    }
  }

  /** One attempt at the target: the fault is drawn on arrival, as the proxy does. */
  function attempt(): Promise<void> {
    attempts += 1;
    const r = faults();
    const service = options.serviceMs[0] + timing() * (options.serviceMs[1] - options.serviceMs[0]);
    let edge = mix.throttle;
    if (r < edge) {
      throttled += 1;
      return Promise.reject(new Fault(true));
    }
    const outcomes: [number, number][] = [
      [mix.serverError, service],
      [mix.timeout, timeoutMs],
      [mix.garbage, service],
    ];
    for (const [share, after] of outcomes) {
      edge += share;
      if (r < edge) return wait(after).then(() => Promise.reject(new Fault(false)));
    }
    return wait(service);
  }

  /** The client's own work on an answer: its one thread does one answer at a time. */
  async function digest(): Promise<void> {
    const now = clock.now();
    cpuFreeAt = Math.max(now, cpuFreeAt) + options.clientCpuMs;
    if (cpuFreeAt > now) await wait(cpuFreeAt - now);
  }

  async function send(): Promise<void> {
    const used = { throttled: 0, failed: 0 };
    for (;;) {
      try {
        await limiter.run(attempt);
        watchRate();
        await digest();
        return;
      } catch (error) {
        watchRate();
        if (!(error instanceof Fault)) throw error;
        await digest();
        if (error.throttle) {
          if (used.throttled >= maxThrottleRetries) break;
          used.throttled += 1;
          await wait(retryAfterMs);
        } else {
          if (used.failed >= maxRetries) break;
          const step = backoffBaseMs * 2 ** used.failed;
          used.failed += 1;
          await wait(step / 2 + (timing() * step) / 2);
        }
      }
    }
    failed += 1;
  }

  let started = 0;
  async function worker(): Promise<void> {
    while (started < options.requests) {
      started += 1;
      await send();
      finished += 1;
    }
  }
  async function run(): Promise<void> {
    const serial = Math.min(options.serialFirst ?? 0, options.requests);
    while (started < serial) {
      started += 1;
      await send();
      finished += 1;
    }
    for (let i = 0; i < options.concurrency; i++) void worker();
  }
  void run();
  await clock.runUntilIdle(() => finished >= options.requests);
  watchRate();
  if (belowSince !== null) belowMs += clock.now() - belowSince;
  return {
    seconds: clock.now() / 1000,
    failed,
    attempts,
    throttled,
    lowestRate,
    secondsBelowCeiling: belowMs / 1000,
  };
}
