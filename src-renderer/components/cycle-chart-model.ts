import { emptyCounters, type CycleCounters, type CycleSummary } from '@shared/domain/provisioning';

/** The outcomes a cycle chart stacks, bottom to top, with their colours (readable on light and dark). */
export const chartSeries = [
  { key: 'created', color: '#18a058' },
  { key: 'updated', color: '#2080f0' },
  { key: 'disabled', color: '#f0a020' },
  { key: 'deleted', color: '#8a63d2' },
  { key: 'failed', color: '#d03050' },
] as const satisfies readonly { key: keyof CycleCounters; color: string }[];

export type ChartSeriesKey = (typeof chartSeries)[number]['key'];

export interface ChartSegment {
  key: ChartSeriesKey;
  color: string;
  value: number;
  y: number;
  height: number;
}

export interface ChartBar {
  cycle: CycleSummary;
  total: number;
  segments: ChartSegment[];
}

/** A cycle's counters with any missing field as 0 (a running cycle may report none yet). */
export function countersOf(cycle: Pick<CycleSummary, 'counters'>): CycleCounters {
  return { ...emptyCounters(), ...cycle.counters };
}

/**
 * Stacked bars for cycles, oldest first, scaled to the busiest cycle. A non-zero count always gets at
 * least `minSegment` pixels, so a single failure next to 200 creations stays visible.
 */
export function chartBars(cycles: readonly CycleSummary[], plotHeight: number, minSegment = 2): ChartBar[] {
  const totals = cycles.map((cycle) => {
    const counters = countersOf(cycle);
    return chartSeries.reduce((sum, series) => sum + counters[series.key], 0);
  });
  const max = Math.max(1, ...totals);
  return cycles.map((cycle, index) => {
    const counters = countersOf(cycle);
    let y = plotHeight;
    const segments: ChartSegment[] = [];
    for (const series of chartSeries) {
      const value = counters[series.key];
      if (value === 0) continue;
      const height = Math.max(minSegment, (value / max) * plotHeight);
      y -= height;
      segments.push({ key: series.key, color: series.color, value, y, height });
    }
    return { cycle, total: totals[index] ?? 0, segments };
  });
}
