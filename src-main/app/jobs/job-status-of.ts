import { secretFieldsInUse } from '@shared/domain/connections';
import { deriveJobStatus, type ConfigurationGap, type JobStatus } from '@shared/domain/job-status';
import type { CycleSummary } from '@shared/domain/provisioning';
import type { ConnectionRecord } from '../../store/connections-repo';
import type { JobRecord } from '../../store/jobs-repo';
import type { AppContext } from '../context';

/** NotConfigured (§15 "no credentials"): a connection is gone, or a secret its authentication uses is not set. */
export function configurationGaps(
  source: ConnectionRecord | null,
  target: ConnectionRecord | null,
): ConfigurationGap[] {
  const gaps: ConfigurationGap[] = [];
  for (const [role, connection] of [
    ['source', source],
    ['target', target],
  ] as const) {
    if (!connection) {
      gaps.push({ role, problem: 'connectionMissing' });
      continue;
    }
    for (const field of secretFieldsInUse(connection.kind, connection.settings)) {
      if (!connection.secretIds[field]) gaps.push({ role, problem: 'secretNotSet', field });
    }
  }
  return gaps;
}

/** The job's §15 status from the store, the scheduler and the running cycle's progress. */
export function jobStatusOf(
  ctx: Pick<AppContext, 'store' | 'engine' | 'scheduler' | 'progress'>,
  job: JobRecord,
  known: { source: ConnectionRecord | null; target: ConnectionRecord | null; lastCycle: CycleSummary | null },
): JobStatus {
  return deriveJobStatus({
    stored: { status: job.status, quarantine: job.statusInfo.quarantine ?? null },
    gaps: configurationGaps(known.source, known.target),
    schedule: ctx.scheduler.scheduleOf(job.id),
    nextRunAt: ctx.scheduler.nextRunAt(job.id),
    running: ctx.engine.isRunning(job.id),
    progress: ctx.progress.of(job.id),
    lastCycle: known.lastCycle,
  });
}
