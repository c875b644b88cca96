import type { ModifiedProperty } from '@shared/domain/provisioning';
import type { WriteIntent } from '../store/intents-repo';
import type { LinkRecord } from '../store/links-repo';
import { throwIfCancelled, type CycleContext } from './cycle-context';
import { logFor, type LogBuilder } from './log-builder';
import { findByLookups } from './matching';
import { endsCycle } from './object-failure';
import { reconcileMembers } from './reconcile-members';
import { displayValue } from './target-values';
import { say } from '@shared/domain/log-messages';
import { objectKey } from '../store/object-key';

/**
 * Settles the writes an earlier process sent but never recorded (it was killed, or lost power) —
 * before this cycle reads anything, so the cycle starts from what the target really holds
 * (docs/architecture.md "Send and record"):
 *
 * - create: look the object up by the matching values the intent kept. Found once: it was created;
 *   link it and write the create's log entry. Not found: it was not; matching creates it this cycle.
 * - members: read the group's members back and record the adds and removes that landed.
 * - update, reference, enable, disable, delete: idempotent; the object's state hash is forgotten, so
 *   this cycle evaluates it again and sends whatever is still missing.
 *
 * Every case forgets the object's state hash in the same transaction that finishes the intent. An
 * intent that cannot be settled now (the target does not answer) stays, and its object is left
 * alone this cycle rather than risk a duplicate.
 */
export async function recoverIntents(ctx: CycleContext): Promise<number> {
  if (ctx.dryRun) return 0;
  const intents = ctx.store.intents.forJob(ctx.job.id);
  for (const intent of intents) {
    throwIfCancelled(ctx);
    try {
      await settle(ctx, intent);
    } catch (error) {
      if (endsCycle(error)) throw error;
      ctx.unsettled.add(objectKey(intent.objectType, intent.anchor));
    }
  }
  return intents.length;
}

async function settle(ctx: CycleContext, intent: WriteIntent): Promise<void> {
  const key = objectKey(intent.objectType, intent.anchor);
  const link = ctx.links.get(key) ?? null;
  if (intent.operation === 'create' && !link) {
    const found = await findByLookups(ctx, intent.objectType, intent.detail.lookups ?? [], []);
    if (found.kind === 'matched') {
      const now = ctx.clock().toISOString();
      const values = intent.detail.values ?? {};
      const created: LinkRecord = {
        jobId: ctx.job.id,
        objectType: intent.objectType,
        anchor: intent.anchor,
        targetId: found.object.id,
        displayName: intent.displayName,
        exported: values,
        active: values['active'] !== false,
        members: [],
        linkedAt: now,
        updatedAt: now,
      };
      commit(ctx, intent, created, createdLog(ctx, intent, found.object.id, found.details));
      return;
    }
    commit(ctx, intent, null, null);
    return;
  }
  if (intent.operation === 'members' && link) {
    const members = await reconcileMembers(ctx.target, link.targetId, new Set(link.members), intent.detail);
    commit(ctx, intent, { ...link, members: [...members], updatedAt: ctx.clock().toISOString() }, null);
    return;
  }
  commit(ctx, intent, null, null);
}

/** Finishes the intent, forgets the object's state hash and records what was found, atomically. */
function commit(
  ctx: CycleContext,
  intent: WriteIntent,
  link: LinkRecord | null,
  log: LogBuilder | null,
): void {
  const entry = log ? log.build(ctx.clock()) : null;
  ctx.store.transaction(() => {
    if (link) ctx.store.links.upsert(link);
    if (entry) ctx.store.log.insertMany([entry]);
    ctx.store.sourceState.deleteMany(ctx.job.id, [{ objectType: intent.objectType, anchor: intent.anchor }]);
    ctx.store.intents.finish(intent.id);
  });
  const key = objectKey(intent.objectType, intent.anchor);
  if (link) ctx.links.set(key, link);
  ctx.previousHashes.delete(key);
}

function createdLog(
  ctx: CycleContext,
  intent: WriteIntent,
  targetId: string,
  details: Record<string, string>,
): LogBuilder {
  const log = logFor(ctx, {
    anchor: intent.anchor,
    displayName: intent.displayName,
    type: intent.objectType,
  });
  log.action = 'create';
  log.targetId = targetId;
  log.targetDisplayName = intent.displayName;
  log.modified = Object.entries(intent.detail.values ?? {}).map(([path, value]): ModifiedProperty => ({
    displayName: path,
    oldValue: null,
    newValue: displayValue(value),
  }));
  log.step('matching', 'success', say('matchRecoveredCreate'), details);
  log.step(
    'export',
    'success',
    say('exportCreatedRecovered', { target: ctx.targetName, cycleId: intent.cycleId }),
    {
      targetId,
    },
  );
  return log;
}
