import { describe, expect, it } from 'vitest';
import { escrowDue, nextEscrowRetry, type EscrowEntry } from '../../../../src-main/engine/escrow';

const first = '2026-03-02T09:00:00.000Z';
const h = (hours: number) => new Date(Date.parse(first) + hours * 3_600_000);
const entry = (over: Partial<EscrowEntry> = {}): EscrowEntry => ({
  errorClass: 'permanent',
  firstFailure: first,
  lastAttempt: first,
  attempts: 1,
  ...over,
});

/** Runs cycles every `everyHours` from the first failure, retrying whenever due; returns the retry times. */
function simulate(errorClass: EscrowEntry['errorClass'], everyHours: number, untilHours: number): number[] {
  let e = entry({ errorClass });
  const retries: number[] = [];
  for (let t = everyHours; t <= untilHours; t += everyHours) {
    if (escrowDue(e, h(t), false).due) {
      retries.push(t);
      e = { ...e, lastAttempt: h(t).toISOString(), attempts: e.attempts + 1 };
    }
  }
  return retries;
}

describe('the escrow retry schedule (§9.2)', () => {
  it('retries a transient failure in every cycle', () => {
    expect(simulate('transient', 1, 6)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('retries permanent and credential failures next cycle, at +6 h, +12 h, +24 h, then daily', () => {
    for (const errorClass of ['permanent', 'credential'] as const) {
      expect(simulate(errorClass, 0.5, 24 * 4)).toEqual([0.5, 6, 12, 24, 48, 72, 96]);
    }
  });

  it('takes the first cycle at or after each milestone, and skips milestones a late retry covered', () => {
    // Cycles every 5 hours: the first cycle after +6 h is at 10 h; the one at 15 h passes +12 h.
    expect(simulate('permanent', 5, 50)).toEqual([5, 10, 15, 25, 50]);
    // The computer was off from 1 h to 30 h: one retry at 30 h covers +6, +12 and +24 h.
    const late = entry({ lastAttempt: h(1).toISOString(), attempts: 2 });
    expect(nextEscrowRetry(late, h(2))).toEqual({ kind: 'at', at: h(6) });
    const afterGap = { ...late, lastAttempt: h(30).toISOString(), attempts: 3 };
    expect(nextEscrowRetry(afterGap, h(31))).toEqual({ kind: 'at', at: h(54) });
  });

  it('expires 28 days after the first failure, and stays expired unless the source changes', () => {
    const old = entry({ lastAttempt: h(26 * 24).toISOString(), attempts: 30 });
    expect(escrowDue(old, h(27 * 24), false)).toEqual({
      due: true,
      expired: false,
      next: { kind: 'at', at: h(27 * 24) },
    });
    expect(nextEscrowRetry(old, h(26 * 24 + 1))).toEqual({ kind: 'at', at: h(27 * 24) });
    const last = { ...old, lastAttempt: h(27 * 24).toISOString() };
    expect(escrowDue(last, h(28 * 24), false)).toEqual({
      due: false,
      expired: true,
      next: { kind: 'never' },
    });
    expect(escrowDue(entry({ errorClass: 'transient' }), h(28 * 24), false).due).toBe(false);
    // The next daily retry would fall on day 28: it never comes.
    expect(nextEscrowRetry(last, h(27 * 24 + 1))).toEqual({ kind: 'never' });
  });

  it('makes a changed object due at once, whatever the schedule says (even expired)', () => {
    const waiting = entry({ lastAttempt: h(1).toISOString(), attempts: 2 });
    expect(escrowDue(waiting, h(2), false).due).toBe(false);
    expect(escrowDue(waiting, h(2), true)).toEqual({
      due: true,
      expired: false,
      next: { kind: 'nextCycle' },
    });
    expect(escrowDue(entry(), h(30 * 24), true)).toMatchObject({ due: true, expired: true });
  });
});
