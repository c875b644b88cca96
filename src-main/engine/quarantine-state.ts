import type { JobRecord } from '../store/jobs-repo';
import type { QuarantineState, QuarantineStatus } from './quarantine';

/**
 * The quarantine whose attempt schedule applies to the job, from its stored status (§10.3).
 * "Allow deletes" lifts a TooManyDeletes quarantine for the next cycle, so the normal interval
 * applies to it.
 */
export function quarantineOf(job: Pick<JobRecord, 'status' | 'statusInfo'>): QuarantineState | null {
  if (job.status !== 'Quarantine' && job.status !== 'Disabled') return null;
  const stored = job.statusInfo.quarantine;
  if (!stored) return null;
  if (stored.reason === 'TooManyDeletes' && job.statusInfo.allowDeletes === true) return null;
  return {
    reason: stored.reason,
    currentBegan: stored.since,
    seriesBegan: stored.seriesBegan ?? stored.since,
    seriesCount: stored.seriesCount ?? 1,
  };
}

/** The job's place in the quarantine table, from its stored status. */
export function quarantineStatusOf(
  job: Pick<JobRecord, 'status' | 'statusInfo' | 'updatedAt'>,
): QuarantineStatus {
  const stored = job.statusInfo.quarantine;
  if (!stored || (job.status !== 'Quarantine' && job.status !== 'Disabled')) return { kind: 'healthy' };
  const quarantine: QuarantineState = {
    reason: stored.reason,
    currentBegan: stored.since,
    seriesBegan: stored.seriesBegan ?? stored.since,
    seriesCount: stored.seriesCount ?? 1,
  };
  return job.status === 'Disabled'
    ? { kind: 'disabled', quarantine, disabledAt: job.updatedAt }
    : { kind: 'quarantined', quarantine };
}
