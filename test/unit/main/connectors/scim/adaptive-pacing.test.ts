/**
 * Issue 11's adaptive pacing on simulated time (no real timers): the real limiter and pace controller
 * against a target with a pace limit (a token bucket answering 429 + Retry-After, as the bench's
 * Sandbox with --rate), a gateway answering a random share 429 whatever the pace (as the chaos tests'
 * fault proxy), and both. Figures are taken after the pacer had time to settle.
 */
import { describe, expect, it } from 'vitest';
import { figuresBetween, simulatePacing, type SimulationOptions } from './pacing-simulation';

const client = { ceiling: 1000, concurrency: 4, latencyMs: 20 } as const;

describe('adaptive pacing against a pace limit (job ceiling 1,000/s, Retry-After 1 s)', () => {
  it.each([
    { limit: 5, requests: 1000, concurrency: 4, settleMs: 30_000 },
    { limit: 30, requests: 2000, concurrency: 4, settleMs: 10_000 },
    { limit: 200, requests: 12_000, concurrency: 8, settleMs: 10_000 },
    // Before a single 429 near a known limit took that rate for the limit: 0.98 R, 2.0 % (probing
    // on past it drew a 429 a round until the second came).
    { limit: 20, requests: 1500, concurrency: 4, settleMs: 10_000 },
  ])(
    'settles at >= 0.9 R with <= 2 % of requests answered 429 when R = $limit/s',
    async ({ limit, requests, concurrency, settleMs }) => {
      const result = await simulatePacing({
        ...client,
        concurrency,
        requests,
        target: { limitAt: () => limit },
      });
      // Up to the last whole second: the run's tail has fewer requests left than slots.
      const settled = figuresBetween(result, settleMs, Math.floor(result.seconds - 1) * 1000);
      expect(settled.acceptedPerSecond).toBeGreaterThanOrEqual(0.9 * limit);
      expect(settled.throttledShare).toBeLessThanOrEqual(0.02);
    },
  );

  it.each([
    // Short of the goal at R = 20 here: the ten reads at 200/s meet a bucket of 2 tokens, and draw
    // 429s one after another for 4 s before any pacing can help (17 of the run's 28 429s). Before
    // the slow start's fix: 0.50 R and 0.66 R, as the bench measured (0.53 and 0.65 R); before the
    // probe's crossing was read from its quiet rate: 0.70 R with 6.6 % answered 429 (a 429 in the
    // step after the crossing passed for a 5 % storm) and 0.89 R.
    { limit: 20, requests: 1200, readLatencyMs: 5, atLeast: 0.8, throttledAtMost: 0.03 },
    { limit: 50, requests: 3000, readLatencyMs: 5, atLeast: 0.88, throttledAtMost: 0.02 },
    // Before: 0.44 R. The step below the burst drew one 429 from the burst's own retries, the step
    // below that cleared, and the first step's pace (3/s) was taken for the limit: probing crept up
    // by 1 % a round for a minute. Now the descent from a round that was not paced doubles up again
    // however many steps it took: 0.75 R (the reads' 429s still cost the first 10 s).
    { limit: 30, requests: 1800, readLatencyMs: 5, atLeast: 0.7, throttledAtMost: 0.02 },
    // Before: 0.47 R. The first two descent steps drew 10 % of 429s each while the workers, waiting
    // out the burst's Retry-After, sent a fraction of the steps' rates: the share "held", a storm was
    // read, and the rate went back to the ceiling for 20 s. A step its client did not pace is no
    // storm verdict now: 0.97 R.
    { limit: 100, requests: 6000, readLatencyMs: 5, atLeast: 0.9, throttledAtMost: 0.02 },
    // The bench's start: list reads that take 100 ms each (the bucket never refuses them), then
    // the workers' burst. Before: 0.90 R with 2.3 % answered 429 at R = 20; 0.40 R with 14.5 % at
    // R = 50 (a crossing's 429s passed for a storm, and the storm's probing crossed again and
    // again). After: 0.90 R with 1.5 %, 0.92 R with 0.6 %.
    { limit: 20, requests: 1200, readLatencyMs: 100, atLeast: 0.88, throttledAtMost: 0.02 },
    { limit: 50, requests: 3000, readLatencyMs: 100, atLeast: 0.9, throttledAtMost: 0.02 },
  ])(
    'after a slow start (10 list reads one at a time, $readLatencyMs ms each), the whole run of R = $limit/s gets >= $atLeast R',
    async ({ limit, requests, readLatencyMs, atLeast, throttledAtMost }) => {
      // The bench's rate rows on an idle machine: the first round measured 9 answers in 1.2 s, 5 of
      // them 429 (the bucket's burst), and the limit read from it (4/s for R = 20) held the pace
      // there for 40 s while probing crept up by 1 %.
      const result = await simulatePacing({
        ...client,
        latencyMs: 5,
        requests,
        leadingReads: 10,
        readLatencyMs,
        target: { limitAt: () => limit },
      });
      const whole = figuresBetween(result, 0, Math.floor(result.seconds) * 1000);
      expect(whole.acceptedPerSecond).toBeGreaterThanOrEqual(atLeast * limit);
      expect(whole.throttledShare).toBeLessThanOrEqual(throttledAtMost);
    },
  );

  it.each([
    // Before: 0.48 / 0.79 / 0.84 / 0.86 R. The pace before the first descent was read back across
    // the pause to the first reads, a fifth of the burst's (R = 20: 1,000 → 1.6/s, then four doubling
    // rounds). Now a gap no pace leaves (over 1 / minimumRate) ends the look-back: 0.67 / 0.87 / 0.87
    // / 0.90 R, and the bench's trace showed the same start (1,000 → 3.3/s at R = 20). At R = 10/s
    // the burst's 429s are 2.1 % of a one-minute run (12 of 600). The first doubling at once once
    // that step clears: 0.69 / 0.88 / 0.88 / 0.91 R.
    { limit: 10, atLeast: 0.62, throttledAtMost: 0.025 },
    { limit: 20, atLeast: 0.84, throttledAtMost: 0.02 },
    { limit: 50, atLeast: 0.86, throttledAtMost: 0.02 },
    { limit: 100, atLeast: 0.88, throttledAtMost: 0.02 },
  ])(
    'after two reads and a 3 s pause before the first write (the source read), R = $limit/s gets >= $atLeast R',
    async ({ limit, atLeast, throttledAtMost }) => {
      const result = await simulatePacing({
        ...client,
        latencyMs: 5,
        requests: limit * 60,
        leadingReads: 2,
        readLatencyMs: 5,
        pauseBeforeWorkersMs: 3000,
        target: { limitAt: () => limit },
      });
      const whole = figuresBetween(result, 0, Math.floor(result.seconds) * 1000);
      expect(whole.acceptedPerSecond).toBeGreaterThanOrEqual(atLeast * limit);
      expect(whole.throttledShare).toBeLessThanOrEqual(throttledAtMost);
    },
  );

  it('settles again when the limit drops from 60/s to 20/s mid-run', async () => {
    const result = await simulatePacing({
      ...client,
      requests: 3000,
      target: { limitAt: (ms) => (ms < 30_000 ? 60 : 20) },
    });
    expect(figuresBetween(result, 10_000, 30_000).acceptedPerSecond).toBeGreaterThanOrEqual(0.9 * 60);
    const after = figuresBetween(result, 45_000, Math.floor(result.seconds - 1) * 1000);
    expect(after.acceptedPerSecond).toBeGreaterThanOrEqual(0.9 * 20);
    expect(after.throttledShare).toBeLessThanOrEqual(0.04);
  });

  it('finds a limit raised from 20/s to 60/s mid-run', async () => {
    const result = await simulatePacing({
      ...client,
      requests: 3000,
      target: { limitAt: (ms) => (ms < 30_000 ? 20 : 60) },
    });
    expect(figuresBetween(result, 10_000, 30_000).acceptedPerSecond).toBeGreaterThanOrEqual(0.9 * 20);
    const after = figuresBetween(result, 45_000, Math.floor(result.seconds - 1) * 1000);
    expect(after.acceptedPerSecond).toBeGreaterThanOrEqual(0.9 * 60);
    expect(after.throttledShare).toBeLessThanOrEqual(0.02);
  });

  it('honours a Retry-After of 2 s on every 429 and still settles at >= 0.9 R', async () => {
    const result = await simulatePacing({
      ...client,
      requests: 2000,
      retryAfterMs: 2000,
      target: { limitAt: () => 30 },
    });
    expect(result.retryGaps.length).toBeGreaterThan(0);
    expect(Math.min(...result.retryGaps)).toBeGreaterThanOrEqual(2000);
    const settled = figuresBetween(result, 10_000, Math.floor(result.seconds - 1) * 1000);
    expect(settled.acceptedPerSecond).toBeGreaterThanOrEqual(0.9 * 30);
    expect(settled.throttledShare).toBeLessThanOrEqual(0.02);
  });
});

describe('adaptive pacing when 429s come whatever the pace', () => {
  const storm = (seed: number, concurrency: number, latencyMs: number): SimulationOptions => ({
    ...client,
    concurrency,
    latencyMs,
    requests: 3000,
    target: { stormShare: 0.2, seed },
  });

  it.each([
    { seed: 8008, concurrency: 4, latencyMs: 20 },
    { seed: 3, concurrency: 8, latencyMs: 60 },
  ])(
    'a 20 % storm (seed $seed, $concurrency slots) costs no throughput against a client that ignores it',
    async ({ seed, concurrency, latencyMs }) => {
      const adaptive = await simulatePacing(storm(seed, concurrency, latencyMs));
      const fixed = await simulatePacing({ ...storm(seed, concurrency, latencyMs), adaptive: false });
      const ratio = adaptive.seconds / fixed.seconds;
      expect(ratio).toBeLessThanOrEqual(1.1);
      // The rate was left alone, not dragged down to a floor.
      expect(adaptive.finalRate).toBeGreaterThanOrEqual(0.5 * client.ceiling);
    },
  );

  it('a pace limit of 10/s behind a 20 % storm: paced, not collapsed', async () => {
    const mix: SimulationOptions = {
      ...client,
      requests: 1000,
      target: { limitAt: () => 10, stormShare: 0.2 },
    };
    const adaptive = await simulatePacing(mix);
    const atCeiling = await simulatePacing({ ...mix, adaptive: false });
    const toldR = await simulatePacing({ ...mix, ceiling: 10, adaptive: false });
    const end = (r: { seconds: number }) => Math.floor(r.seconds - 1) * 1000;
    const settled = figuresBetween(adaptive, 30_000, end(adaptive));
    // A client at the ceiling bursts into the bucket: about 80 % of its requests are refused.
    expect(figuresBetween(atCeiling, 30_000, end(atCeiling)).throttledShare).toBeGreaterThan(0.7);
    // Paced: about the storm's share of 429s, and at least 60 % of what a client told R in advance
    // gets (5.1/s of 7.5/s; it was 4.1/s before an excess in a storm was cut by the excess alone:
    // the rest is the pacer's known shortfall, the storm's 429s blur where the limit is).
    expect(settled.throttledShare).toBeLessThanOrEqual(0.27);
    expect(settled.acceptedPerSecond).toBeGreaterThanOrEqual(
      0.6 * figuresBetween(toldR, 30_000, end(toldR)).acceptedPerSecond,
    );
  });
});
