/**
 * Adaptive pacing against a target that throttles (issue 11): which request rate to pace to, decided
 * from the answers alone. Pure state over an injected time: the limiter (rate-limit.ts) feeds it every
 * answer and paces to `rate()`.
 *
 * A target with a pace limit R (a token bucket answering 429 + Retry-After beyond it) accepts about R
 * requests per second however fast we send, and stops throttling once we send below R. A target that
 * answers 429 whatever the pace (a flaky gateway, a tenant-wide limit shared with others) keeps
 * throttling the same share when we slow down. The estimator tells the two apart by trying:
 *
 * 1. **Measure**: a throttle answer to a request sent at the current rate tells that this pace is
 *    over the limit, and the answers of the last window (≥ 1 s) that the target accepted at least
 *    this many per second. Far apart (the first 429 after starting at the job's ceiling), the next
 *    rate bisects between them; close, it is 95 % of the accepted rate.
 * 2. **Test** the new rate for one window (≥ 1 s and enough answers, or until the 429s prove it too
 *    fast), counting only answers to requests sent after the change:
 *    - hardly any throttle answers: under the limit → bisect upward while the refused pace is far
 *      off, else probe;
 *    - fewer, but still some: a pace limit we are still above → measure again over this window;
 *    - about as many as before, at least 10 % both times: 429s regardless of pace → back to the rate
 *      before the decreases, and throttle answers leave it alone for `stormHoldWindows`.
 * 3. **Probe** upward while no throttle answer comes: steps of 1 % of the last refused pace that
 *    double each quiet window, up to it (the rate sits just under R most of the time and crosses it
 *    briefly), then again from 1 %, doubling, so a limit that was raised is found in a few seconds.
 *    At the ceiling (the job's maxRequestsPerSecond) probing ends.
 *
 * The request that got the 429 honours its Retry-After itself (retry.ts waits before its retry); the
 * whole connection does not stop, because a token-bucket target's "Retry-After: 1" speaks of that
 * request's token, and stopping everything for it would halve the throughput.
 */

export interface PaceEstimatorOptions {
  /** The job's maxRequestsPerSecond: the starting rate and the most the estimator paces to. */
  ceiling: number;
  /** Length of a measuring window (default 1,000 ms: shorter windows are skewed by bursts). */
  windowMs?: number;
}

export interface PaceEstimator {
  rate(): number;
  /** When the rate last changed: answers to requests sent before it tell about an older rate. */
  changedAt(): number;
  /** Feeds the answer to a request sent at `sentAt` that arrived at `now`. Returns whether the rate changed. */
  observe(sentAt: number, now: number, throttled: boolean): boolean;
  /** What the estimator believes now (for logs and tests). */
  phase(): PacePhase;
}

export type PacePhase = 'unthrottled' | 'testing' | 'probing' | 'storm';

/** Margin under a measured limit. */
const margin = 0.95;
/** A test window closes with at least this many answers (and at least one window of time)... */
const minTestAnswers = 8;
/** ...or after this many windows, however few answers came. */
const maxTestWindows = 5;
/** Throttle answers in a test window that still count as "none" (answers already on their way). */
const strayThrottles = 1;
/** A test sent at its pace when its answers came at least this share of it. */
const fullPace = 0.8;
/** More throttle answers than this end a test early: the pace is too fast (or the target storms). */
const refusedThrottles = 3;
/** The share must fall below this part of the share before the decrease to prove a pace limit. */
const fallenShare = 0.6;
/**
 * Below this share, throttle answers are treated as a pace limit we are just above: near the limit
 * a few 429s per window are noise, and slowing down 5 % costs little even when they are not.
 */
const stormShare = 0.1;
/** Windows during which throttle answers leave the rate alone after a storm was recognised. */
const stormHoldWindows = 10;
/** First probing step, as a share of the measured limit. */
const probeShare = 0.01;
/** Never slower than this (requests/s), whatever the target answers. */
const minimumRate = 0.5;

interface Answer {
  at: number;
  throttled: boolean;
}

interface Testing {
  kind: 'testing';
  since: number;
  /** The rate before the first decrease of this run of tests: where a storm sends the rate back. */
  rateBefore: number;
  /** The throttled share before this test's decrease, or null when too few answers showed it. */
  shareBefore: number | null;
  /** What the target accepts lies between these (requests/s), as far as the tests so far show. */
  lower: number;
  upper: number;
  answers: number;
  throttled: number;
}

interface Probing {
  kind: 'probing';
  limit: number;
  steppedAt: number;
  step: number;
}

type State = { kind: 'unthrottled' } | Testing | Probing | { kind: 'storm'; until: number };

interface Bounds {
  lower: number;
  upper: number;
}

export function createPaceEstimator(options: PaceEstimatorOptions): PaceEstimator {
  const ceiling = options.ceiling;
  const windowMs = options.windowMs ?? 1000;
  const floor = Math.min(ceiling, minimumRate);
  let rate = ceiling;
  let changedAt = Number.NEGATIVE_INFINITY;
  let firstAnswerAt: number | null = null;
  let state: State = { kind: 'unthrottled' };
  /** Answers of the last window, oldest first (`head` skips the expired ones without shifting). */
  const recent: Answer[] = [];
  let head = 0;

  function remember(now: number, throttled: boolean): void {
    recent.push({ at: now, throttled });
    while (head < recent.length && recent[head]!.at <= now - windowMs) head += 1;
    if (head > 1024 && head * 2 > recent.length) {
      recent.splice(0, head);
      head = 0;
    }
  }

  /**
   * What the last window says about the target's limit: at least the accepted answers per second
   * (over a whole window even when less has passed: the target's burst allowance inflates a short
   * one), at most what we sent; and the throttled share, when enough answers show it.
   */
  function lastWindow(now: number): Bounds & { share: number | null } {
    let accepted = 0;
    let throttled = 0;
    for (let i = head; i < recent.length; i++) {
      if (recent[i]!.throttled) throttled += 1;
      else accepted += 1;
    }
    const answers = accepted + throttled;
    const elapsed = now - (firstAnswerAt ?? now);
    const sentPerSecond = answers / (Math.max(Math.min(elapsed, windowMs), windowMs / 20) / 1000);
    const lower = accepted / (windowMs / 1000);
    return {
      lower,
      // Before the first throttle the rate is the job's ceiling, which says little about the pace of
      // sending; afterwards the rate was the pace.
      upper: Math.max(lower, state.kind === 'unthrottled' ? Math.min(rate, sentPerSecond) : rate),
      share: elapsed >= windowMs && answers >= minTestAnswers ? throttled / answers : null,
    };
  }

  function setRate(next: number, now: number): void {
    rate = Math.min(ceiling, Math.max(floor, next));
    changedAt = now;
  }

  function startTest(
    now: number,
    next: number,
    test: Omit<Testing, 'kind' | 'since' | 'answers' | 'throttled'>,
  ): void {
    setRate(next, now);
    state = { kind: 'testing', since: now, ...test, answers: 0, throttled: 0 };
  }

  /**
   * The pace `refused` drew throttle answers: the limit lies between `lower` (accepted per second)
   * and it. Far apart, the next test bisects; close, the rate goes just under what was accepted.
   */
  function afterRefusal(now: number, bounds: Bounds, shareBefore: number | null, rateBefore: number): void {
    const upper = Math.max(bounds.lower, bounds.upper);
    const next =
      upper * margin * margin > bounds.lower
        ? Math.max(bounds.lower, (bounds.lower + upper) / 2)
        : bounds.lower * margin;
    startTest(now, Math.min(next, rate * margin), { rateBefore, shareBefore, lower: bounds.lower, upper });
  }

  function startProbing(now: number, limit: number): void {
    state = { kind: 'probing', limit, steppedAt: now, step: limit * probeShare };
  }

  function closeTest(test: Testing, now: number): void {
    const seconds = Math.max(now - test.since, windowMs) / 1000;
    if (test.throttled <= strayThrottles) {
      // Accepted. When we really sent at this pace, bisect upward while the refused pace is far off;
      // when we sent slower (requests waiting out Retry-Afters hold their slots), the test proved
      // little: probe upward from here.
      const lower = rate;
      if (test.answers / seconds >= rate * fullPace && test.upper * margin * margin > lower) {
        startTest(now, (lower + test.upper) / 2, { ...test, lower, shareBefore: null });
      } else {
        // Additive steps up to the pace last refused, where the limit is likely to be.
        startProbing(now, Math.max(rate, test.upper));
      }
      return;
    }
    const share = test.throttled / test.answers;
    if (
      test.shareBefore !== null &&
      test.shareBefore >= stormShare &&
      share >= stormShare &&
      share >= test.shareBefore * fallenShare
    ) {
      // Slower sending did not thin the 429s out: they come whatever the pace.
      setRate(test.rateBefore, now);
      state = { kind: 'storm', until: now + stormHoldWindows * windowMs };
      return;
    }
    // Over a whole window at least: a test cut short by its throttle answers would overstate it.
    const acceptedPerSecond = (test.answers - test.throttled) / seconds;
    const bounds = { lower: Math.max(test.lower, acceptedPerSecond), upper: rate };
    afterRefusal(now, bounds, test.answers >= minTestAnswers ? share : null, test.rateBefore);
  }

  function probe(probing: Probing, now: number): void {
    if (now - probing.steppedAt < windowMs) return;
    if (rate < probing.limit) {
      // Up to the limit in steps that double (1 %, 2 %, 4 % … of it), so an estimate that came out
      // low (a loaded client, a burst) costs a few windows, not one per percent; then small steps again.
      setRate(Math.min(probing.limit, rate + probing.step), now);
      probing.step = rate >= probing.limit ? probing.limit * probeShare : probing.step * 2;
    } else {
      setRate(rate + probing.step, now);
      probing.step *= 2;
    }
    probing.steppedAt = now;
    if (rate >= ceiling) state = { kind: 'unthrottled' };
  }

  return {
    rate: () => rate,
    changedAt: () => changedAt,
    phase: () => state.kind,
    observe(sentAt, now, throttled) {
      firstAnswerAt ??= now;
      remember(now, throttled);
      const before = rate;
      const current = sentAt > changedAt;
      switch (state.kind) {
        case 'unthrottled':
        case 'probing':
          if (throttled && current) {
            const { share, ...bounds } = lastWindow(now);
            afterRefusal(now, bounds, share, rate);
          } else if (!throttled && state.kind === 'probing') {
            probe(state, now);
          }
          break;
        case 'testing':
          if (sentAt > state.since) {
            state.answers += 1;
            if (throttled) state.throttled += 1;
          }
          // A test ends after a window with enough answers, or as soon as the throttle answers
          // prove the pace too fast (each one costs its request a Retry-After).
          if (
            state.throttled > refusedThrottles ||
            (now - state.since >= windowMs &&
              (state.answers >= minTestAnswers || now - state.since >= maxTestWindows * windowMs))
          ) {
            closeTest(state, now);
          }
          break;
        case 'storm':
          if (now >= state.until) {
            if (rate >= ceiling) state = { kind: 'unthrottled' };
            else startProbing(now, rate);
          }
          break;
      }
      return rate !== before;
    },
  };
}
