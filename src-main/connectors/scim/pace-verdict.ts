/**
 * What the pace controller (pace-controller.ts) reads from counts of answers and 429s, as data and
 * pure functions: the tuning table, whether a round's 429s exceed a storm baseline, and what a
 * descent step says about the target (a pace limit, a storm, or still above a limit).
 */

/** The tuning, in one place (every share is of answers; every factor of a rate). */
export const pacing = {
  /** A round's share is trusted for a storm verdict (and, in a storm, for an excess) from this many answers. */
  minAnswers: 20,
  /** The pace before a descent is read from the last window, or from this many answers at a slow pace. */
  lookBackAnswers: 40,
  /** Without a storm, a quiet round of this many answers over a window is enough to probe upward. */
  minQuietAnswers: 5,
  /** A descent step with this many 429s, more than half its answers, is far above a limit: next step at once. */
  earlyThrottles: 5,
  /** A descent step lasts at least this part of a window (a shorter one overstates the accepted rate). */
  minStepWindows: 0.5,
  /** Any round closes after this many windows, however few answers came. */
  maxRoundWindows: 5,
  /** 429s beyond the baseline count as excess when above mean + z standard deviations + strays. */
  excessZ: 2.5,
  /** Answers already on their way when the pace changed, or plain chance: never an excess alone. */
  strays: 1,
  /** Pace under a measured accepted rate. */
  margin: 0.95,
  /**
   * A descent step is at least 5 % slower, and at most twice as slow, as the pace before: while
   * throttled, a client that honours Retry-After sends less than it could, so what a step measures is
   * low, and a storm's chance excess must not send the rate down in one go.
   */
  slowest: 0.5,
  /** A share that fell below this part of the step before's has thinned out: a pace limit. */
  thinned: 0.6,
  /** A step's share above the one before by more than this many standard errors did not hold. */
  heldZ: 1.64,
  /** A share above this that does not thin is still taken for a pace limit far away (keep descending). */
  largeShare: 0.5,
  /** A share below this is no storm: a few per cent of 429s are a pace limit we are just above. */
  minStormShare: 0.05,
  /** The baseline remembers about this many answers, so a storm that ends fades out of it. */
  baselineMemory: 200,
  /** A cruising round at one rate ends after this many answers (a pooled sample shows a small excess). */
  maxRoundAnswers: 100,
  /** In a storm, quiet rounds may raise the baseline up to this many times the share its verdict measured. */
  stormCap: 1.5,
  /** First probing step: this share of the last refused pace, or of the rate when none is known. */
  probeShare: 0.01,
  unknownLimitProbeShare: 0.1,
  /** A round whose rate was more than this many times what it sent was not paced: it tells no limit. */
  unpaced: 1.5,
  /**
   * After such a round, probing starts with steps of this share of the rate, doubling: 1, the rate
   * doubles each round (4 → 34/s in three rounds at R = 20/s; steps of half the rate took four).
   */
  unpacedProbeShare: 1,
  /** Never slower than this many requests per second. */
  minimumRate: 0.5,
} as const;

export interface Round {
  since: number;
  answers: number;
  throttled: number;
}

export type Verdict = 'paceLimit' | 'storm' | 'lower';

/**
 * Whether `throttled` of `answers` exceed what a baseline share explains. The baseline is itself
 * measured on `baselineAnswers` answers: its own error widens the spread (a baseline that came out
 * low by chance would otherwise find an excess in a round of the same storm every minute or two).
 */
export function excessive(
  answers: number,
  throttled: number,
  baseline: number,
  baselineAnswers = Infinity,
): boolean {
  const mean = answers * baseline;
  // Without a baseline (0 answers) there is no storm and no error of it to add.
  const ownError = baselineAnswers > 0 ? answers / baselineAnswers : 0;
  const deviation = Math.sqrt(answers * baseline * (1 - baseline) * (1 + ownError));
  return throttled > mean + pacing.excessZ * deviation + pacing.strays;
}

export function measured(round: Round): boolean {
  return round.answers >= pacing.minAnswers;
}

export function share(round: Round): number {
  return round.answers === 0 ? 0 : round.throttled / round.answers;
}

/** Whether the step's share is above the one before by more than `heldZ` standard errors. */
function grewBeyondChance(step: Round, before: Round): boolean {
  const pooled = (step.throttled + before.throttled) / (step.answers + before.answers);
  const error = Math.sqrt(pooled * (1 - pooled) * (1 / step.answers + 1 / before.answers));
  return share(step) - share(before) > pacing.heldZ * error;
}

/** What a closed descent step says, given the step before it and the baseline known so far. */
export function verdict(step: Round, before: Round, baseline: number, baselineAnswers = Infinity): Verdict {
  const now = share(step);
  // The share held as the pace went down: slowing did not help. It must neither have thinned nor
  // grown beyond what chance explains on two samples of 20 or so (a share that grew: a limit that
  // dropped while we stepped down).
  const held =
    measured(step) &&
    measured(before) &&
    now >= share(before) * pacing.thinned &&
    !grewBeyondChance(step, before) &&
    now >= pacing.minStormShare &&
    now <= pacing.largeShare;
  // Without a storm known, a step clears a pace limit only without any 429: a stray allowed here
  // lets a storm of one in ten pass for a limit one step in three.
  const cleared =
    baseline === 0
      ? step.throttled === 0
      : !excessive(step.answers, step.throttled, baseline, baselineAnswers);
  if (cleared) return 'paceLimit';
  return held ? 'storm' : 'lower';
}
