import type { ScheduleState } from '@shared/domain/job-status';
import { minuteMs } from '../engine/durations';
import { nextQuarantineAttempt, type QuarantineState } from '../engine/quarantine';

export type { ScheduleState };

export interface NextRunInput {
  schedule: ScheduleState;
  intervalMinutes: number;
  /** ISO start of the job's previous cycle (any process, scheduled or manual), null if none ran. */
  lastStart: string | null;
  /** Set while the job is in quarantine: its attempt schedule replaces the interval (§3.3). */
  quarantine: QuarantineState | null;
  /** Disabled after 28 days in quarantine: it runs only when the admin starts it again. */
  disabled: boolean;
  /** How long a "minute" is; only tests shorten it. */
  minuteMs?: number;
}

/**
 * When the job's next cycle is due (provisioning-behaviour.md §3.3), or null when it does not run on
 * a schedule. A time at or before `now` means "run now": overdue on launch, or a cycle that took
 * longer than the interval (the next one starts as soon as it ends). The interval counts from the
 * previous cycle's START, so a missed cycle (the computer slept) runs once, not once per interval.
 */
export function nextRunAt(input: NextRunInput, now: Date): Date | null {
  if (input.schedule !== 'started' || input.disabled) return null;
  if (input.quarantine) return nextQuarantineAttempt(input.quarantine, input.lastStart);
  // The first start runs the initial cycle at once.
  if (input.lastStart === null) return now;
  const last = Date.parse(input.lastStart);
  // A previous start "in the future" means the wall clock was set back: run now rather than wait
  // for a time that moved away, and count from the new start after that.
  if (Number.isNaN(last) || last > now.getTime()) return now;
  return new Date(last + input.intervalMinutes * (input.minuteMs ?? minuteMs));
}
