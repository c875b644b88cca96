import type { StoredJobStatus } from '@shared/domain/job-status';
import type { JobRecord, JobStatusInfo } from '../store/jobs-repo';
import type { CycleHealth } from './cycle-health';
import { quarantineStep, type QuarantineNotice, type QuarantineStatus } from './quarantine';
import { quarantineStatusOf } from './quarantine-state';

export interface JobStatusUpdate {
  status: StoredJobStatus;
  info: JobStatusInfo;
  /** The quarantine moved (entered, reason changed, recovered, disabled): someone is told (§16). */
  notice: QuarantineNotice | null;
}

/**
 * The job's stored status after a real (not dry) cycle, through the quarantine table (§10.3): the
 * cycle's health is the event. `completedAt` is set when the cycle ran to the end.
 */
export function nextJobStatus(
  job: JobRecord,
  health: CycleHealth,
  at: string,
  completed: { cycleId: string; steady: boolean } | null,
): JobStatusUpdate {
  const info: JobStatusInfo = { ...job.statusInfo };
  if (completed) {
    info.lastCycleId = completed.cycleId;
    info.lastCompletedAt = at;
    // "Allow deletes" releases the staged set for one cycle; that cycle has now run.
    delete info.allowDeletes;
    if (completed.steady) info.steadyStateLastAchievedTime = at;
  }
  const before = quarantineStatusOf(job);
  if (health === null)
    return { status: job.status === 'NotRun' && completed ? 'Active' : job.status, info, notice: null };
  const step = quarantineStep(
    before,
    health.kind === 'healthy' ? { type: 'healthy', at } : { type: 'unhealthy', reason: health.reason, at },
  );
  const detail = health.kind === 'unhealthy' ? health.detail : undefined;
  const status = statusFor(step.status, info);
  if (step.status.kind === 'healthy') delete info.quarantine;
  else {
    const q = step.status.quarantine;
    info.quarantine = {
      reason: q.reason,
      since: q.currentBegan,
      // The detail follows the latest attempt, so the job says what is wrong now.
      detail: detail ?? info.quarantine?.detail ?? '',
      seriesBegan: q.seriesBegan,
      seriesCount: q.seriesCount,
    };
  }
  const quarantine =
    step.status.kind === 'healthy'
      ? before.kind === 'healthy'
        ? null
        : before.quarantine
      : step.status.quarantine;
  const notice =
    step.effect && quarantine
      ? {
          jobId: job.id,
          jobName: job.name,
          effect: step.effect,
          quarantine,
          ...(detail ? { detail } : {}),
          at,
        }
      : null;
  return { status, info, notice };
}

function statusFor(status: QuarantineStatus, info: JobStatusInfo): StoredJobStatus {
  if (status.kind === 'quarantined') return 'Quarantine';
  if (status.kind === 'disabled') return 'Disabled';
  return info.lastCompletedAt ? 'Active' : 'NotRun';
}
