import type { JobRecord } from '../../store/jobs-repo';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';

/**
 * §12. Restart: clear the watermark, source state, staged deletes, pending references, escrows and
 * quarantine;
 * links are kept, so nothing is matched or created twice. Full: also forget every link (every object
 * is matched again).
 */
export function resetJob(ctx: AppContext, job: JobRecord, full: boolean): void {
  const at = ctx.clock().toISOString();
  ctx.store.transaction(() => {
    const links = full ? ctx.store.links.deleteAll(job.id) : 0;
    ctx.store.sourceState.clear(job.id);
    ctx.store.references.clearAll(job.id);
    ctx.store.escrows.clear(job.id);
    ctx.store.jobs.setWatermark(job.id, null, at);
    const info = { ...job.statusInfo };
    delete info.quarantine;
    delete info.allowDeletes;
    // Restart lifts a quarantine, and brings back a job Disabled after 28 days of it (§10.3).
    const lifted = job.status === 'Quarantine' || job.status === 'Disabled';
    ctx.store.jobs.setStatus(
      job.id,
      lifted ? (info.lastCompletedAt ? 'Active' : 'NotRun') : job.status,
      info,
      at,
    );
    recordAudit(ctx, {
      action: 'job.reset',
      targetType: 'job',
      targetId: job.id,
      targetName: job.name,
      before: null,
      after: { scope: full ? 'Full' : 'Restart', linksRemoved: links },
    });
  });
  ctx.events.emit('jobs.changed', { id: job.id });
}
