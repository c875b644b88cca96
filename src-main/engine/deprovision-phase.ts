import { isConnectorError } from '../connectors/connector';
import { throwIfCancelled, type CycleContext, type DeprovisionCandidate } from './cycle-context';
import { logFor, type LogBuilder } from './log-builder';
import { record } from './object-processor';

type Decision = { kind: 'disable' | 'delete'; why: string } | { kind: 'skip'; code: string; why: string };

/** §8: what leaving the target's care means for one linked object. */
function decide(ctx: CycleContext, c: DeprovisionCandidate): Decision {
  const mapping = c.objectType === 'User' ? ctx.mappings.User : ctx.mappings.Group;
  if (!mapping) return { kind: 'skip', code: 'GroupsMappingDisabled', why: 'The Groups mapping is off' };
  if (ctx.settings.skipOutOfScopeDeletions) {
    return {
      kind: 'skip',
      code: 'SkipOutOfScopeDeletions',
      why: 'skipOutOfScopeDeletions is on: the object is left as it is',
    };
  }
  const canDelete = mapping.actions.delete;
  const wantsDelete =
    c.objectType === 'Group' ||
    (c.reason === 'hardDeleted' && ctx.settings.onSourceDelete === 'delete') ||
    !ctx.target.capabilities().softDelete;
  if (wantsDelete) {
    return canDelete
      ? { kind: 'delete', why: c.detail }
      : { kind: 'skip', code: 'DeleteDisabled', why: 'Delete is turned off for this object mapping' };
  }
  if (!c.link.active) return { kind: 'skip', code: 'AlreadyDisabled', why: 'Already disabled in the target' };
  const readsSoftDeleted = mapping.attributeMappings.some((m) => m.source.includes('IsSoftDeleted'));
  if (!readsSoftDeleted) {
    return {
      kind: 'skip',
      code: 'NoSoftDeleteMapping',
      why: 'No mapping reads IsSoftDeleted, so Roster never disables (§8)',
    };
  }
  if (!mapping.actions.update)
    return { kind: 'skip', code: 'UpdateDisabled', why: 'Update is turned off, and a disable is an update' };
  return { kind: 'disable', why: c.detail };
}

function newLog(ctx: CycleContext, c: DeprovisionCandidate): LogBuilder {
  const log = logFor(ctx, { anchor: c.anchor, displayName: c.displayName, type: c.objectType });
  log.targetId = c.link.targetId;
  log.targetDisplayName = c.link.displayName;
  log.step('scoping', 'success', c.reason === 'hardDeleted' ? 'Gone from the source' : c.detail);
  log.step('matching', 'success', `Linked to target object ${c.link.targetId}`);
  return log;
}

/**
 * The anchors whose deprovisioning the threshold will hold back this cycle. Memberships keep them
 * meanwhile: a mass unassignment held by the threshold must not strip group memberships either.
 */
export function heldBackAnchors(ctx: CycleContext): Set<string> {
  const actions = ctx.deprovision.filter((c) => decide(ctx, c).kind !== 'skip');
  const over =
    ctx.settings.preventAccidentalDeletes &&
    actions.length > ctx.settings.deletionThreshold &&
    !ctx.forceDeletes;
  return new Set(over ? actions.map((c) => c.anchor) : []);
}

/**
 * §3.1 step 7 and §11: deprovisioning runs last, all together, so the accidental-deletion threshold
 * sees the whole set. Over the threshold nothing runs: each action is logged as stagedDelete and kept
 * until an admin allows deletes.
 */
export async function deprovision(ctx: CycleContext): Promise<{ staged: boolean }> {
  const decided = ctx.deprovision.map((c) => ({ c, d: decide(ctx, c) }));
  const actions = decided.filter((x) => x.d.kind !== 'skip');
  const overThreshold =
    ctx.settings.preventAccidentalDeletes &&
    actions.length > ctx.settings.deletionThreshold &&
    !ctx.forceDeletes;

  for (const { c, d } of decided) {
    if (d.kind !== 'skip') continue;
    // A leaver disabled in an earlier cycle stays linked (to be re-enabled if they return): nothing to log.
    if (d.code === 'AlreadyDisabled') continue;
    const log = newLog(ctx, c);
    log.action = 'other';
    log.step('processing', 'skipped', d.why, { reason: d.code });
    ctx.counters.skipped++;
    record(ctx, log, { type: c.objectType, anchor: c.anchor, displayName: c.displayName }, null, c.stateHash);
  }

  if (overThreshold) {
    const stagedAt = ctx.clock().toISOString();
    for (const { c, d } of actions) {
      const log = newLog(ctx, c);
      log.action = 'stagedDelete';
      log.step('processing', 'skipped', `Would ${d.kind}: held back by the accidental-deletion threshold`, {
        pending: String(actions.length),
        threshold: String(ctx.settings.deletionThreshold),
      });
      log.fail(
        'TooManyDeletes',
        `${actions.length} disables and deletes are pending, over the threshold of ${ctx.settings.deletionThreshold}.`,
        {
          category: 'Skipped',
          recommendedAction:
            'Check why so many objects left scope. If it is intended, use "Allow deletes"; otherwise fix the cause and restart.',
        },
      );
      ctx.counters.staged++;
      if (ctx.dryRun) {
        ctx.plan.push({
          seq: ctx.plan.length + 1,
          objectType: c.objectType,
          anchor: c.anchor,
          displayName: c.displayName,
          situation: c.reason === 'hardDeleted' ? 'deleted' : 'outOfScope',
          action: 'stagedDelete',
          targetId: c.link.targetId,
          changes: [],
          note: `Would ${d.kind}; held back: ${actions.length} > threshold ${ctx.settings.deletionThreshold}`,
        });
        continue;
      }
      // No state recorded: the object stays "changed" and is staged again until released.
      record(ctx, log, { type: c.objectType, anchor: c.anchor, displayName: c.displayName }, null, null);
    }
    if (!ctx.dryRun) {
      ctx.store.references.replaceStaged(
        ctx.job.id,
        actions.map(({ c, d }) => ({
          objectType: c.objectType,
          anchor: c.anchor,
          action: d.kind as 'disable' | 'delete',
          reason: c.detail,
          stagedAt,
        })),
      );
    }
    return { staged: true };
  }

  for (const { c, d } of actions) {
    throwIfCancelled(ctx);
    const log = newLog(ctx, c);
    log.action = d.kind === 'delete' ? 'delete' : 'disable';
    log.step('processing', 'success', d.why);
    if (ctx.dryRun) {
      ctx.plan.push({
        seq: ctx.plan.length + 1,
        objectType: c.objectType,
        anchor: c.anchor,
        displayName: c.displayName,
        situation: c.reason === 'hardDeleted' ? 'deleted' : 'outOfScope',
        action: log.action,
        targetId: c.link.targetId,
        changes: d.kind === 'disable' ? [{ displayName: 'active', oldValue: 'true', newValue: 'false' }] : [],
        note: d.why,
      });
      if (d.kind === 'delete') ctx.counters.deleted++;
      else ctx.counters.disabled++;
      continue;
    }
    try {
      if (d.kind === 'delete') {
        await ctx.target.delete(c.objectType, c.link.targetId);
        log.step('export', 'success', `Deleted in ${ctx.targetName}`);
        ctx.counters.deleted++;
        record(
          ctx,
          log,
          { type: c.objectType, anchor: c.anchor, displayName: c.displayName },
          'delete',
          c.stateHash,
        );
      } else {
        await ctx.target.setActive(c.objectType, c.link.targetId, false);
        log.modified = [{ displayName: 'active', oldValue: 'true', newValue: 'false' }];
        log.step('export', 'success', `Disabled in ${ctx.targetName}`);
        ctx.counters.disabled++;
        const next = {
          ...c.link,
          active: false,
          exported: { ...c.link.exported, active: false },
          updatedAt: ctx.clock().toISOString(),
        };
        record(
          ctx,
          log,
          { type: c.objectType, anchor: c.anchor, displayName: c.displayName },
          next,
          c.stateHash,
        );
      }
    } catch (error) {
      if (isConnectorError(error) && error.errorClass === 'stopCycle') throw error;
      const message = error instanceof Error ? error.message : String(error);
      log.step('export', 'failure', message);
      log.fail(isConnectorError(error) ? error.code : 'InternalError', message);
      ctx.counters.failed++;
      record(ctx, log, { type: c.objectType, anchor: c.anchor, displayName: c.displayName }, null, null);
    }
  }
  if (!ctx.dryRun && ctx.forceDeletes) ctx.store.references.clearStaged(ctx.job.id);
  return { staged: false };
}
