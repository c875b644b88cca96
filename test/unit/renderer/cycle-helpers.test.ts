import { describe, expect, it } from 'vitest';
import { emptyCounters, type CycleSummary } from '@shared/domain/provisioning';
import { chartBars } from '../../../src-renderer/components/cycle-chart-model';
import { cycleOutcome } from '../../../src-renderer/components/cycle-outcome';
import { formatDuration } from '../../../src-renderer/views/jobs/parts/duration';

function cycle(
  id: string,
  counters: Partial<CycleSummary['counters']>,
  extra: Partial<CycleSummary> = {},
): CycleSummary {
  return {
    id,
    jobId: 'j',
    kind: 'incremental',
    dryRun: false,
    status: 'completed',
    startedAt: '2026-03-10T12:00:00.000Z',
    endedAt: '2026-03-10T12:00:05.000Z',
    initiatedBy: 'admin',
    counters: { ...emptyCounters(), ...counters },
    error: null,
    ...extra,
  };
}

describe('cycle chart bars', () => {
  it('stacks created, updated, disabled, deleted and failed, scaled to the busiest cycle', () => {
    const [big, small] = chartBars(
      [cycle('a', { created: 100 }), cycle('b', { updated: 25, failed: 25 })],
      100,
    );
    expect(big?.total).toBe(100);
    expect(big?.segments).toEqual([{ key: 'created', color: '#18a058', value: 100, y: 0, height: 100 }]);
    expect(small?.segments.map((s) => [s.key, s.height])).toEqual([
      ['updated', 25],
      ['failed', 25],
    ]);
    expect(small?.segments[1]?.y).toBe(50);
  });

  it('keeps a single failure visible next to hundreds of creations', () => {
    const [, tiny] = chartBars([cycle('a', { created: 500 }), cycle('b', { failed: 1 })], 100);
    expect(tiny?.segments[0]?.height).toBe(2);
  });

  it('treats missing counters of a running cycle as zero', () => {
    const running = { ...cycle('r', {}), counters: {} as CycleSummary['counters'] };
    expect(chartBars([running], 100)[0]).toMatchObject({ total: 0, segments: [] });
  });
});

describe('cycle outcome', () => {
  it('names how a cycle ended', () => {
    expect(cycleOutcome(cycle('a', {})).key).toBe('completed');
    expect(cycleOutcome(cycle('a', { failed: 2 }))).toEqual({
      key: 'completedWithFailures',
      type: 'warning',
      failed: 2,
    });
    expect(cycleOutcome(cycle('a', {}, { error: { code: 'TooManyDeletes', message: '' } })).key).toBe(
      'heldBack',
    );
    expect(cycleOutcome(cycle('a', {}, { status: 'failed' })).type).toBe('error');
    expect(cycleOutcome(cycle('a', {}, { status: 'running', endedAt: null })).key).toBe('running');
  });
});

describe('duration', () => {
  it('reads like a person would say it', () => {
    expect(formatDuration(850, 'en')).toBe('850 ms');
    expect(formatDuration(26_400, 'en')).toBe('26 sec');
    expect(formatDuration(185_000, 'en')).toBe('3 min 5 sec');
    expect(formatDuration(3_720_000, 'en')).toBe('1 hr 2 min');
    expect(formatDuration(26_000, 'ko')).toBe('26초');
  });
});
