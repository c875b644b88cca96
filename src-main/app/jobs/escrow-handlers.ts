import type { EscrowView } from '@shared/domain/escrow';
import { refusal } from '@shared/domain/error-messages';
import { escrowDue } from '../../engine/escrow';
import type { EscrowRecord } from '../../store/escrows-repo';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';

/** An escrow entry as the admin sees it, with when it is next tried (§9.2). */
export function toEscrowView(entry: EscrowRecord, now: Date): EscrowView {
  const verdict = escrowDue(entry, now, false);
  const next = verdict.next;
  return {
    objectType: entry.objectType,
    anchor: entry.anchor,
    displayName: entry.displayName,
    isReference: entry.isReference,
    errorClass: entry.errorClass,
    errorCode: entry.errorCode,
    errorMessage: entry.errorMessage,
    ...(entry.errorText ? { errorText: entry.errorText } : {}),
    firstFailure: entry.firstFailure,
    lastAttempt: entry.lastAttempt,
    attempts: entry.attempts,
    nextRetry:
      entry.retryNow || next.kind === 'nextCycle'
        ? { kind: 'nextCycle' }
        : next.kind === 'at'
          ? { kind: 'at', at: next.at.toISOString() }
          : { kind: 'never' },
    expired: verdict.expired,
    retryNow: entry.retryNow,
  };
}

/** The escrow list of a job, and the admin's two acts on one entry: retry now, drop. */
export function escrowHandlers(ctx: AppContext): HandlerGroup<'jobs.escrows' | 'jobs.escrowAction'> {
  const list = (jobId: string): EscrowView[] => {
    const now = ctx.clock();
    return ctx.store.escrows.forJob(jobId).map((e) => toEscrowView(e, now));
  };
  return {
    'jobs.escrows': async ({ id }) => {
      if (!ctx.store.jobs.get(id)) throw refusal('notFound', 'jobMissingShort', { id });
      return list(id);
    },
    'jobs.escrowAction': async ({ id, objectType, anchor, action }) => {
      const job = ctx.store.jobs.get(id);
      if (!job) throw refusal('notFound', 'jobMissingShort', { id });
      ctx.store.transaction(() => {
        const entry = ctx.store.escrows
          .forJob(id)
          .find((e) => e.objectType === objectType && e.anchor === anchor);
        if (entry && action === 'drop') {
          // Dropping accepts the object as it is: its state is recorded as seen, so it is tried again
          // only when it changes in the source (or on a restart), not in the next cycle.
          ctx.store.sourceState.upsertMany(id, [
            { objectType, anchor, stateHash: entry.attemptedHash, displayName: entry.displayName },
          ]);
        }
        const done =
          action === 'drop'
            ? ctx.store.escrows.drop(id, objectType, anchor)
            : ctx.store.escrows.retryNow(id, objectType, anchor);
        if (!done) {
          throw refusal('notFound', 'escrowEntryGone', { objectType, anchor });
        }
        recordAudit(ctx, {
          action: action === 'drop' ? 'job.escrowDrop' : 'job.escrowRetry',
          targetType: 'job',
          targetId: id,
          targetName: job.name,
          before: { objectType, anchor },
          after: null,
        });
      });
      ctx.events.emit('jobs.changed', { id });
      return list(id);
    },
  };
}
