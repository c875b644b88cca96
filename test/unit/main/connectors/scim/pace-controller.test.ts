import { describe, expect, it } from 'vitest';
import {
  createPaceController,
  type PaceChange,
  type PaceController,
} from '../../../../../src-main/connectors/scim/pace-controller';
import { excessive, verdict, type Verdict } from '../../../../../src-main/connectors/scim/pace-verdict';

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

  it('descends under the accepted rate once 429s are a sample, and ignores answers sent before', () => {
    const pace = createPaceController({ ceiling: 100, startedAt: 0 });
    // A second at 100 answers/s, then a third of them refused (a limit near 66/s): a round of 20
    // answers is a sample of it.
    answers(pace, 0, 1000, 100);
    answers(pace, 1000, 1100, 10, (i) => i % 3 === 0);
    expect(pace.phase()).toBe('cruising');
    answers(pace, 1100, 1240, 14, (i) => i % 3 === 0);
    expect(pace.phase()).toBe('descending');
    const lowered = pace.rate();
    expect(lowered).toBeLessThan(100);
    expect(lowered).toBeGreaterThanOrEqual(50);
    // 429s to requests sent before the change say nothing about the new pace.
    for (const at of [1241, 1242, 1243]) pace.observe(1230, at, true);
    expect(pace.rate()).toBe(lowered);
  });

  it('at the ceiling, two 429s among the first few answers are no excess yet; most of them are', () => {
    const storm = createPaceController({ ceiling: 1000, startedAt: 0 });
    // The first answers of a cycle in a storm: a pace measured on them is a guess.
    answers(storm, 100, 150, 4, (i) => i < 2);
    expect(storm.rate()).toBe(1000);
    // Far above a pace limit, most answers are 429 at once: no need to wait for a sample.
    const limited = createPaceController({ ceiling: 1000, startedAt: 0 });
    answers(limited, 100, 150, 6, (i) => i > 1);
    expect(limited.phase()).toBe('descending');
    expect(limited.rate()).toBeLessThan(1000);
  });

  it('a storm found on the way down sends the rate back to where the descent began', () => {
    const pace = createPaceController({ ceiling: 1000, startedAt: 0 });
    // The client sends 40 answers/s whatever the rate (bound by its slots), and a fifth are 429.
    const stormy = (i: number) => i % 5 === 2;
    answers(pace, 0, 1000, 40, stormy);
    expect(pace.phase()).toBe('descending');
    // The descent steps keep the same share: a storm, and the rate is the ceiling again at once,
    // not probed back up from the slowest step.
    for (let t = 1000; pace.phase() === 'descending' && t < 20_000; t += 500)
      answers(pace, t, t + 500, 20, stormy);
    expect(pace.phase()).toBe('cruising');
    expect(pace.stormShare()).toBeGreaterThan(0.1);
    expect(pace.rate()).toBe(1000);
  });

  it('in a known storm, an excess is cut by the excess alone', () => {
    const changes: PaceChange[] = [];
    const pace = createPaceController({ ceiling: 1000, startedAt: 0, onChange: (c) => changes.push(c) });
    const stormy = (i: number) => i % 5 === 2;
    answers(pace, 0, 1000, 40, stormy);
    for (let t = 1000; pace.phase() === 'descending' && t < 20_000; t += 500)
      answers(pace, t, t + 500, 20, stormy);
    answers(pace, 20_000, 30_000, 400, stormy);
    expect(pace.rate()).toBe(1000);
    // Then two fifths at 40 answers/s (a pace limit behind the storm, or chance): the new pace is
    // what got through both, S × (1 − 0.4) / (1 − 0.2) less 5 % ≈ 28.5/s, not S × (1 − 0.4) less 5 %.
    answers(pace, 30_000, 35_000, 200, (i) => i % 5 < 2);
    const cut = changes.find((c) => c.at >= 30_000 && c.reason === 'excess');
    expect(cut?.from).toBe(1000);
    // (S is read from the last answers, a little above 40/s here.)
    expect(cut?.to).toBeGreaterThan(27);
    expect(cut?.to).toBeLessThan(32);
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

  it('takes one 429 near a known limit for the limit: a step back, not a probe on', () => {
    const pace = createPaceController({ ceiling: 100, startedAt: 0 });
    // A third refused at 100 answers/s, then a step without 429s: probing up to the refused pace.
    answers(pace, 0, 1000, 100);
    answers(pace, 1000, 1240, 24, (i) => i % 3 === 0);
    let t = 1240;
    // Quiet rounds of a second at the rate until probing takes 1 % steps (two steps alike: past
    // the halfway steps, near the refused pace).
    const round = (throttled: (i: number) => boolean = () => false) => {
      answers(pace, t, t + 1000, Math.ceil(pace.rate()), throttled);
      t += 1000;
    };
    const steps = [0, 0];
    for (let i = 0; i < 30 && !(steps[0]! > 0 && Math.abs(steps[0]! - steps[1]!) < 1e-9); i++) {
      const before = pace.rate();
      round();
      steps.unshift(pace.rate() - before);
    }
    expect(pace.phase()).toBe('cruising');
    const near = pace.rate();
    expect(near).toBeLessThan(100);
    // One 429 in the round: 5 % back, without a descent.
    round((i) => i === 10);
    expect(pace.phase()).toBe('cruising');
    expect(pace.rate()).toBeCloseTo(near * 0.95, 5);
    // Then 1 % steps of that rate, up to it.
    round();
    expect(pace.rate()).toBeCloseTo(near * 0.96, 5);
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
