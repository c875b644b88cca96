import type { LogQueryInput, ProvisioningAction, ProvisioningStatus } from '@shared/domain/provisioning';

export const logPeriods = ['day', 'week', 'month', 'custom'] as const;
export type LogPeriod = (typeof logPeriods)[number];

/** What the filter bar of the Provisioning logs page holds. */
export interface LogFilters {
  jobId: string | null;
  status: ProvisioningStatus | null;
  action: ProvisioningAction | null;
  /** Name, source id or target id (prefix match in the app). */
  identity: string;
  period: LogPeriod;
  /** The custom range as the date picker gives it: the first and last day, at local midnight (ms). */
  range: [number, number] | null;
  cycleId: string;
}

export function defaultLogFilters(): LogFilters {
  return {
    jobId: null,
    status: null,
    action: null,
    identity: '',
    period: 'week',
    range: null,
    cycleId: '',
  };
}

const hour = 60 * 60 * 1000;
const periodLength: Record<Exclude<LogPeriod, 'custom'>, number> = {
  day: 24 * hour,
  week: 7 * 24 * hour,
  month: 30 * 24 * hour,
};

/** The end of the local day that starts at `dayStart` (the picker's value), as an instant. */
function endOfDay(dayStart: number): Date {
  const end = new Date(dayStart);
  end.setHours(23, 59, 59, 999);
  return end;
}

function startOfDay(day: number): Date {
  const start = new Date(day);
  start.setHours(0, 0, 0, 0);
  return start;
}

/**
 * The logs.query / exports.logs filter for what the admin chose. Empty fields are left out rather than
 * sent empty, so the app applies no filter for them; a custom range covers its last day completely.
 */
export function toLogQuery(filters: LogFilters, now: Date): Omit<LogQueryInput, 'beforeSeq' | 'limit'> {
  const query: Omit<LogQueryInput, 'beforeSeq' | 'limit'> = {};
  if (filters.jobId) query.jobId = filters.jobId;
  if (filters.status) query.status = filters.status;
  if (filters.action) query.action = filters.action;
  const identity = filters.identity.trim();
  if (identity) query.identity = identity;
  const cycleId = filters.cycleId.trim();
  if (cycleId) query.cycleId = cycleId;
  if (filters.period === 'custom') {
    if (filters.range) {
      query.since = startOfDay(filters.range[0]).toISOString();
      query.until = endOfDay(filters.range[1]).toISOString();
    }
  } else {
    query.since = new Date(now.getTime() - periodLength[filters.period]).toISOString();
  }
  return query;
}

/** How many filters differ from the defaults: shown on the "Clear filters" button. */
export function activeFilterCount(filters: LogFilters): number {
  const defaults = defaultLogFilters();
  return [
    filters.jobId !== defaults.jobId,
    filters.status !== defaults.status,
    filters.action !== defaults.action,
    filters.identity.trim() !== '',
    filters.period !== defaults.period,
    filters.cycleId.trim() !== '',
  ].filter(Boolean).length;
}
