/**
 * Which request rate to pace to against a target that throttles (issue 11), decided from the answers
 * alone. Pure state over an injected time: the limiter (rate-limit.ts) feeds it every answer and paces
 * to `rate()`.
 *
 * Two kinds of target answer 429 and must be told apart, because the right reaction is opposite:
 * - a **pace limit** R (a token bucket) refuses what we send beyond R: slowing down thins the 429s out
 *   until none come below R, and the accepted rate stays about R however fast we send;
 * - a **storm** (a flaky gateway, a tenant-wide limit shared with others, the fault proxy of the chaos
 *   tests) refuses a share of everything whatever the pace: slowing down only loses throughput.
 *
 * The controller keeps the share of 429s that comes whatever the pace (the storm baseline, 0 until a
 * storm was seen) and works in rounds: answers to requests sent after the round began (the last rate
 * change), so answers to requests sent at an older rate never count.
 *
 * - **Cruising** (at the ceiling, or probing upward): without a storm, two 429s start a descent —
 *   while probing at once; at the ceiling once the round is a sample of 20 answers, or at once when
 *   most answers are 429 (two 429s among a cycle's first answers are no measure of anything); in a
 *   storm, a whole round whose 429s exceed the baseline beyond chance, the baseline's own error
 *   counted (`excessive`), does. A quiet round lets the baseline follow the storm (down freely, up
 *   to what its verdict measured, with that sample's error) and, below the ceiling, raises the rate:
 *   halfway to just under the last refused pace, then 1 % steps (tenths in a storm), then steps
 *   that double (a raised limit, a storm that passed). Without a storm, a round near a known limit
 *   that draws one 429 takes its rate for the limit: 5 % back, and 1 % steps up again.
 * - **Descending**: each step paces at what the pace before got accepted, S × (1 − p) / (1 − b)
 *   with b the storm baseline (a limit behind a storm sees only what the storm let through), less
 *   5 %, and never below half of S, for one round; S is the pace of the last window or of the last
 *   20 answers, whichever is faster (a client that just sped up). A descent that a probe began
 *   paces no faster than 5 % under the last rate probed without a 429 (the last window mixes that
 *   pace with the crossing's burst), and leaves for the limit what the crossing round got accepted
 *   at its own pace, or the geometric middle of the two rates. `verdict` reads each step:
 *   - no 429s (none at all without a storm known; none beyond the baseline in one): a pace limit,
 *     and this pace is under it → cruise and probe;
 *   - the share held since the step before (not thinned, not grown beyond chance; both measured on
 *     20 answers or more — a round cut short by its 429s is compared through the last window —
 *     5–50 %): a storm → the baseline becomes that share, and the rate goes back to where the descent
 *     began (the ceiling, usually), so a storm costs only its descent, once — unless the client
 *     sent far under the step's rate (its workers waiting out Retry-After): a share held at a pace
 *     the pacer did not set tells no storm;
 *   - otherwise (thinning, too few answers to tell, or that unpaced step): one step lower.
 *   The first step below a round that was not paced (a cycle's first: its rate far above what it
 *   sent) clears on half a window without a 429 once it sends its rate, and probing doubles the
 *   rate from there, the first time at once — from wherever a descent that began at such a round
 *   clears, however many steps it took; a storm verdict on the next descent goes back to that
 *   round's rate.
 *
 * A request that got a 429 honours its Retry-After itself (retry.ts, without holding a slot): a token
 * bucket's "Retry-After: 1" speaks of that request's token, and stopping the whole connection for it
 * would halve the throughput.
 */
import { excessive, measured, pacing, share, verdict, type Round, type Verdict } from './pace-verdict';

export interface PaceControllerOptions {
  /** The job's maxRequestsPerSecond: the starting rate and the most the controller paces to. */
  ceiling: number;
  /** Shortest cruising round (default 1,000 ms: shorter rounds are skewed by the target's burst). */
  windowMs?: number;
  /** When the first round begins (the limiter's clock at creation). */
  startedAt: number;
  /** Told of every change of rate or phase, with what decided it (a diagnostic: pace-trace.ts). */
  onChange?: (change: PaceChange) => void;
}

/** Why the rate or phase changed. */
export type PaceReason = 'excess' | 'probe' | Verdict;

/** One decision of the controller, as data (numbers only: nothing of the target or the requests). */
export interface PaceChange {
  /** Milliseconds since the controller started. */
  at: number;
  phase: PacePhase;
  from: number;
  to: number;
  reason: PaceReason;
  /** The round (or descent step) that decided it. */
  answers: number;
  throttled: number;
  /** The storm baseline after the decision. */
  baseline: number;
}

export type PacePhase = 'cruising' | 'descending';

export interface PaceController {
  rate(): number;
  phase(): PacePhase;
  /** The share of answers that are 429 whatever the pace, as far as the answers so far show. */
  stormShare(): number;
  /** Feeds the answer to a request sent at `sentAt` that came at `now`. Returns whether the rate changed. */
  observe(sentAt: number, now: number, throttled: boolean): boolean;
}

interface Step extends Round {
  rate: number;
  /**
   * What was sent per second: the paced rate for a descent step; for the round that started the
   * descent, the pace it really had (the rate may be far above what the client sends).
   */
  pace: number;
  /** The share of 429s at that pace. */
  paceShare: number;
  /**
   * For a round that crossed a pace limit while probing: the fastest rate probed without a 429
   * just before (the limit lies between it and the crossing).
   */
  quiet?: number;
  /** For such a round: where the limit likely is (see `crossingLimit`). */
  crossing?: number;
  /** For a round that crossed while probing up from an unpaced round's descent: that round's rate. */
  origin?: number;
}

type State =
  | { kind: 'cruising'; round: Round; probe: Probe | null }
  | { kind: 'descending'; round: Round; steps: Step[] };

interface Probe {
  /** The last pace refused (or null when a storm sent the rate back and no pace was refused). */
  limit: number | null;
  step: number;
  /**
   * The rate of an unpaced round whose descent cleared on a window's answers: a storm verdict on
   * the next descent goes back to it, as it would have from that descent had it lasted 20 answers.
   */
  origin?: number;
}

const newRound = (now: number): Round => ({ since: now, answers: 0, throttled: 0 });

export function createPaceController(options: PaceControllerOptions): PaceController {
  const ceiling = options.ceiling;
  const windowMs = options.windowMs ?? 1000;
  const floor = Math.min(ceiling, pacing.minimumRate);
  let rate = ceiling;
  /** The storm baseline as decaying counts of answers and 429s among them. */
  let baseAnswers = 0;
  let baseThrottled = 0;
  /** What the last quiet cruising round sent per second (0 before the first). */
  let quietPace = 0;
  /** While probing without a storm: the last rate that drew no 429 (null outside a probe). */
  let quietRate: number | null = null;
  /** The share of 429s the last storm verdict measured (0: no storm seen). */
  let verdictShare = 0;
  /** How many answers that share was measured on. */
  let verdictAnswers = 0;
  let state: State = { kind: 'cruising', round: newRound(options.startedAt), probe: null };
  /** What decided the last change (for `onChange`). */
  let reason: PaceReason = 'probe';

  /** In a descent step: when the first request answered in it was sent (null before its first answer). */
  let firstSentInStep: number | null = null;
  /** Answers of the last window, oldest first (`head` skips the expired ones without shifting). */
  const recent: { at: number; throttled: boolean }[] = [];
  let head = 0;
  let firstAnswerAt: number | null = null;

  function keep(now: number, throttled: boolean): void {
    firstAnswerAt ??= now;
    recent.push({ at: now, throttled });
    while (head < recent.length && recent[head]!.at <= now - windowMs) head += 1;
    // Entries before `head` stay a while: a slow pace looks back over the last `lookBackAnswers`.
    if (head > 1024 + pacing.lookBackAnswers && head * 2 > recent.length) {
      recent.splice(0, head - pacing.lookBackAnswers);
      head = pacing.lookBackAnswers;
    }
  }

  /**
   * The answers of the last window (or the last `lookBackAnswers`, at a slow pace), whatever the
   * rounds: a round that just began shows little (its first answers are still on their way).
   */
  function lastWindow(now: number): Round {
    const from = afterPause(Math.max(0, Math.min(head, recent.length - pacing.lookBackAnswers)));
    let throttled = 0;
    for (let i = from; i < recent.length; i++) if (recent[i]!.throttled) throttled += 1;
    const oldest = recent[from]?.at ?? now;
    const since = Math.min(
      now - windowMs / 10,
      Math.max(Math.min(oldest, now - windowMs), firstAnswerAt ?? now),
    );
    return { since, answers: recent.length - from, throttled };
  }

  /**
   * The pace of the last `minAnswers` answers: when the client just sped up (the workers start
   * after the cycle's list reads), the last window still shows the slow part, and a descent from
   * it would pace far under what the client sends, with each step of a storm's verdict taking
   * seconds.
   */
  function recentPace(now: number): number {
    if (recent.length < pacing.minAnswers) return 0;
    const from = afterPause(recent.length - pacing.minAnswers);
    const answers = recent.length - from;
    if (answers < pacing.minQuietAnswers) return 0;
    return sentRate({ since: recent[from]!.at, answers, throttled: 0 }, now);
  }

  /**
   * The first answer from `from` on that no pause precedes: a gap longer than the slowest pace the
   * controller sets (1 / minimumRate) is the client pausing — a cycle discovers the target, then
   * reads its source for seconds before its first write — and a pace read across it came out far
   * under the burst that drew the first 429s (in the simulation, a 20/s limit read as 1.6/s, then
   * four doubling rounds to find it again). The bench's own start has shorter gaps and is not
   * changed by this (docs/performance.md).
   */
  function afterPause(from: number): number {
    const pauseMs = 1000 / pacing.minimumRate;
    let start = recent.length - 1;
    while (start > from && recent[start]!.at - recent[start - 1]!.at <= pauseMs) start -= 1;
    return Math.max(from, start);
  }

  const baseline = () => (baseAnswers === 0 ? 0 : baseThrottled / baseAnswers);

  function remember(round: Round): void {
    baseAnswers += round.answers;
    baseThrottled += round.throttled;
    if (baseAnswers > pacing.baselineMemory) {
      baseThrottled *= pacing.baselineMemory / baseAnswers;
      baseAnswers = pacing.baselineMemory;
    }
  }

  /**
   * A quiet round moves the baseline, but no higher than `stormCap` times the share the last storm
   * verdict measured: a pace limit we are slightly above would otherwise raise it round by round until
   * its 429s counted as the storm. Without a storm, a stray 429 is no baseline.
   */
  function fade(round: Round): void {
    if (verdictShare === 0) return;
    remember(round);
    // A verdict measures its share on a few dozen answers: a storm of 20 % may show 10 %, and a cap
    // of 15 % would then find an excess in every other round of the same storm.
    const error = Math.sqrt((verdictShare * (1 - verdictShare)) / verdictAnswers);
    const cap = Math.min(
      pacing.largeShare,
      Math.max(verdictShare * pacing.stormCap, verdictShare + pacing.excessZ * error),
    );
    if (baseline() > cap) baseThrottled = cap * baseAnswers;
  }

  function setRate(next: number): void {
    rate = Math.min(ceiling, Math.max(floor, next));
  }

  /** What the round sent per second, as far as its answers show (the rate itself may be far above it). */
  function sentRate(round: Round, until: number): number {
    return round.answers / (Math.max(until - round.since, windowMs / 10) / 1000);
  }

  /**
   * Under a pace limit R, a pace S drawing a share p of 429s means R ≈ S × (1 − p). Behind a storm
   * that refuses a share b first, the limit sees only S × (1 − b): the pace it accepts whole is
   * S × (1 − p) / (1 − b). Cutting by the storm's share too would pace a fifth under a limit behind
   * a 20 % storm, and cut a chance excess in a storm by the whole storm instead of by the excess.
   */
  const acceptedAt = (step: Step) =>
    Math.min(step.pace, (step.pace * (1 - step.paceShare)) / (1 - baseline()));

  /**
   * The round ran at the ceiling and sent far less: the pacer never set its pace (a cycle's first
   * round), so what it sent tells no limit. Below the ceiling a round sends less than its rate too,
   * but because its 429s wait their Retry-After: that pace is the pacer's.
   */
  const wasUnpaced = (step: Step) => step.rate >= ceiling && step.rate > step.pace * pacing.unpaced;

  /**
   * Where a limit crossed while probing up from `quiet` likely is: what the crossing round got
   * accepted at its own pace (its last window mixes it with the quiet pace: read from that, the
   * limit came out at 17/s for R = 20/s and held the rate at 13–17/s for 20 s), but no lower than
   * the geometric middle of the two rates (a round cut short by its first 429s reads low: 2 of 3).
   */
  function crossingLimit(quiet: number, round: Round, now: number): number {
    const accepted = Math.min(rate, sentRate(round, now)) * (1 - share(round));
    return Math.max(accepted, Math.sqrt(quiet * rate));
  }

  /**
   * Whether a first descent step (no storm known) shows its pace under a limit on a few answers
   * without a 429, before a storm-proof sample of 20.
   */
  function clearsEarly(first: Step, round: Round, now: number): boolean {
    if (round.throttled > 0 || round.answers < pacing.minQuietAnswers) return false;
    const elapsed = now - round.since;
    // A probe just crossed a pace limit (a few per cent of 429s): a window without a 429.
    if (first.paceShare < pacing.minStormShare * 2) return elapsed >= windowMs;
    // After an unpaced round (a cycle's first), which told no limit: half a window of sending at its
    // rate, counted from the step's first request (the burst's refused requests wait out their
    // Retry-After first; quiet while they wait says nothing, and counting that second too held the
    // bench's first step at 4/s for 2.4 s). 20 answers at the guessed pace took 5.5 s at R = 20/s;
    // a storm that passes for a limit here goes back to the ceiling at its verdict (`origin`).
    if (!wasUnpaced(first) || firstSentInStep === null) return false;
    const sending: Round = { ...round, since: Math.max(round.since, firstSentInStep) };
    return (
      now - sending.since >= pacing.minStepWindows * windowMs &&
      rate <= sentRate(sending, now) * pacing.unpaced
    );
  }

  function descend(steps: Step[], now: number): void {
    firstSentInStep = null;
    const last = steps[steps.length - 1]!;
    const accepted = Math.max(last.pace * pacing.slowest, acceptedAt(last) * pacing.margin);
    // A probe that crossed a limit: its last window mixes the quiet pace with the crossing's burst,
    // and a pace read from it can land above the limit (1 429 in the step then passed for a 5 %
    // storm at R = 20/s). The last quiet rate is known to be at or under the limit.
    setRate(last.quiet === undefined ? accepted : Math.min(accepted, last.quiet * pacing.margin));
    quietRate = null;
    state = { kind: 'descending', round: newRound(now), steps };
  }

  function cruise(now: number, probe: Probe | null): void {
    state = { kind: 'cruising', round: newRound(now), probe: rate < ceiling ? probe : null };
  }

  function closeStep(steps: Step[], round: Round, now: number): void {
    const step: Step = { ...round, rate, pace: rate, paceShare: share(round) };
    const before = steps[steps.length - 1]!;
    const judged = rate <= floor ? 'storm' : verdict(step, before, baseline(), baseAnswers);
    // A step whose client sent far under its rate (its requests waiting out their Retry-After, each
    // holding a worker) was not paced: a share that held there says nothing of the pace — a pace limit
    // of 100/s read as a 10 % storm, and the rate went back to the ceiling (0.47 R in the simulation).
    // Such a step goes one lower instead.
    const unpacedStep = rate > sentRate(round, now) * pacing.unpaced;
    const outcome = judged === 'storm' && unpacedStep && rate > floor ? 'lower' : judged;
    reason = outcome;
    if (outcome === 'lower') {
      descend([...steps, step], now);
      return;
    }
    if (outcome === 'paceLimit') {
      // The pace refused last: probing climbs back toward it quickly, and finds it again if it was
      // set low (a throttled client sends less than its rate while its 429s wait their Retry-After).
      fade(step);
      // A round before that was not paced at all (its rate far above what it sent: the first second
      // of a cycle, with list reads one at a time and the bucket's burst refused) says nothing of
      // the limit, only that this pace is under it. Creeping up from there by 1 % held a 20/s target
      // at 4–8/s for 40 s on an idle machine; doubling finds it in a few rounds.
      quietRate = baseline() === 0 ? rate : null;
      // Only the round that began the descent can be unpaced (every step below runs under the
      // ceiling), and it counts however many steps the descent took: the step below it may draw a
      // 429 from the burst's own retries (sent together once their Retry-After ran out), and taking
      // that step's pace for the limit held a 30/s target at 3/s for a minute.
      const first = steps[0]!;
      if (wasUnpaced(first)) {
        // The step was itself a quiet round at its rate (half a window, once it sent that rate): the
        // first doubling comes at once, not after a second second at the same pace. In the
        // simulation's slow-start rows 9 of 10 gained 0.008–0.023 R (one, R = 100/s after ten fast
        // reads, lost 0.013: 0.971 → 0.958 R); in the bench R = 20/s read 0.91 and 0.93 R after it.
        const probe = { limit: null, step: rate * pacing.unpacedProbeShare };
        setRate(rate + probe.step);
        probe.step *= 2;
        cruise(now, measured(step) ? probe : { ...probe, origin: first.rate });
        return;
      }
      // A small excess puts the limit just under the refused pace; a large one, near what it got
      // accepted. In a storm too (the excess was cut by itself alone), but in steps of a tenth: an
      // excess there may be chance at a pace the client's slots set, and creeping back by 1 % would
      // hold it under that pace for minutes; doubling from the step instead would cross a limit
      // behind the storm every few rounds.
      const limit =
        before.crossing === undefined
          ? Math.max(rate, acceptedAt(before), before.pace * pacing.margin)
          : Math.max(rate, before.crossing);
      const probeShare = verdictShare > 0 ? pacing.unknownLimitProbeShare : pacing.probeShare;
      cruise(now, { limit, step: limit * probeShare });
      return;
    }
    // A storm: the share that stayed is the baseline; back to the fastest step not in excess of it.
    // The round that started the descent counts however few its answers: it was judged against the
    // baseline known then, and slowing down has just shown that its 429s were the storm's. Going back
    // to where it was (the ceiling, usually) is what makes a storm cost only the descent; a pace
    // limit behind the storm shows itself again as an excess over the new baseline.
    remember(before);
    remember(step);
    verdictShare = baseline();
    verdictAnswers = Math.min(baseAnswers, before.answers + step.answers);
    const fastest =
      [...steps, step].find(
        (s, i) => (i === 0 || measured(s)) && !excessive(s.answers, s.throttled, baseline(), baseAnswers),
      ) ?? step;
    setRate(Math.max(fastest.rate, steps[0]!.origin ?? 0));
    cruise(now, { limit: null, step: rate * pacing.unknownLimitProbeShare });
  }

  const nearLimit = (probe: Probe) => probe.limit !== null && rate >= probe.limit * pacing.margin;

  function closeCruise(probe: Probe | null, round: Round, now: number): void {
    fade(round);
    quietPace = sentRate(round, now);
    reason = 'probe';
    if (probe && rate < ceiling && baseline() === 0 && round.throttled > 0 && nearLimit(probe)) {
      // A 429 near a known limit, without a storm: this rate is the limit (one 429 is a sample's
      // worth at a pace a few per cent above it). Probing on from here drew a 429 a round until
      // the second came, 2.5 % of answers at R = 20/s; a step back and 1 % steps up draw one in
      // a few rounds.
      probe.limit = rate;
      probe.step = rate * pacing.probeShare;
      setRate(rate * pacing.margin);
      cruise(now, probe);
      return;
    }
    if (probe && baseline() === 0 && round.throttled === 0) quietRate = rate;
    if (probe && rate < ceiling) {
      const { limit } = probe;
      const near = limit === null ? 0 : limit * pacing.margin;
      if (limit !== null && rate < near) {
        // Halfway to just under the last refused pace each round (at least a 1 % step): a low
        // estimate costs a few rounds, not one per percent.
        setRate(Math.min(near, rate + Math.max(probe.step, (near - rate) / 2)));
      } else if (limit !== null && rate < limit) {
        // Small steps near the limit: it is likely there.
        setRate(Math.min(limit, rate + probe.step));
      } else {
        // Past the last refused pace (or none known): steps that double, so a limit that was raised
        // (or a storm that passed) is found again in a few rounds.
        setRate(rate + probe.step);
        probe.step *= 2;
      }
    }
    cruise(now, probe);
  }

  return {
    rate: () => rate,
    phase: () => state.kind,
    stormShare: baseline,
    observe(sentAt, now, throttled) {
      const before = rate;
      const { round, kind } = state;
      keep(now, throttled);
      // Sent before the round began: at an older rate (requests started at the very instant of a
      // change start after it: the limiter tunes the rate before it starts the next request).
      if (sentAt < round.since) return false;
      round.answers += 1;
      if (throttled) round.throttled += 1;
      if (kind === 'descending') firstSentInStep = Math.min(firstSentInStep ?? sentAt, sentAt);
      const elapsed = now - round.since;
      const storm = baseline() > 0;
      if (state.kind === 'cruising') {
        // Without a storm, two 429s are an excess at once while probing (a limit just crossed), and at
        // the ceiling as soon as the round is a sample (or at once when they are most of it: far
        // above a limit): two 429s among the first answers of a storm would cut the rate to a guess
        // of a pace measured on a handful. In a storm only a whole round can show one (tested once:
        // a few 429s in a row are chance there, and testing at every answer finds them).
        const roundDone =
          round.answers >= pacing.maxRoundAnswers ||
          elapsed >= pacing.maxRoundWindows * windowMs ||
          (state.probe !== null && elapsed >= windowMs && measured(round));
        const overwhelming = round.answers >= pacing.minQuietAnswers && share(round) > pacing.largeShare;
        const testNow = storm
          ? roundDone
          : (throttled || round.answers === pacing.minAnswers) &&
            (state.probe !== null || measured(round) || overwhelming);
        if (testNow && excessive(round.answers, round.throttled, baseline(), baseAnswers)) {
          // The round is the step before the descent for the verdicts; its pace is the last window's,
          // or the last quiet round's when that was faster: a throttled client sends less than it
          // could (its 429s wait out their Retry-After).
          const last = lastWindow(now);
          const pace = Math.min(rate, Math.max(sentRate(last, now), recentPace(now), quietPace));
          reason = 'excess';
          // A round cut short by two 429s is too small a sample to compare the first step with:
          // the last window's answers are the share at this pace too, and let a storm show itself
          // at the first step instead of after a slide of guesses.
          const sample = measured(round) || !measured(last) ? round : last;
          const first: Step = { ...sample, since: round.since, rate, pace, paceShare: share(last) };
          if (!storm && state.probe !== null && quietRate !== null) {
            first.quiet = quietRate;
            first.crossing = crossingLimit(quietRate, round, now);
          }
          if (state.probe?.origin !== undefined) first.origin = state.probe.origin;
          descend([first], now);
        } else if (
          // At the ceiling (or without probing) the rate stays: the round goes on, pooling answers.
          // Near a known limit (and in a storm) a round needs a measured sample: at a slow pace,
          // probing a percent a second would cross the limit every few seconds.
          (state.probe !== null &&
            elapsed >= windowMs &&
            round.answers >=
              (storm || nearLimit(state.probe) ? pacing.minAnswers : pacing.minQuietAnswers)) ||
          round.answers >= pacing.maxRoundAnswers ||
          elapsed >= pacing.maxRoundWindows * windowMs
        ) {
          closeCruise(state.probe, round, now);
        }
      } else if (
        // Enough answers over half a window, or so many 429s that waiting longer only costs more.
        (elapsed >= pacing.minStepWindows * windowMs && measured(round)) ||
        (!storm && state.steps.length === 1 && clearsEarly(state.steps[0]!, round, now)) ||
        (round.throttled >= pacing.earlyThrottles && share(round) > pacing.largeShare) ||
        round.throttled >= pacing.minAnswers ||
        // At a slow pace, as long as enough answers take (half again): a verdict on a handful is a guess.
        elapsed >= Math.max(pacing.maxRoundWindows * windowMs, ((1.5 * pacing.minAnswers) / rate) * 1000)
      ) {
        closeStep(state.steps, round, now);
      }
      if (options.onChange && (rate !== before || state.kind !== kind)) {
        options.onChange({
          at: now - options.startedAt,
          phase: state.kind,
          from: before,
          to: rate,
          reason,
          answers: round.answers,
          throttled: round.throttled,
          baseline: baseline(),
        });
      }
      return rate !== before;
    },
  };
}
