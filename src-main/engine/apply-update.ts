import type { ObjectMapping } from '@shared/domain/jobs';
import type { ModifiedProperty } from '@shared/domain/provisioning';
import type { TargetValue } from '@shared/domain/schema';
import {
  isConnectorError,
  type AttributeChange,
  type SourceObject,
  type TargetObjectState,
} from '../connectors/connector';
import type { LinkRecord } from '../store/links-repo';
import type { CycleContext } from './cycle-context';
import type { LogBuilder } from './log-builder';
import { attributeMappings, isInactive, redactable, targetPaths } from './object-mappings';
import { ObjectFailure } from './object-failure';
import { plan } from './plan';
import { identityOf, sendWrite } from './record';
import { displayValue, missingValues, sameTargetValue } from './target-values';

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
  log.step('matching', 'success', `Linked to target object ${link.targetId}`, { targetId: link.targetId });
  let current: TargetObjectState;
  try {
    current = await ctx.target.get(object.type, link.targetId, targetPaths(ctx, mapping));
  } catch (error) {
    if (isConnectorError(error) && error.errorClass === 'notFound') {
      throw new ObjectFailure(
        'InvalidAnchor',
        `The linked target object ${link.targetId} no longer exists in ${ctx.targetName}.`,
        {
          recommendedAction:
            'Reset the link of this object (or run `roster reset <job> --full`) so that Roster matches or creates it again.',
        },
      );
    }
    throw error;
  }
  return applyUpdate(ctx, object, mapping, link, source, log, current, 'linked');
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
  return applyUpdate(ctx, object, mapping, link, source, log, found, 'unlinked');
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
): Promise<ProcessOutcome> {
  const { changes, modified, exported } = await diffForUpdate(ctx, mapping, source, current);
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
    log.step('processing', 'success', 'The target object already has every mapped value');
    log.step('export', 'skipped', 'Nothing to change', { reason: 'EntrySynchronizationSkipped' });
    ctx.counters.unchanged++;
    if (situation === 'unlinked')
      plan(ctx, object, {
        situation,
        action: 'other',
        targetId: link.targetId,
        changes: [],
        note: 'Links to the matching target object; no attribute differs',
      });
    return { result: situation === 'linked' ? 'unchanged' : 'updated', link: nextLink };
  }
  if (!mapping.actions.update) {
    log.step('processing', 'success', `${changes.length} attribute(s) differ`);
    log.step('export', 'skipped', 'Update is turned off for this object mapping', {
      reason: 'UpdateDisabled',
    });
    ctx.counters.skipped++;
    return { result: 'skipped', link: situation === 'unlinked' ? nextLink : link };
  }
  log.action = enabling ? 'enable' : 'update';
  log.modified = modified;
  log.step('processing', 'success', `${changes.length} attribute(s) differ`, {
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
    await sendWrite(ctx, identityOf(object), enabling ? 'enable' : 'update', link.targetId, {}, () =>
      ctx.target.update(object.type, link.targetId, changes),
    );
    log.step('export', 'success', `Updated ${changes.length} attribute(s) in ${ctx.targetName}`, {
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
): Promise<{
  changes: AttributeChange[];
  modified: ModifiedProperty[];
  exported: Record<string, TargetValue>;
}> {
  const changes: AttributeChange[] = [];
  const modified: ModifiedProperty[] = [];
  const exported: Record<string, TargetValue> = {};
  for (const m of attributeMappings(ctx, mapping)) {
    if (m.apply === 'OnlyOnCreate') continue;
    const schema = ctx.evaluator.schemaFor(m.target);
    const now = current.values[m.target] ?? null;
    if (m.type === 'None') {
      const fallback = ctx.evaluator.defaultValue(m);
      if (fallback !== null && sameTargetValue(now, '', schema)) {
        changes.push({ path: m.target, oldValue: now, newValue: fallback });
        modified.push({
          displayName: m.target,
          oldValue: displayValue(now),
          newValue: displayValue(fallback),
        });
        exported[m.target] = fallback;
      }
      continue;
    }
    const outcome = await ctx.evaluator.evaluate(m, source, 'update');
    if (outcome.kind === 'error') throw new ObjectFailure(outcome.code, outcome.message);
    if (outcome.kind === 'clear') {
      if (!sameTargetValue(now, '', schema)) {
        changes.push({ path: m.target, oldValue: now, newValue: '' });
        modified.push(redactable(m.target, now, '', outcome.redacted));
        exported[m.target] = '';
      }
      continue;
    }
    if (outcome.kind !== 'send') continue;
    if (m.apply === 'MultiValueAddOnly') {
      const missing = missingValues(now, outcome.value, schema?.caseExact ?? false);
      if (missing.length > 0) {
        changes.push({ path: m.target, oldValue: now, newValue: missing, addOnly: true });
        modified.push(redactable(m.target, now, missing, outcome.redacted));
      }
      exported[m.target] = outcome.value;
      continue;
    }
    exported[m.target] = outcome.value;
    if (!sameTargetValue(now, outcome.value, schema)) {
      changes.push({ path: m.target, oldValue: now, newValue: outcome.value });
      modified.push(redactable(m.target, now, outcome.value, outcome.redacted));
    }
  }
  return { changes, modified, exported };
}
