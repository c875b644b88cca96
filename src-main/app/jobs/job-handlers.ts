import { refusal } from '@shared/domain/error-messages';
import type { JobFile } from '@shared/domain/job-file';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import { importJobFile } from './job-file-import';
import { createJob, updateJob } from './job-store';
import { toJobConfig, toJobDetail, toJobView } from './job-views';
import { resetJob } from './job-reset';
import { defaultJobConfig } from './job-defaults';
import { startSandboxIfTarget } from '../sandbox/sandbox-connection';

type JobCommands =
  | 'jobs.list'
  | 'jobs.defaults'
  | 'jobs.get'
  | 'jobs.create'
  | 'jobs.update'
  | 'jobs.delete'
  | 'jobs.run'
  | 'jobs.cancel'
  | 'jobs.allowDeletes'
  | 'jobs.reset'
  | 'jobs.exportFile'
  | 'jobs.importFile'
  | 'cycles.list'
  | 'plans.page';

export function jobHandlers(ctx: AppContext): HandlerGroup<JobCommands> {
  function mustGet(id: string) {
    const job = ctx.store.jobs.get(id);
    if (!job) throw refusal('notFound', 'jobMissing', { id });
    return job;
  }

  return {
    'jobs.list': async () => ctx.store.jobs.list().map((job) => toJobView(ctx, job)),
    'jobs.defaults': async ({ name, sourceConnection, targetConnection }) =>
      defaultJobConfig(ctx, name, sourceConnection, targetConnection),
    'jobs.get': async ({ id }) => toJobDetail(ctx, mustGet(id)),
    'jobs.create': async ({ config, preview }) => toJobDetail(ctx, createJob(ctx, config, { preview })),
    'jobs.update': async ({ id, config }) =>
      toJobDetail(ctx, updateJob(ctx, id, config, toJobConfig(ctx, mustGet(id)))),
    'jobs.delete': async ({ id }) => {
      const job = mustGet(id);
      const busy = ctx.engine.refusal(id);
      if (busy) throw busy;
      ctx.store.transaction(() => {
        ctx.store.jobs.delete(id);
        // A preview was never created (see createJob), so there is no creation to balance.
        if (job.preview) return;
        recordAudit(ctx, {
          action: 'job.delete',
          targetType: 'job',
          targetId: id,
          targetName: job.name,
          before: toJobConfig(ctx, job),
          after: null,
        });
      });
      ctx.notifier.forgetJob(id);
      ctx.events.emit('jobs.changed', { id });
      return { id };
    },
    'jobs.run': async ({ id, dryRun }) => {
      const job = mustGet(id);
      if (job.preview && !dryRun) throw refusal('conflict', 'previewOnlyDryRuns', { name: job.name });
      await startSandboxIfTarget(ctx, job.targetConnectionId);
      // Names the holder when another process (roster run, roster sync) has the job.
      const busy = ctx.engine.refusal(id);
      if (busy) throw busy;
      // Answer at once: the cycle reports through jobs.progress and jobs.cycleFinished events. The
      // scheduler runs it, so quitting waits for it and the schedule counts from its start.
      void ctx.scheduler
        .runManual(id, { dryRun, initiatedBy: { type: 'admin', displayName: ctx.osUser } })
        .then((cycle) => {
          ctx.events.emit('jobs.cycleFinished', cycle);
          ctx.events.emit('jobs.changed', { id });
        })
        .catch((error: unknown) => ctx.log.error(`Cycle of job ${id} failed: ${String(error)}`));
      ctx.events.emit('jobs.changed', { id });
      return { started: true as const };
    },
    'jobs.cancel': async ({ id }) => ({ cancelled: ctx.engine.cancel(id) }),
    'jobs.allowDeletes': async ({ id }) => {
      const job = mustGet(id);
      if (job.statusInfo.quarantine?.reason !== 'TooManyDeletes') {
        throw refusal('conflict', 'nothingHeldBack');
      }
      const info = { ...job.statusInfo, allowDeletes: true };
      ctx.store.transaction(() => {
        ctx.store.jobs.setStatus(id, job.status, info, ctx.clock().toISOString());
        recordAudit(ctx, {
          action: 'job.allowDeletes',
          targetType: 'job',
          targetId: id,
          targetName: job.name,
          before: { staged: ctx.store.references.stagedFor(id).length },
          after: { allowDeletes: true },
        });
      });
      ctx.events.emit('jobs.changed', { id });
      return toJobView(ctx, mustGet(id));
    },
    'jobs.reset': async ({ id, full }) => {
      const job = mustGet(id);
      const busy = ctx.engine.refusal(id);
      if (busy) throw busy;
      resetJob(ctx, job, full);
      // A reset job starts over: its next quarantine is news again.
      ctx.notifier.forgetJob(id);
      return toJobView(ctx, mustGet(id));
    },
    'jobs.exportFile': async ({ id }): Promise<JobFile> => {
      const job = mustGet(id);
      const config = toJobConfig(ctx, job);
      const connections = [job.sourceConnectionId, job.targetConnectionId]
        .map((cid) => ctx.store.connections.get(cid))
        .filter((c) => c !== null)
        .map((c) => ({ name: c.name, kind: c.kind, settings: c.settings }));
      return { format: 'roster-job', version: 1, connections, job: config };
    },
    'jobs.importFile': async ({ file }) => toJobDetail(ctx, await importJobFile(ctx, file)),
    'cycles.list': async ({ jobId, limit }) => ctx.store.cycles.forJob(jobId, limit),
    'plans.page': async ({ cycleId, afterSeq, limit }) => ({
      items: ctx.store.plans.page(cycleId, afterSeq, limit),
      total: ctx.store.plans.count(cycleId),
    }),
  };
}
