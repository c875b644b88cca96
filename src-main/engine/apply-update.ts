import type { ObjectMapping } from '@shared/domain/jobs';
import { isConnectorError, type SourceObject, type TargetObjectState } from '../connectors/connector';
import type { LinkRecord } from '../store/links-repo';
import type { CycleContext } from './cycle-context';
import type { LogBuilder } from './log-builder';
import { attributeMappings, isInactive, targetPaths } from './object-mappings';
import { ObjectFailure } from './object-failure';
import { noteOf, plan } from './plan';
import { identityOf, openIntent, sendWrite } from './record';
import { caseOnlyNote, diffMappedValues, type TargetDiff } from './target-diff';
import { say } from '@shared/domain/log-messages';

export type ObjectResult =
  'created' | 'updated' | 'enabled' | 'unchanged' | 'skipped' | 'failed' | 'deprovision';

export interface ProcessOutcome {
  result: ObjectResult;
  link: LinkRecord | null;
}

/** §5.6: read the linked object, diff every mapping that applies to updates, PATCH only what differs. */
export async function updateLinked(
  ctx: CycleContext,
  object: SourceObject,
  mapping: ObjectMapping,
  link: LinkRecord,
  source: Record<string, unknown>,
  log: LogBuilder,
): Promise<ProcessOutcome> {
  log.targetId = link.targetId;
  log.targetDisplayName = link.displayName;
  log.step('matching', 'success', say('matchLinked', { targetId: link.targetId }), {
    targetId: link.targetId,
  });
  // The update's intent comes before the read, not only before the write ("Send and record" rule 1
  // asks no more): objects started together then reach their intents in one turn and share a commit
  // (bounded-pool.ts runBatched), where each read's answer arrived in a turn of its own and its
  // intent had a commit to itself. One read shows nothing to send: the outcome finishes the intent.
  // Recovery settles an update and an enable alike (the state hash is forgotten), so the intent
  // names the update either way.
  await openIntent(ctx, identityOf(object), 'update', link.targetId, {});
  let current: TargetObjectState;
  try {
    current = await ctx.target.get(object.type, link.targetId, targetPaths(ctx, mapping));
  } catch (error) {
    if (isConnectorError(error) && error.errorClass === 'notFound') {
      throw new ObjectFailure(
        'InvalidAnchor',
        `The linked target object ${link.targetId} no longer exists in ${ctx.targetName}.`,
        { recommendedAction: say('adviceResetLink') },
      );
    }
    throw error;
  }
  return applyUpdate(ctx, object, mapping, link, source, log, current, 'linked', { intentOpened: true });
}

/** §4 step 3: link a matched (or recovered) target object, then update it like a linked one. */
export async function adopt(
  ctx: CycleContext,
  object: SourceObject,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
  log: LogBuilder,
  found: TargetObjectState,
): Promise<ProcessOutcome> {
  const now = ctx.clock().toISOString();
  const link: LinkRecord = {
    jobId: ctx.job.id,
    objectType: object.type,
    anchor: object.anchor,
    targetId: found.id,
    displayName: object.displayName,
    exported: {},
    active: !isInactive(found.values['active']),
    members: [],
    linkedAt: now,
    updatedAt: now,
  };
  log.targetId = found.id;
  log.targetDisplayName = found.displayName ?? object.displayName;
  return applyUpdate(ctx, object, mapping, link, source, log, found, 'unlinked', { intentOpened: false });
}

async function applyUpdate(
  ctx: CycleContext,
  object: SourceObject,
  mapping: ObjectMapping,
  link: LinkRecord,
  source: Record<string, unknown>,
  log: LogBuilder,
  current: TargetObjectState,
  situation: 'linked' | 'unlinked',
  /** Whether the caller committed the write's intent already (updateLinked, before its read). */
  intent: { intentOpened: boolean },
): Promise<ProcessOutcome> {
  const { changes, modified, exported, caseOnly } = await diffForUpdate(ctx, mapping, source, current);
  const enabling =
    isInactive(current.values['active']) && changes.some((c) => c.path === 'active' && c.newValue === true);
  const nextLink: LinkRecord = {
    ...link,
    displayName: object.displayName,
    exported: { ...link.exported, ...exported },
    active: enabling ? true : link.active,
    updatedAt: ctx.clock().toISOString(),
  };
  if (changes.length === 0) {
    log.action = situation === 'linked' ? 'update' : 'other';
    if (caseOnly.length > 0) {
      log.step('processing', 'warning', caseOnlyNote(caseOnly), {
        messageCode: 'CaseOnlyDifference',
        attributes: caseOnly.map((d) => d.path).join(', '),
      });
    } else {
      log.step('processing', 'success', say('processUnchanged'));
    }
    log.step('export', 'skipped', say('exportNothing'), { reason: 'EntrySynchronizationSkipped' });
    ctx.counters.unchanged++;
    // A dry run says what it found: a match that only needs linking, or a case-only difference
    // that sends nothing — never "Other".
    if (situation === 'unlinked' || caseOnly.length > 0)
      plan(ctx, object, {
        situation,
        action: situation === 'unlinked' ? 'link' : 'skip',
        targetId: link.targetId,
        changes: [],
        ...noteOf(caseOnly.length > 0 ? caseOnlyNote(caseOnly) : say('planLinkOnly')),
      });
    return { result: situation === 'linked' ? 'unchanged' : 'updated', link: nextLink };
  }
  if (!mapping.actions.update) {
    log.step('processing', 'success', say('processDiffer', { count: changes.length }));
    log.step('export', 'skipped', say('exportUpdateOff'), {
      reason: 'UpdateDisabled',
    });
    ctx.counters.skipped++;
    return { result: 'skipped', link: situation === 'unlinked' ? nextLink : link };
  }
  log.action = enabling ? 'enable' : 'update';
  log.modified = modified;
  log.step('processing', 'success', say('processDiffer', { count: changes.length }), {
    attributes: changes.map((c) => c.path).join(', '),
  });
  if (ctx.dryRun) {
    plan(ctx, object, {
      situation,
      action: enabling ? 'enable' : 'update',
      targetId: link.targetId,
      changes: modified,
      note: null,
    });
  } else {
    const write = () => ctx.target.update(object.type, link.targetId, changes);
    if (intent.intentOpened) await write();
    else await sendWrite(ctx, identityOf(object), enabling ? 'enable' : 'update', link.targetId, {}, write);
    log.step('export', 'success', say('exportUpdated', { count: changes.length, target: ctx.targetName }), {
      targetId: link.targetId,
    });
  }
  if (enabling) ctx.counters.enabled++;
  else ctx.counters.updated++;
  return { result: enabling ? 'enabled' : 'updated', link: nextLink };
}

async function diffForUpdate(
  ctx: CycleContext,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
  current: TargetObjectState,
): Promise<TargetDiff> {
  return diffMappedValues(ctx.evaluator, attributeMappings(ctx, mapping), source, current.values);
}
