/**
 * Sleep and clock-jump detection by comparing clocks (issue 9): between two ticks the wall clock
 * and the monotonic clock move alike, unless the computer slept (the monotonic clock stops while the
 * wall clock does not) or someone changed the time. Electron reports sleep itself (powerMonitor);
 * this covers browser mode and `roster run`, where nothing else would notice.
 */
export interface ClockReading {
  wallMs: number;
  monotonicMs: number;
}

export type ClockDrift =
  | { kind: 'steady' }
  /** The wall clock ran ahead: the computer slept, or the time was set forward. */
  | { kind: 'jumpedForward'; byMs: number }
  /** The wall clock went back. */
  | { kind: 'jumpedBack'; byMs: number };

/** Below this the two clocks disagree only by timer lateness and NTP slewing. */
export const defaultDriftToleranceMs = 30_000;

export function clockDrift(
  previous: ClockReading,
  current: ClockReading,
  toleranceMs = defaultDriftToleranceMs,
): ClockDrift {
  const drift = current.wallMs - previous.wallMs - (current.monotonicMs - previous.monotonicMs);
  if (drift > toleranceMs) return { kind: 'jumpedForward', byMs: drift };
  if (drift < -toleranceMs) return { kind: 'jumpedBack', byMs: -drift };
  return { kind: 'steady' };
}
