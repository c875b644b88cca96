/**
 * A diagnostic of adaptive pacing (docs/performance.md, "Adaptive pacing"): with
 * `ROSTER_PACE_TRACE=<file>` in the environment, every change of the pace controller's rate or phase
 * appends one JSON line to that file. Only numbers are written (times, rates, counts, shares) —
 * never a URL, a header or a body — so a trace can be attached to a bug report as it is.
 */
import { appendFileSync } from 'node:fs';
import type { PaceChange } from './pace-controller';

/** What the limiter adds to a controller's decision: how its own pacing went since the last line. */
export interface LimiterTally {
  /** Requests started since the last line. */
  started: number;
  /** Of those, how many had to wait for a token: the rate, not the slots, held them back. */
  heldByRate: number;
}

export type PaceTrace = (change: PaceChange, tally: LimiterTally) => void;

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The trace named by ROSTER_PACE_TRACE, or null when none is asked for. */
export function paceTraceFromEnv(env: NodeJS.ProcessEnv = process.env): PaceTrace | null {
  const file = env['ROSTER_PACE_TRACE']?.trim();
  if (!file) return null;
  // Which client the lines are from: one process may pace several connections.
  const limiterId = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  let broken = false;
  return (change, tally) => {
    if (broken) return;
    const line = {
      limiter: limiterId,
      at: Math.round(change.at),
      phase: change.phase,
      from: round2(change.from),
      to: round2(change.to),
      reason: change.reason,
      answers: change.answers,
      throttled: change.throttled,
      baseline: round2(change.baseline * 100) / 100,
      started: tally.started,
      heldByRate: tally.heldByRate,
    };
    try {
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch {
      // A diagnostic never fails a cycle: a file that cannot be written ends the trace quietly.
      broken = true;
    }
  };
}
