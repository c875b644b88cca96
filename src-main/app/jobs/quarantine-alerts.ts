import type { JobAlertEvent, JobAlertKind } from '@shared/domain/notifications';
import type { EngineJobEvent } from '../../engine/job-events';
import { nextQuarantineAttempt, type QuarantineEffect, type QuarantineNotice } from '../../engine/quarantine';
import type { AppContext } from '../context';

/**
 * Which quarantine changes are told (§16): entering, a new reason, recovery and Disabled. "Lifted"
 * is the admin's own act (Restart, Start on a Disabled job) and needs no email.
 */
const alertKindOf: Record<QuarantineEffect, JobAlertKind | null> = {
  entered: 'quarantineEntered',
  reasonChanged: 'quarantineReasonChanged',
  recovered: 'recovered',
  disabled: 'disabled',
  lifted: null,
};

function connectionNames(ctx: Pick<AppContext, 'store'>, jobId: string) {
  const job = ctx.store.jobs.get(jobId);
  const name = (id: string | undefined) => (id ? (ctx.store.connections.get(id)?.name ?? '?') : '?');
  return { sourceName: name(job?.sourceConnectionId), targetName: name(job?.targetConnectionId) };
}

/** The alert for a quarantine change the engine or the scheduler made, or null when none is due. */
export function alertForQuarantine(
  ctx: Pick<AppContext, 'store'>,
  notice: QuarantineNotice,
): JobAlertEvent | null {
  const kind = alertKindOf[notice.effect];
  if (kind === null) return null;
  const q = notice.quarantine;
  return {
    kind,
    jobId: notice.jobId,
    jobName: notice.jobName,
    ...connectionNames(ctx, notice.jobId),
    reason: q.reason,
    ...(notice.detail ? { detail: notice.detail } : {}),
    ...(kind === 'quarantineEntered' || kind === 'quarantineReasonChanged'
      ? { nextAttemptAt: nextQuarantineAttempt(q, notice.at).toISOString() }
      : {}),
    quarantineBegan: q.seriesBegan,
    at: notice.at,
  };
}

/** The alert for what a cycle reported (§16), or null. */
export function alertForEngineEvent(
  ctx: Pick<AppContext, 'store'>,
  event: EngineJobEvent,
): JobAlertEvent | null {
  if (event.kind === 'quarantine') return alertForQuarantine(ctx, event.notice);
  return {
    kind: 'deletesHeldBack',
    jobId: event.jobId,
    jobName: event.jobName,
    ...connectionNames(ctx, event.jobId),
    reason: 'TooManyDeletes',
    counts: { heldBack: event.count },
    threshold: event.threshold,
    ...(event.quarantineBegan ? { quarantineBegan: event.quarantineBegan } : {}),
    at: event.at,
  };
}
