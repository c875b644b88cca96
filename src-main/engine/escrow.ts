import type { EscrowErrorClass } from '@shared/domain/escrow';
import { dayMs, hourMs } from './durations';

/**
 * The escrow retry schedule of provisioning-behaviour.md §9.2 (a Roster decision built on the
 * upstream numbers). Pure: the engine asks, per escrowed object at the start of a cycle, whether to
 * try it again; the store keeps the entries.
 */

export type { EscrowErrorClass };

export interface EscrowEntry {
  errorClass: EscrowErrorClass;
  /** ISO time of the failure that opened the entry. */
  firstFailure: string;
  /** ISO time of the latest attempt (the first failure itself when nothing was retried yet). */
  lastAttempt: string;
  /** Attempts so far, the first failure included (≥ 1). */
  attempts: number;
}

/** Retrying stops this long after the first failure; the entry is then `expired` but stays visible. */
export const escrowExpiryMs = 28 * dayMs;

/**
 * Permanent and credential failures: after the retry in the next cycle, the first cycle at least this
 * long after the first failure; past the last one, at most once every 24 h.
 */
export const escrowRetryOffsetsMs: readonly number[] = [6 * hourMs, 12 * hourMs, 24 * hourMs];
export const escrowDailyMs = dayMs;

export type EscrowNextRetry =
  | { kind: 'nextCycle' }
  | { kind: 'at'; at: Date }
  /** Expired: tried again only when the object changes in the source, or after a restart. */
  | { kind: 'never' };

export interface EscrowVerdict {
  /** Retry the object in the cycle starting now. */
  due: boolean;
  expired: boolean;
  /** When it will be due if nothing changes in the source (for the escrow list). */
  next: EscrowNextRetry;
}

/** When the entry is next due, ignoring source changes. */
export function nextEscrowRetry(entry: EscrowEntry, now: Date): EscrowNextRetry {
  const first = Date.parse(entry.firstFailure);
  if (now.getTime() >= first + escrowExpiryMs) return { kind: 'never' };
  if (entry.errorClass === 'transient' || entry.attempts <= 1) return { kind: 'nextCycle' };
  const last = Date.parse(entry.lastAttempt);
  // The first milestone not yet reached by an attempt: a late attempt (cycles were sparse, the
  // computer was off) skips the milestones it already covers instead of retrying twice in a row.
  const milestone = escrowRetryOffsetsMs.map((offset) => first + offset).find((at) => at > last);
  const at = milestone ?? last + escrowDailyMs;
  return at >= first + escrowExpiryMs ? { kind: 'never' } : { kind: 'at', at: new Date(at) };
}

/** Whether an escrowed object is retried in the cycle that starts at `now` (§9.2). */
export function escrowDue(entry: EscrowEntry, now: Date, changedInSource: boolean): EscrowVerdict {
  const expired = now.getTime() >= Date.parse(entry.firstFailure) + escrowExpiryMs;
  const next = nextEscrowRetry(entry, now);
  // A change in the source makes it due in the next cycle whatever the schedule says, even expired.
  if (changedInSource) return { due: true, expired, next: { kind: 'nextCycle' } };
  const due = next.kind === 'nextCycle' || (next.kind === 'at' && next.at.getTime() <= now.getTime());
  return { due, expired, next };
}
