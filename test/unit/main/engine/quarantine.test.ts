import { describe, expect, it } from 'vitest';
import {
  nextQuarantineAttempt,
  quarantineDisabledAt,
  quarantineStep,
  quarantineTable,
  type QuarantineState,
  type QuarantineStatus,
} from '../../../../src-main/engine/quarantine';

const began = '2026-03-02T09:00:00.000Z';
const h = (hours: number) => new Date(Date.parse(began) + hours * 3_600_000).toISOString();
const state: QuarantineState = {
  reason: 'EncounteredQuarantineException',
  currentBegan: began,
  seriesBegan: began,
  seriesCount: 1,
};
const quarantined: QuarantineStatus = { kind: 'quarantined', quarantine: state };

describe('the quarantine schedule (§10.3)', () => {
  it('attempts at +6 h, +12 h and +24 h, then every 24 h', () => {
    const attempts: string[] = [];
    let last: string | null = null;
    for (let i = 0; i < 6; i++) {
      last = nextQuarantineAttempt(state, last).toISOString();
      attempts.push(last);
    }
    expect(attempts).toEqual([h(6), h(12), h(24), h(48), h(72), h(96)]);
  });

  it('counts from the start of the current reason, and runs a missed attempt once', () => {
    // The cycle that caused the quarantine started before it began.
    expect(nextQuarantineAttempt(state, h(-0.5)).toISOString()).toBe(h(6));
    // Off from 5 h to 30 h: the attempt at 30 h covers +6, +12 and +24 h; the next is a day later.
    expect(nextQuarantineAttempt(state, h(5)).toISOString()).toBe(h(6));
    expect(nextQuarantineAttempt(state, h(30)).toISOString()).toBe(h(54));
    // After the first day, attempts are never closer than 24 h, even after a late one.
    expect(nextQuarantineAttempt(state, h(49)).toISOString()).toBe(h(73));
  });

  it('becomes Disabled 28 days after the series began', () => {
    expect(quarantineDisabledAt(state).toISOString()).toBe(h(28 * 24));
    expect(quarantineStep(quarantined, { type: 'tick', at: h(28 * 24 - 1) })).toEqual({
      status: quarantined,
      effect: null,
    });
    expect(quarantineStep(quarantined, { type: 'tick', at: h(28 * 24) })).toEqual({
      status: { kind: 'disabled', quarantine: state, disabledAt: h(28 * 24) },
      effect: 'disabled',
    });
    // A new reason keeps the series: the 28 days still count from its start.
    const changed = quarantineStep(quarantined, {
      type: 'unhealthy',
      reason: 'TooManyDeletes',
      at: h(20 * 24),
    });
    expect(changed.effect).toBe('reasonChanged');
    expect(
      quarantineStep(changed.status, { type: 'unhealthy', reason: 'TooManyDeletes', at: h(28 * 24) }).effect,
    ).toBe('disabled');
  });
});

describe('quarantine transitions', () => {
  it('enters on the first unhealthy outcome, once', () => {
    const entered = quarantineStep(
      { kind: 'healthy' },
      { type: 'unhealthy', reason: 'TooManyDeletes', at: h(0) },
    );
    expect(entered).toEqual({
      status: {
        kind: 'quarantined',
        quarantine: { reason: 'TooManyDeletes', currentBegan: h(0), seriesBegan: h(0), seriesCount: 1 },
      },
      effect: 'entered',
    });
    expect(quarantineStep(entered.status, { type: 'unhealthy', reason: 'TooManyDeletes', at: h(6) })).toEqual(
      {
        status: entered.status,
        effect: null,
      },
    );
  });

  it('restarts the attempt schedule when the reason changes, within the same series', () => {
    const next = quarantineStep(quarantined, {
      type: 'unhealthy',
      reason: 'EncounteredTotalEscrowThreshold',
      at: h(12),
    });
    expect(next).toEqual({
      status: {
        kind: 'quarantined',
        quarantine: {
          reason: 'EncounteredTotalEscrowThreshold',
          currentBegan: h(12),
          seriesBegan: began,
          seriesCount: 2,
        },
      },
      effect: 'reasonChanged',
    });
  });

  it('clears on the first healthy attempt and on Restart; a Disabled job returns on start or restart', () => {
    expect(quarantineStep(quarantined, { type: 'healthy', at: h(6) })).toEqual({
      status: { kind: 'healthy' },
      effect: 'recovered',
    });
    expect(quarantineStep(quarantined, { type: 'restart', at: h(1) })).toEqual({
      status: { kind: 'healthy' },
      effect: 'lifted',
    });
    // Start does not lift a quarantine (the attempts continue); it does bring back a Disabled job.
    expect(quarantineStep(quarantined, { type: 'start', at: h(1) }).status).toBe(quarantined);
    const disabled: QuarantineStatus = { kind: 'disabled', quarantine: state, disabledAt: h(672) };
    expect(quarantineStep(disabled, { type: 'start', at: h(700) }).effect).toBe('lifted');
    expect(quarantineStep(disabled, { type: 'restart', at: h(700) }).effect).toBe('lifted');
    expect(quarantineStep(disabled, { type: 'tick', at: h(700) }).status).toBe(disabled);
    expect(quarantineStep(disabled, { type: 'unhealthy', reason: 'x', at: h(700) }).status).toBe(disabled);
  });

  it('lists every row once (no unreachable duplicates)', () => {
    const keys = quarantineTable.map((row) => `${row.from}/${row.event}/${row.when ? 'when' : 'always'}`);
    const unconditional = keys.filter((k) => k.endsWith('always'));
    expect(new Set(unconditional).size).toBe(unconditional.length);
  });
});
