import { describe, expect, it } from 'vitest';
import { nextRunAt, type NextRunInput } from '../../../../src-main/scheduler/next-run';
import { clockDrift } from '../../../../src-main/scheduler/clock-drift';

const now = new Date('2026-03-02T12:00:00.000Z');
const min = (m: number) => new Date(now.getTime() + m * 60_000).toISOString();
const base: NextRunInput = {
  schedule: 'started',
  intervalMinutes: 40,
  lastStart: min(-10),
  quarantine: null,
  disabled: false,
};

describe('the next run of a job (§3.3)', () => {
  it('is the interval after the previous start, or now when overdue or never run', () => {
    expect(nextRunAt(base, now)?.toISOString()).toBe(min(30));
    expect(nextRunAt({ ...base, lastStart: min(-95) }, now)?.toISOString()).toBe(min(-55));
    expect(nextRunAt({ ...base, lastStart: null }, now)).toEqual(now);
    expect(nextRunAt({ ...base, intervalMinutes: 1440 }, now)?.toISOString()).toBe(min(1430));
  });

  it('is none for a job that is not started, paused or disabled', () => {
    expect(nextRunAt({ ...base, schedule: 'notStarted' }, now)).toBeNull();
    expect(nextRunAt({ ...base, schedule: 'paused' }, now)).toBeNull();
    expect(nextRunAt({ ...base, disabled: true }, now)).toBeNull();
  });

  it('follows the quarantine schedule instead of the interval', () => {
    const quarantine = {
      reason: 'TooManyDeletes',
      currentBegan: min(-60),
      seriesBegan: min(-60),
      seriesCount: 1,
    };
    expect(nextRunAt({ ...base, quarantine }, now)?.toISOString()).toBe(min(300));
  });

  it('runs now when the previous start lies ahead (the clock was set back)', () => {
    expect(nextRunAt({ ...base, lastStart: min(30) }, now)).toEqual(now);
  });
});

describe('clock drift between ticks', () => {
  it('tells a sleep and a clock change apart from ordinary waiting', () => {
    const before = { wallMs: 0, monotonicMs: 0 };
    expect(clockDrift(before, { wallMs: 15_500, monotonicMs: 15_000 })).toEqual({ kind: 'steady' });
    expect(clockDrift(before, { wallMs: 3_600_000, monotonicMs: 15_000 })).toEqual({
      kind: 'jumpedForward',
      byMs: 3_585_000,
    });
    expect(clockDrift(before, { wallMs: -600_000, monotonicMs: 15_000 })).toEqual({
      kind: 'jumpedBack',
      byMs: 615_000,
    });
  });
});
