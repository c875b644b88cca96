import type { CycleSummary } from '@shared/domain/provisioning';
import { countersOf } from './cycle-chart-model';

export type OutcomeKey =
  'running' | 'completed' | 'completedWithFailures' | 'heldBack' | 'failed' | 'cancelled' | 'stopped';

export interface CycleOutcome {
  key: OutcomeKey;
  type: 'default' | 'info' | 'success' | 'warning' | 'error';
  failed: number;
}

/** How a cycle ended, in the words and colour the lists show (locales `provisioning.outcomes.<key>`). */
export function cycleOutcome(cycle: Pick<CycleSummary, 'status' | 'counters' | 'error'>): CycleOutcome {
  const failed = countersOf(cycle).failed;
  switch (cycle.status) {
    case 'running':
      return { key: 'running', type: 'info', failed };
    case 'failed':
      return { key: 'failed', type: 'error', failed };
    case 'cancelled':
      return { key: 'cancelled', type: 'default', failed };
    case 'stopped':
      return { key: 'stopped', type: 'warning', failed };
    case 'completed':
      if (cycle.error?.code === 'TooManyDeletes') return { key: 'heldBack', type: 'warning', failed };
      return failed > 0
        ? { key: 'completedWithFailures', type: 'warning', failed }
        : { key: 'completed', type: 'success', failed };
  }
}
