import type { JobAlertEvent } from '@shared/domain/notifications';
import type { QuarantineNotice } from '../../scheduler/quarantine-store';
import type { AppContext } from '../context';

/**
 * The alert for a quarantine change the scheduler made (§16): Disabled after 28 days. A start that
 * lifts a Disabled job is the admin's own act and needs no email.
 */
export function alertForQuarantine(
  ctx: Pick<AppContext, 'store'>,
  notice: QuarantineNotice,
): JobAlertEvent | null {
  if (notice.effect !== 'disabled') return null;
  const job = ctx.store.jobs.get(notice.jobId);
  const name = (id: string | undefined) => (id ? (ctx.store.connections.get(id)?.name ?? '?') : '?');
  return {
    kind: 'disabled',
    jobId: notice.jobId,
    jobName: notice.jobName,
    sourceName: name(job?.sourceConnectionId),
    targetName: name(job?.targetConnectionId),
    reason: notice.quarantine.reason,
    quarantineBegan: notice.quarantine.seriesBegan,
    at: notice.at,
  };
}
