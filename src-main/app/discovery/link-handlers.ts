import { hostname } from 'node:os';
import type { LinkView } from '@shared/domain/accounts';
import { RosterError } from '@shared/domain/errors';
import { refusal } from '@shared/domain/error-messages';
import { defaultLeaseTtlMs } from '../../engine/engine';
import { acquireOnDemandLock } from '../../engine/on-demand-lock';
import type { JobRecord } from '../../store/jobs-repo';
import type { LinkRecord } from '../../store/links-repo';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';

export function toLinkView(link: LinkRecord): LinkView {
  return {
    jobId: link.jobId,
    objectType: link.objectType,
    anchor: link.anchor,
    targetId: link.targetId,
    displayName: link.displayName,
    active: link.active,
    exported: link.exported,
    members: link.members,
    linkedAt: link.linkedAt,
    updatedAt: link.updatedAt,
  };
}

/**
 * One object's link (issue 12 item 6, provisioning-behaviour.md §12 "Reset link"): find it, show it,
 * delete it. Deleting is allowed only while the job is not running on its schedule and no cycle or
 * other run holds it: the job's lease is taken for the deletion, so a cycle in any process can
 * neither be running nor start meanwhile. The object's recorded source state goes with the link,
 * so the next cycle that reads it matches it again (or create it); the usual follow-up is Provision
 * on demand. A link that does not exist is not an error.
 */
export function linkHandlers(ctx: AppContext): HandlerGroup<'links.find' | 'links.get' | 'links.delete'> {
  function mustGet(jobId: string): JobRecord {
    const job = ctx.store.jobs.get(jobId);
    if (!job) throw refusal('notFound', 'jobMissing', { id: jobId });
    return job;
  }

  return {
    'links.find': async ({ jobId, query, limit }) => {
      mustGet(jobId);
      return {
        links: ctx.store.linkSearch.find(jobId, query, limit).map(toLinkView),
        total: ctx.store.linkSearch.count(jobId),
      };
    },
    'links.get': async ({ jobId, objectType, anchor }) => {
      mustGet(jobId);
      const link = ctx.store.links.get(jobId, objectType, anchor);
      return link ? toLinkView(link) : null;
    },
    'links.delete': async ({ jobId, objectType, anchor }) => {
      const job = mustGet(jobId);
      if (ctx.scheduler.scheduleOf(jobId) === 'started')
        throw refusal('conflict', 'linkNeedsPause', { job: job.name }, { reason: 'jobStarted' });
      let lock;
      try {
        lock = await acquireOnDemandLock({
          leases: ctx.store.leases,
          jobId,
          jobName: job.name,
          owner: { label: `a link reset by ${ctx.osUser}`, pid: process.pid, host: hostname() },
          clock: ctx.clock,
          ttlMs: defaultLeaseTtlMs,
          waitMs: 0,
          signal: new AbortController().signal,
          onWait: () => undefined,
        });
      } catch (error) {
        if (!(error instanceof RosterError)) throw error;
        throw new RosterError('conflict', error.message, {
          reason: 'jobBusy',
          ...(typeof error.details === 'object' ? error.details : {}),
        });
      }
      try {
        const link = ctx.store.transaction(() => {
          const existing = ctx.store.links.get(jobId, objectType, anchor);
          if (!existing) return null;
          ctx.store.links.delete(jobId, objectType, anchor);
          ctx.store.sourceState.deleteMany(jobId, [{ objectType, anchor }]);
          recordAudit(ctx, {
            action: 'job.linkDelete',
            targetType: 'job',
            targetId: job.id,
            targetName: job.name,
            before: {
              objectType,
              sourceKey: anchor,
              targetId: existing.targetId,
              displayName: existing.displayName,
              linkedAt: existing.linkedAt,
            },
            after: null,
          });
          return existing;
        });
        if (link) ctx.events.emit('jobs.changed', { id: job.id });
        return { deleted: link !== null, link: link ? toLinkView(link) : null };
      } finally {
        lock.release();
      }
    },
  };
}
