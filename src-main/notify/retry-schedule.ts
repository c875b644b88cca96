const minute = 60_000;
const hour = 60 * minute;

/** After the 1st, 2nd, 3rd failure; then hourly. A mail server that is down for a while gets few tries. */
const firstDelays = [1 * minute, 5 * minute, 30 * minute];

/** A message still unsent a day after its first attempt is given up (its news is stale by then). */
export const giveUpAfterMs = 24 * hour;

/**
 * When to try a failed send again, or null to give up. `failures` counts the attempts that failed so
 * far (1 after the first failure); `firstAttemptAt` and `now` are epoch milliseconds.
 */
export function nextRetryAt(failures: number, firstAttemptAt: number, now: number): number | null {
  const delay = firstDelays[failures - 1] ?? hour;
  const at = now + delay;
  return at - firstAttemptAt > giveUpAfterMs ? null : at;
}
