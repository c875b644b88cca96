import { refusal } from '@shared/domain/error-messages';
import type { UnfinishedSetup } from '@shared/domain/unfinished-setup';
import type { JobRecord } from '../../store/jobs-repo';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import { toJobConfig, toJobDetail } from './job-views';

type PreviewCommands = 'jobs.finishSetup' | 'jobs.unfinished' | 'jobs.discardSetup';

/** The id of the preview job the wizard's saved draft holds (wizard-model.ts `preview.jobId`). */
function draftPreviewJobId(ctx: AppContext): string | null {
  const preview = ctx.store.drafts.getJob()?.data['preview'];
  if (typeof preview !== 'object' || preview === null || !('jobId' in preview)) return null;
  return typeof preview.jobId === 'string' ? preview.jobId : null;
}

/**
 * The new-job wizard's preview job (migration 011): Create turns it into a job, and one left behind
 * is shown on the Jobs page as an unfinished setup to resume or discard.
 */
export function previewHandlers(ctx: AppContext): HandlerGroup<PreviewCommands> {
  function mustGetPreview(id: string): JobRecord {
    const job = ctx.store.jobs.get(id);
    if (!job) throw refusal('notFound', 'jobMissing', { id });
    if (!job.preview) throw refusal('conflict', 'notAPreview', { name: job.name });
    return job;
  }

  return {
    'jobs.finishSetup': async ({ id }) => {
      const job = ctx.store.jobs.get(id);
      if (!job) throw refusal('notFound', 'jobMissing', { id });
      // Pressing Create twice (or after a reload) finds a job already created: nothing more to do.
      if (!job.preview) return toJobDetail(ctx, job);
      ctx.store.transaction(() => {
        ctx.store.jobs.finishPreview(id, ctx.clock().toISOString());
        recordAudit(ctx, {
          action: 'job.create',
          targetType: 'job',
          targetId: id,
          targetName: job.name,
          before: null,
          after: toJobConfig(ctx, job),
        });
      });
      ctx.events.emit('jobs.changed', { id });
      const created = ctx.store.jobs.get(id);
      if (!created) throw refusal('notFound', 'jobDeletedWhileCreating', { id });
      return toJobDetail(ctx, created);
    },
    'jobs.unfinished': async (): Promise<UnfinishedSetup[]> => {
      const held = draftPreviewJobId(ctx);
      return ctx.store.jobs.previews().map((job) => ({
        id: job.id,
        name: job.name,
        sourceConnection: ctx.store.connections.get(job.sourceConnectionId)?.name ?? '?',
        targetConnection: ctx.store.connections.get(job.targetConnectionId)?.name ?? '?',
        createdAt: job.createdAt,
        updatedAt: job.updatedAt,
        resumable: held === job.id,
        lastDryRun:
          ctx.store.cycles.forJob(job.id, 5).find((c) => c.dryRun && c.status === 'completed') ?? null,
      }));
    },
    'jobs.discardSetup': async ({ id }) => {
      mustGetPreview(id);
      const busy = ctx.engine.refusal(id);
      if (busy) throw busy;
      ctx.store.transaction(() => {
        ctx.store.jobs.delete(id);
        // The draft without its job would resume into a review that has lost its dry run.
        if (draftPreviewJobId(ctx) === id) ctx.store.drafts.deleteJob();
      });
      ctx.events.emit('jobs.changed', { id });
      return { id };
    },
  };
}
