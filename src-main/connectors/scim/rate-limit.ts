/**
 * Per-connector request pacing (§17.1): at most `maxRequestsPerSecond` requests start per second and
 * at most `maxConcurrency` are in flight. Every attempt goes through the limiter, retries included,
 * so a throttled server is not hit harder by our own retries.
 */
import Bottleneck from 'bottleneck';

export interface RequestLimiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

export interface RequestLimits {
  maxRequestsPerSecond: number;
  maxConcurrency: number;
}

export const defaultRequestLimits: RequestLimits = { maxRequestsPerSecond: 25, maxConcurrency: 4 };

export function createRequestLimiter(limits: RequestLimits): RequestLimiter {
  const perSecond =
    limits.maxRequestsPerSecond > 0 ? limits.maxRequestsPerSecond : defaultRequestLimits.maxRequestsPerSecond;
  const concurrency =
    limits.maxConcurrency > 0 ? Math.floor(limits.maxConcurrency) : defaultRequestLimits.maxConcurrency;
  // Evenly spaced starts (minTime) rather than a per-second reservoir: no burst at each second's edge.
  const limiter = new Bottleneck({ maxConcurrent: concurrency, minTime: Math.ceil(1000 / perSecond) });
  return {
    run: (task) => limiter.schedule(task),
    stop: () => limiter.stop({ dropWaitingJobs: true }),
  };
}
