import { describe, expect, it } from 'vitest';
import {
  createPaceController,
  excessive,
  verdict,
  type PaceController,
  type Verdict,
} from '../../../../../src-main/connectors/scim/pace-controller';

/** Feeds `count` answers spread evenly over [from, to) ms, each sent 20 ms before it came. */
function answers(
  pace: PaceController,
  from: number,
  to: number,
  count: number,
  throttled: (i: number) => boolean = () => false,
): void {
  for (let i = 0; i < count; i++) {
    const at = from + ((to - from) * i) / count;
    pace.observe(at - 20, at, throttled(i));
  }
}

describe('excess over the storm baseline', () => {
  it.each([
    // answers, 429s, baseline, excessive?
    [20, 1, 0, false],
    [20, 2, 0, true],
    [20, 8, 0.2, false],
    [20, 10, 0.2, true],
    [100, 30, 0.2, false],
    [100, 33, 0.2, true],
  ])('%i answers with %i 429s over a baseline of %f: %s', (count, throttled, baseline, expected) => {
    expect(excessive(count, throttled, baseline)).toBe(expected);
  });
});

describe('what a descent step says', () => {
  const cases: [string, [number, number], [number, number], number, Verdict][] = [
    ['no 429s at the lower pace: a pace limit', [20, 0], [20, 12], 0, 'paceLimit'],
    ['the share thinned out: still above a limit', [20, 4], [20, 12], 0, 'lower'],
    ['the share held at a fifth: a storm', [20, 4], [20, 5], 0, 'storm'],
    ['the step before had too few answers to compare', [20, 4], [5, 2], 0, 'lower'],
    ['a share above half that holds is a limit far away', [20, 14], [20, 15], 0, 'lower'],
    ['a few per cent that holds is a limit just crossed, not a storm', [60, 2], [60, 3], 0, 'lower'],
    ['within a known storm baseline: under the limit', [20, 5], [20, 12], 0.2, 'paceLimit'],
  ];
  it.each(cases)(
    '%s',
    (_label, [stepAnswers, stepThrottled], [beforeAnswers, beforeThrottled], base, expected) => {
      const step = { since: 0, answers: stepAnswers, throttled: stepThrottled };
      const before = { since: 0, answers: beforeAnswers, throttled: beforeThrottled };
      expect(verdict(step, before, base)).toBe(expected);
    },
  );
});

describe('pace controller', () => {
  it('keeps the ceiling while no 429 comes', () => {
    const pace = createPaceController({ ceiling: 100, startedAt: 0 });
    answers(pace, 0, 5000, 400);
    expect(pace.rate()).toBe(100);
    expect(pace.phase()).toBe('cruising');
  });

  it('descends under the accepted rate at once when 429s start, and ignores answers sent before', () => {
    const pace = createPaceController({ ceiling: 100, startedAt: 0 });
    // A second at 100 answers/s, then a third of them refused (a limit near 66/s).
    answers(pace, 0, 1000, 100);
    answers(pace, 1000, 1100, 10, (i) => i % 3 === 0);
    expect(pace.phase()).toBe('descending');
    const lowered = pace.rate();
    expect(lowered).toBeLessThan(100);
    expect(lowered).toBeGreaterThanOrEqual(50);
    // 429s to requests sent before the change say nothing about the new pace.
    for (const at of [1101, 1102, 1103]) pace.observe(1090, at, true);
    expect(pace.rate()).toBe(lowered);
  });

  it('tells a storm from a pace limit and climbs back to the ceiling', () => {
    const pace = createPaceController({ ceiling: 1000, startedAt: 0 });
    answers(pace, 0, 2000, 40);
    // A fifth of the answers are 429, whatever the pace (the answers come at the client's own pace,
    // far under the ceiling, as with a client bound by its slots).
    answers(pace, 2000, 20_000, 300, (i) => i % 5 === 2);
    expect(pace.stormShare()).toBeGreaterThan(0.1);
    expect(pace.phase()).toBe('cruising');
    // Later rounds at the storm's share raise the rate back, and then leave it alone.
    answers(pace, 20_000, 40_000, 400, (i) => i % 5 === 2);
    expect(pace.rate()).toBe(1000);
    answers(pace, 40_000, 80_000, 800, (i) => i % 5 === 2);
    expect(pace.rate()).toBe(1000);
  });

  it('lets a storm that passed fade out of the baseline', () => {
    const pace = createPaceController({ ceiling: 1000, startedAt: 0 });
    answers(pace, 0, 2000, 40);
    answers(pace, 2000, 20_000, 300, (i) => i % 5 === 2);
    const during = pace.stormShare();
    answers(pace, 20_000, 60_000, 800);
    expect(pace.stormShare()).toBeLessThan(during / 4);
  });
});
