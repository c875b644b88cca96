import type { JobRecord } from '../store/jobs-repo';
import type { JobSchedule } from '../store/schedules-repo';
import { nextRunAt, type ScheduleState } from './next-run';

export { quarantineOf };
import { quarantineOf } from '../engine/quarantine-state';

/** The job's schedule state from its stored row (no row: never started). */
export function scheduleStateOf(row: JobSchedule | null): ScheduleState {
  return row?.state ?? 'notStarted';
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
