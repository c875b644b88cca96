import type { JobRecord } from '../store/jobs-repo';
import type { JobSchedule } from '../store/schedules-repo';
import { nextRunAt, type ScheduleState } from './next-run';
import type { QuarantineState } from '../engine/quarantine';

/** The job's schedule state from its stored row (no row: never started). */
export function scheduleStateOf(row: JobSchedule | null): ScheduleState {
  return row?.state ?? 'notStarted';
}

/**
 * The quarantine whose attempt schedule applies to the job, from its stored status. The engine
 * stores `{ reason, since, detail }`; `seriesBegan` and `seriesCount` (§10.3) are read when present
 * and otherwise start with this quarantine. "Allow deletes" lifts a TooManyDeletes quarantine for the
 * next cycle, so the normal interval applies to it.
 */
export function quarantineOf(job: Pick<JobRecord, 'status' | 'statusInfo'>): QuarantineState | null {
  if (job.status !== 'Quarantine' && job.status !== 'Disabled') return null;
  const stored: unknown = job.statusInfo.quarantine;
  if (typeof stored !== 'object' || stored === null) return null;
  const q = stored as Record<string, unknown>;
  if (typeof q['reason'] !== 'string' || typeof q['since'] !== 'string') return null;
  if (q['reason'] === 'TooManyDeletes' && job.statusInfo.allowDeletes === true) return null;
  return {
    reason: q['reason'],
    currentBegan: q['since'],
    seriesBegan: typeof q['seriesBegan'] === 'string' ? q['seriesBegan'] : q['since'],
    seriesCount: typeof q['seriesCount'] === 'number' ? q['seriesCount'] : 1,
  };
}

/** Later of two ISO times (either may be missing). */
export function laterOf(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

export interface JobDueInput {
  job: Pick<JobRecord, 'status' | 'statusInfo' | 'config'>;
  schedule: ScheduleState;
  lastStart: string | null;
  minuteMs?: number;
}

/** When the job is next due, from what the store knows (see nextRunAt). */
export function jobDueAt(input: JobDueInput, now: Date): Date | null {
  return nextRunAt(
    {
      schedule: input.schedule,
      intervalMinutes: input.job.config.settings.intervalMinutes,
      lastStart: input.lastStart,
      quarantine: quarantineOf(input.job),
      disabled: input.job.status === 'Disabled',
      ...(input.minuteMs !== undefined ? { minuteMs: input.minuteMs } : {}),
    },
    now,
  );
}
