import type { JobDetail, JobView } from '@shared/domain/job-view';
import type { JobConfig } from '@shared/domain/jobs';
import type { JobRecord } from '../../store/jobs-repo';
import type { AppContext } from '../context';
import { jobStatusOf } from './job-status-of';

export function toJobView(ctx: AppContext, job: JobRecord): JobView {
  const source = ctx.store.connections.get(job.sourceConnectionId);
  const target = ctx.store.connections.get(job.targetConnectionId);
  const recent = ctx.store.cycles.forJob(job.id, 5);
  const last = recent.find((c) => !c.dryRun) ?? null;
  const lastDryRun = last ? null : (recent.find((c) => c.dryRun && c.status === 'completed') ?? null);
  const state = jobStatusOf(ctx, job, { source, target, lastCycle: last });
  return {
    id: job.id,
    name: job.name,
    sourceConnection: { id: job.sourceConnectionId, name: source?.name ?? '?', kind: source?.kind ?? '?' },
    targetConnection: { id: job.targetConnectionId, name: target?.name ?? '?', kind: target?.kind ?? '?' },
    status: state.code,
    state,
    nextRunAt: state.nextRunAt,
    intervalMinutes: job.config.settings.intervalMinutes,
    sourceWatch: ctx.scheduler.sourceWatchOf(job.id),
    quarantine: job.statusInfo.quarantine ?? null,
    nextCycleInitial: job.watermark === null,
    linkedUsers: ctx.store.links.count(job.id, 'User'),
    linkedGroups: ctx.store.links.count(job.id, 'Group'),
    stagedDeletes: ctx.store.references.stagedFor(job.id).length,
    running: ctx.engine.isRunning(job.id),
    lastCycle: last,
    lastDryRun,
    updatedAt: job.updatedAt,
  };
}

/** The job as config: connections by name, the form config-as-code files and the editor use. */
export function toJobConfig(ctx: AppContext, job: JobRecord): JobConfig {
  return {
    name: job.name,
    sourceConnection: ctx.store.connections.get(job.sourceConnectionId)?.name ?? '',
    targetConnection: ctx.store.connections.get(job.targetConnectionId)?.name ?? '',
    ...job.config,
  };
}

export function toJobDetail(ctx: AppContext, job: JobRecord): JobDetail {
  return { ...toJobView(ctx, job), config: toJobConfig(ctx, job) };
}
