import { randomUUID } from 'node:crypto';
import { RosterError } from '@shared/domain/errors';
import { refusal } from '@shared/domain/error-messages';
import type { OnDemandResult } from '@shared/domain/on-demand';
import { onDemandActionTexts, onDemandMessageEnglish } from '@shared/domain/on-demand-messages';
import { mappingsOf } from '../../engine/cycle-setup';
import { searchFields, searchObjects, toCandidates } from '../../engine/on-demand-search';
import { readWholeSource } from '../../engine/on-demand-source';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import { startSandboxIfTarget } from '../sandbox/sandbox-connection';
import { objectKey } from '../../store/object-key';

type OnDemandCommands = 'onDemand.search' | 'onDemand.run' | 'onDemand.cancel';

/**
 * Provision on demand (§13) for the UI: search the job's source, start a run, cancel it. A run answers
 * at once with its id; its steps go out as `onDemand.step` events as they happen, and its result as
 * `onDemand.finished`, like a cycle's progress.
 */
export function onDemandHandlers(ctx: AppContext): HandlerGroup<OnDemandCommands> {
  const runs = new Map<string, AbortController>();

  function mustGet(id: string) {
    const job = ctx.store.jobs.get(id);
    if (!job) throw refusal('notFound', 'jobMissing', { id });
    return job;
  }

  return {
    'onDemand.search': async ({ jobId, kind, query, limit }) => {
      const job = mustGet(jobId);
      const connection = ctx.store.connections.get(job.sourceConnectionId);
      if (!connection) throw refusal('notFound', 'sourceConnectionGone', { job: job.name });
      const mappings = mappingsOf(job);
      const source = await ctx.connectors.openSource(connection);
      try {
        const read = await readWholeSource(
          source,
          job,
          mappings.Group !== null,
          new AbortController().signal,
        );
        const objects = kind === 'user' ? read.users : read.groups;
        const fields = searchFields(kind === 'user' ? mappings.User : mappings.Group);
        const links = new Set(ctx.store.links.forJob(jobId).map((l) => objectKey(l.objectType, l.anchor)));
        const hits = query === '' ? [] : searchObjects(objects.values(), fields, query);
        return {
          candidates: toCandidates(
            hits,
            fields,
            { linked: (o) => links.has(objectKey(o.type, o.anchor)), users: read.users },
            limit,
          ),
          searched: objects.size,
          sourceName: connection.name,
        };
      } finally {
        await source.close?.();
      }
    },
    'onDemand.run': async (input) => {
      const job = mustGet(input.jobId);
      const runId = input.runId ?? randomUUID();
      if (runs.has(runId)) throw refusal('conflict', 'onDemandRunIdTaken');
      await startSandboxIfTarget(ctx, job.targetConnectionId);
      const controller = new AbortController();
      runs.set(runId, controller);
      void ctx.engine
        .provisionOnDemand({
          runId,
          jobId: job.id,
          kind: input.kind,
          query: input.query,
          members: input.kind === 'group' ? input.members : [],
          waitMs: input.waitSeconds * 1000,
          initiatedBy: { type: 'admin', displayName: ctx.osUser },
          onStep: (step) => ctx.events.emit('onDemand.step', step),
          signal: controller.signal,
        })
        .catch((error: unknown): OnDemandResult => ({
          runId,
          jobId: job.id,
          status: 'failure',
          startedAt: ctx.clock().toISOString(),
          endedAt: ctx.clock().toISOString(),
          initiatedBy: ctx.osUser,
          steps: [],
          error: {
            code: error instanceof RosterError ? error.code : 'InternalError',
            message: onDemandMessageEnglish('unexpected', { error: messageOf(error) }),
            messageCode: 'unexpected',
            messageParams: { error: messageOf(error) },
            recommendedAction: onDemandActionTexts.runAgain,
            actionCode: 'runAgain',
          },
        }))
        .then((result) => {
          runs.delete(runId);
          ctx.events.emit('onDemand.finished', result);
          // Links and the log changed: job pages refresh their counts.
          ctx.events.emit('jobs.changed', { id: job.id });
        });
      return { runId };
    },
    'onDemand.cancel': async ({ runId }) => {
      const controller = runs.get(runId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
