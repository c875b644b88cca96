import type { JobRecord, JobsRepo } from '../store/jobs-repo';
import { quarantineOf } from './job-schedule';
import { quarantineStep, type QuarantineNotice } from '../engine/quarantine';

export type { QuarantineNotice };

type StatusWriter = Pick<JobsRepo, 'setStatus'>;

/**
 * The time-driven part of §10.3: a started job 28 days into its quarantine series becomes Disabled.
 * Its quarantine stays in the status, so the job still says why. Returns the notice, or null.
 */
export function disableOverdueQuarantine(
  jobs: StatusWriter,
  job: JobRecord,
  now: Date,
): QuarantineNotice | null {
  if (job.status !== 'Quarantine') return null;
  const quarantine = quarantineOf(job);
  if (!quarantine) return null;
  const at = now.toISOString();
  const step = quarantineStep({ kind: 'quarantined', quarantine }, { type: 'tick', at });
  if (step.status.kind !== 'disabled' || step.effect === null) return null;
  jobs.setStatus(job.id, 'Disabled', job.statusInfo, at);
  return { jobId: job.id, jobName: job.name, effect: step.effect, quarantine, at };
}

/** Start on a Disabled job brings it back: the quarantine is cleared and the job runs again. */
export function liftDisabled(jobs: StatusWriter, job: JobRecord, now: Date): QuarantineNotice | null {
  if (job.status !== 'Disabled') return null;
  const quarantine = quarantineOf(job);
  const at = now.toISOString();
  const info = { ...job.statusInfo };
  delete info.quarantine;
  delete info.allowDeletes;
  jobs.setStatus(job.id, info.lastCompletedAt ? 'Active' : 'NotRun', info, at);
  if (!quarantine) return null;
  const step = quarantineStep({ kind: 'disabled', quarantine, disabledAt: at }, { type: 'start', at });
  return step.effect ? { jobId: job.id, jobName: job.name, effect: step.effect, quarantine, at } : null;
}
