import { describe, expect, it } from 'vitest';
import { createPaceEstimator } from '../../../../../src-main/connectors/scim/pace-estimator';
import { simulatePacing } from './pacing-simulation';

/** Feeds `count` answers spread evenly over [from, to) ms, each sent 20 ms before it came. */
function answers(
  estimator: ReturnType<typeof createPaceEstimator>,
  from: number,
  to: number,
  count: number,
  throttled: (i: number) => boolean = () => false,
): void {
  for (let i = 0; i < count; i++) {
    const at = from + ((to - from) * i) / count;
    estimator.observe(at - 20, at, throttled(i));
  }
}

describe('pace estimator', () => {
  it('paces just under the accepted rate measured over the window that ended with a 429', () => {
    const pace = createPaceEstimator({ ceiling: 100 });
    // A second at 60 accepted answers/s, after a second of history.
    answers(pace, 0, 1000, 60);
    answers(pace, 1000, 2000, 60);
    expect(pace.rate()).toBe(100);
    pace.observe(1990, 2010, true);
    expect(pace.phase()).toBe('testing');
    expect(pace.rate()).toBeGreaterThanOrEqual(0.9 * 60);
    expect(pace.rate()).toBeLessThanOrEqual(0.95 * 60);
  });

  it('probes upward in small steps once a window at the lower rate drew no 429', () => {
    const pace = createPaceEstimator({ ceiling: 100 });
    answers(pace, 0, 2000, 120);
    pace.observe(1990, 2010, true);
    const lowered = pace.rate();
    answers(pace, 2020, 3100, 60);
    expect(pace.phase()).toBe('probing');
    answers(pace, 3100, 4200, 60);
    expect(pace.rate()).toBeGreaterThan(lowered);
    expect(pace.rate()).toBeLessThan(lowered * 1.05);
  });

  it('goes back to the rate before the decrease when slowing down does not thin the 429s out', () => {
    const pace = createPaceEstimator({ ceiling: 100 });
    // A quarter of the answers are 429 at 80/s...
    answers(pace, 0, 2000, 160, (i) => i % 4 === 3 && i > 150);
    expect(pace.phase()).toBe('testing');
    // ...and still a quarter at the lower rate: a storm, not a pace limit.
    answers(pace, 2100, 3200, 40, (i) => i % 4 === 3);
    expect(pace.phase()).toBe('storm');
    expect(pace.rate()).toBe(100);
    // Throttle answers during the hold leave the rate alone.
    answers(pace, 3200, 5000, 40, (i) => i % 4 === 3);
    expect(pace.rate()).toBe(100);
  });

  it('ignores throttle answers to requests sent before the rate changed', () => {
    const pace = createPaceEstimator({ ceiling: 100 });
    answers(pace, 0, 2000, 120);
    pace.observe(1990, 2010, true);
    const lowered = pace.rate();
    // Three more 429s to requests already on their way when the rate fell.
    for (const at of [2012, 2014, 2016]) pace.observe(1995, at, true);
    expect(pace.rate()).toBe(lowered);
  });
});

describe('adaptive pacing against simulated targets (concurrency 4, ceiling 1,000/s, Retry-After 1 s)', () => {
  it.each([
    { limit: 30, requests: 1000 },
    { limit: 200, requests: 3000 },
  ])(
    'settles at >= 0.9 R with <= 2 % of requests answered 429 when R = $limit/s',
    async ({ limit, requests }) => {
      const result = await simulatePacing({
        target: { kind: 'paceLimit', limit },
        ceiling: 1000,
        concurrency: 4,
        requests,
        latencyMs: 20,
      });
      expect(result.acceptedPerSecond).toBeGreaterThanOrEqual(0.9 * limit);
      expect(result.throttledShare).toBeLessThanOrEqual(0.02);
    },
  );

  it('keeps the pace of a fixed-rate client when a fifth of the answers are 429 whatever the pace', async () => {
    const options = {
      target: { kind: 'storm', every: 5 } as const,
      ceiling: 1000,
      concurrency: 4,
      requests: 600,
      latencyMs: 20,
    };
    const adaptive = await simulatePacing(options);
    const fixed = await simulatePacing({ ...options, adaptive: false });
    expect(adaptive.acceptedPerSecond).toBeGreaterThanOrEqual(0.9 * fixed.acceptedPerSecond);
  });
});
