import { createHash } from 'node:crypto';
import { refusal } from '@shared/domain/error-messages';
import type { ImpactAction, ImpactItem, JobImpactResult } from '@shared/domain/job-editing';
import { computeImpact, impactActions, type ImpactComputation, type ImpactEntry } from '../../engine/impact';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import { targetCanDisable } from '../jobs/target-disable';
import { withConnectorErrors } from './connector-failure';
import { checkConfig } from './impact-problems';
import { findOverlaps } from './impact-overlaps';
import type { SourceSnapshots } from './source-snapshots';

function emptyCounts(): Record<ImpactAction, number> {
  return Object.fromEntries(impactActions.map((a) => [a, 0])) as Record<ImpactAction, number>;
}

function toItem(entry: ImpactEntry): ImpactItem {
  const { targetId: _targetId, matching: _matching, wasInScope: _wasInScope, ...item } = entry;
  return item;
}

function matches(entry: ImpactEntry, action: ImpactAction | undefined, search: string): boolean {
  if (action && entry.action !== action) return false;
  if (search === '') return true;
  const wanted = search.toLowerCase();
  return entry.displayName.toLowerCase().includes(wanted) || entry.anchor.toLowerCase().includes(wanted);
}

/**
 * jobs.impact: what saving a configuration would do on the next cycle, worked out without a request
 * to the target (engine/impact.ts). The last computation is kept, so paging, filtering and searching
 * the list do not work it out again while the source read, the links and the configuration are the
 * same.
 */
export function impactHandlers(ctx: AppContext, snapshots: SourceSnapshots): HandlerGroup<'jobs.impact'> {
  let last: { key: string; computation: ImpactComputation; overlaps: JobImpactResult['overlaps'] } | null =
    null;

  return {
    'jobs.impact': async (input): Promise<JobImpactResult> => {
      const job = input.jobId ? ctx.store.jobs.get(input.jobId) : null;
      if (input.jobId && !job) throw refusal('notFound', 'jobMissing', { id: input.jobId });
      const { problems, source, target } = checkConfig(ctx, input.config, input.jobId);
      if (!source) {
        return {
          counts: emptyCounts(),
          leavingScope: 0,
          needsFullCycle: true,
          deletionThresholdHit: false,
          items: [],
          total: 0,
          readAt: ctx.clock().toISOString(),
          overlaps: [],
          problems,
        };
      }
      const snapshot = await withConnectorErrors(source.name, 'sourceConnection', () =>
        snapshots.get(source),
      );
      const links = job ? ctx.store.links.forJob(job.id) : [];
      const key = createHash('sha256')
        .update(
          JSON.stringify([
            input.config,
            job?.id ?? null,
            job?.updatedAt ?? null,
            snapshot.readAt,
            links.length,
            links.reduce((max, l) => (l.updatedAt > max ? l.updatedAt : max), ''),
            target?.id ?? null,
          ]),
        )
        .digest('hex');
      if (last?.key !== key) {
        const computation = await computeImpact({
          config: input.config,
          source: snapshot,
          links,
          stored: job?.config ?? null,
          targetCanDisable: target ? targetCanDisable(target) : true,
        });
        const others = target
          ? ctx.store.jobs.list().filter((j) => j.targetConnectionId === target.id && j.id !== job?.id)
          : [];
        last = { key, computation, overlaps: findOverlaps(computation, others, ctx.store.links) };
      }
      const { computation, overlaps } = last;
      const listed = computation.entries.filter((e) => matches(e, input.action, input.search));
      return {
        counts: { ...computation.counts },
        leavingScope: computation.leavingScope,
        needsFullCycle: computation.needsFullCycle,
        deletionThresholdHit: computation.deletionThresholdHit,
        items: listed.slice(input.offset, input.offset + input.limit).map(toItem),
        total: listed.length,
        readAt: snapshot.readAt,
        overlaps,
        problems,
      };
    },
  };
}
