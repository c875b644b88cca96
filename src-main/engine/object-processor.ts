import type { AttributeMapping, ObjectMapping } from '@shared/domain/jobs';
import type { ModifiedProperty, PlanItem } from '@shared/domain/provisioning';
import type { TargetValue } from '@shared/domain/schema';
import {
  type ConnectorError,
  isConnectorError,
  type AttributeChange,
  type SourceObject,
  type TargetObjectState,
} from '../connectors/connector';
import type { LinkRecord } from '../store/links-repo';
import { linkKey, type CycleContext } from './cycle-context';
import { logFor, type LogBuilder } from './log-builder';
import type { ScopeVerdict } from './scope';
import { displayValue, missingValues, sameTargetValue } from './target-values';

export type ObjectResult =
  'created' | 'updated' | 'enabled' | 'unchanged' | 'skipped' | 'failed' | 'deprovision';

/** A failure that belongs in this object's log entry: it ends the object's processing, not the cycle. */
class ObjectFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extra: { additionalDetails?: string; recommendedAction?: string } = {},
  ) {
    super(message);
  }
}

/** The attributes expressions see: the source's, plus the virtual ones (§2.4). */
export function sourceAttributesFor(object: SourceObject, inScope: boolean): Record<string, unknown> {
  return { objectId: object.anchor, ...object.attributes, IsSoftDeleted: !inScope };
}

/** Mappings that write plain attributes (references and group members have phases of their own). */
export function attributeMappings(ctx: CycleContext, mapping: ObjectMapping): AttributeMapping[] {
  return mapping.attributeMappings.filter((m) => {
    if (m.target === 'members') return false;
    return ctx.evaluator.schemaFor(m.target)?.type !== 'Reference';
  });
}

export function referenceMappings(ctx: CycleContext, mapping: ObjectMapping): AttributeMapping[] {
  return mapping.attributeMappings.filter(
    (m) => m.target !== 'members' && ctx.evaluator.schemaFor(m.target)?.type === 'Reference',
  );
}

function describeError(error: unknown): {
  code: string;
  message: string;
  extra: { additionalDetails?: string; recommendedAction?: string };
} {
  if (error instanceof ObjectFailure) return { code: error.code, message: error.message, extra: error.extra };
  if (isConnectorError(error)) {
    return {
      code: error.code,
      message: error.message,
      extra: error.info.detail ? { additionalDetails: error.info.detail } : {},
    };
  }
  return {
    code: 'InternalError',
    message: error instanceof Error ? error.message : String(error),
    extra: {},
  };
}

/**
 * Processes one source object that is in scope, or linked (ARCHITECTURE.md §4: match → plan → apply):
 * updates a linked object, or matches and links or creates an unlinked one. Linked objects out of
 * scope become deprovisioning candidates for the end of the cycle (§3.1 step 7).
 */
export async function processObject(
  ctx: CycleContext,
  object: SourceObject,
  verdict: ScopeVerdict,
  mapping: ObjectMapping,
  stateHash: string,
): Promise<ObjectResult> {
  const key = linkKey(object.type, object.anchor);
  const link = ctx.links.get(key) ?? null;
  if (!verdict.inScope) {
    if (link) {
      ctx.deprovision.push({
        objectType: object.type,
        anchor: object.anchor,
        displayName: object.displayName,
        link,
        reason: verdict.reason,
        detail: verdict.detail,
        object,
        stateHash,
      });
      return 'deprovision';
    }
    // Out of scope and never provisioned: nothing to do; counted, logged only in initial cycles (§14.3).
    ctx.counters.skipped++;
    if (ctx.kind === 'initial' && verdict.reason === 'disabledInSource') {
      const log = newLog(ctx, object);
      log.step('import', 'success', `Read from ${ctx.sourceName}`, originDetails(object));
      log.step('scoping', 'skipped', verdict.detail);
      log.fail(
        'SourceObjectDisabled',
        'The object is disabled in the source and has never been provisioned, so it is not created.',
        {
          category: 'Skipped',
        },
      );
      record(ctx, log, object, null, stateHash);
    } else if (!ctx.dryRun) {
      ctx.store.sourceState.upsertMany(ctx.job.id, [
        { objectType: object.type, anchor: object.anchor, stateHash, displayName: object.displayName },
      ]);
    }
    return 'skipped';
  }

  const log = newLog(ctx, object);
  log.step('import', 'success', `Read from ${ctx.sourceName}`, originDetails(object));
  log.step('scoping', 'success', verdict.detail);
  const source = sourceAttributesFor(object, true);
  ctx.counters.evaluated++;
  try {
    const outcome = link
      ? await updateLinked(ctx, object, mapping, link, source, log)
      : await matchOrCreate(ctx, object, mapping, source, log);
    record(ctx, log, object, outcome.link, stateHash);
    return outcome.result;
  } catch (error) {
    if (error instanceof Error && error.name === 'CycleCancelled') throw error;
    if (isConnectorError(error) && error.errorClass === 'stopCycle') throw error;
    const { code, message, extra } = describeError(error);
    log.fail(code, message, extra);
    if (!log.hasStep('export')) log.step('export', 'failure', message);
    ctx.counters.failed++;
    // No state is recorded: the object counts as changed and is tried again next cycle.
    record(ctx, log, object, null, null);
    return 'failed';
  }
}

function newLog(ctx: CycleContext, object: SourceObject): LogBuilder {
  return logFor(ctx, object);
}

function originDetails(object: SourceObject): Record<string, string> {
  return object.origin ? { origin: object.origin } : {};
}

/**
 * Writes what happened to one object: its link, its log entry and its source state, in one SQLite
 * transaction, so a crash never leaves a write unrecorded (ARCHITECTURE.md §4).
 */
export function record(
  ctx: CycleContext,
  log: LogBuilder,
  object: { type: SourceObject['type']; anchor: string; displayName: string },
  link: LinkRecord | null | 'delete',
  stateHash: string | null,
): void {
  if (ctx.dryRun) return;
  const entry = log.build(ctx.clock());
  ctx.store.transaction(() => {
    if (link === 'delete') ctx.store.links.delete(ctx.job.id, object.type, object.anchor);
    else if (link) ctx.store.links.upsert(link);
    ctx.store.log.insertMany([entry]);
    if (stateHash) {
      ctx.store.sourceState.upsertMany(ctx.job.id, [
        { objectType: object.type, anchor: object.anchor, stateHash, displayName: object.displayName },
      ]);
    }
  });
  const key = linkKey(object.type, object.anchor);
  if (link === 'delete') ctx.links.delete(key);
  else if (link) ctx.links.set(key, link);
}

function plan(ctx: CycleContext, item: Omit<PlanItem, 'seq'>): void {
  ctx.plan.push({ ...item, seq: ctx.plan.length + 1 });
}

function targetPaths(ctx: CycleContext, mapping: ObjectMapping): string[] {
  return [...new Set(attributeMappings(ctx, mapping).map((m) => m.target))];
}

interface ProcessOutcome {
  result: ObjectResult;
  link: LinkRecord | null;
}

/** §5.6: read the linked object, diff every mapping that applies to updates, PATCH only what differs. */
async function updateLinked(
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
  const wasInactive =
    current.values['active'] === false || String(current.values['active']).toLowerCase() === 'false';
  const enabling = wasInactive && changes.some((c) => c.path === 'active' && c.newValue === true);
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
    if (ctx.dryRun && situation === 'unlinked') {
      plan(ctx, {
        objectType: object.type,
        anchor: object.anchor,
        displayName: object.displayName,
        situation,
        action: 'other',
        targetId: link.targetId,
        changes: [],
        note: 'Would link to the matching target object; no attribute differs',
      });
    }
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
    plan(ctx, {
      objectType: object.type,
      anchor: object.anchor,
      displayName: object.displayName,
      situation,
      action: enabling ? 'enable' : 'update',
      targetId: link.targetId,
      changes: modified,
      note: null,
    });
  } else {
    await ctx.target.update(object.type, link.targetId, changes);
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

function redactable(
  path: string,
  oldValue: TargetValue,
  newValue: TargetValue,
  redacted: boolean,
): ModifiedProperty {
  return redacted
    ? { displayName: path, oldValue: '[Redact]', newValue: '[Redact]' }
    : { displayName: path, oldValue: displayValue(oldValue), newValue: displayValue(newValue) };
}

/** §4: matching by priority; then link and update, or create (adopting on 409). */
async function matchOrCreate(
  ctx: CycleContext,
  object: SourceObject,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
  log: LogBuilder,
): Promise<ProcessOutcome> {
  const match = await findMatch(ctx, object, mapping, source);
  if (match.kind === 'disputed') {
    log.step('matching', 'failure', match.description, match.details);
    throw new ObjectFailure('DuplicateTargetEntries', match.description, {
      recommendedAction:
        'Make the matching attribute unique in the target, or change the matching attributes.',
    });
  }
  if (match.kind === 'noValue') {
    log.step('matching', 'skipped', match.description);
    log.fail('ImportSkipped', match.description, { category: 'Skipped' });
    ctx.counters.skipped++;
    if (ctx.dryRun)
      plan(ctx, {
        objectType: object.type,
        anchor: object.anchor,
        displayName: object.displayName,
        situation: 'unmatched',
        action: 'skip',
        targetId: null,
        changes: [],
        note: match.description,
      });
    return { result: 'skipped', link: null };
  }
  if (match.kind === 'matched') {
    log.step('matching', 'success', match.description, match.details);
    return adopt(ctx, object, mapping, source, log, match.object, 'unlinked');
  }
  log.step('matching', 'success', match.description, match.details);
  if (!mapping.actions.create) {
    log.step('export', 'skipped', 'Create is turned off for this object mapping', {
      reason: 'CreateDisabled',
    });
    ctx.counters.skipped++;
    return { result: 'skipped', link: null };
  }
  return create(ctx, object, mapping, source, log);
}

type MatchResult =
  | { kind: 'matched'; object: TargetObjectState; description: string; details: Record<string, string> }
  | { kind: 'none'; description: string; details: Record<string, string> }
  | { kind: 'disputed'; description: string; details: Record<string, string> }
  | { kind: 'noValue'; description: string };

async function findMatch(
  ctx: CycleContext,
  object: SourceObject,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
): Promise<MatchResult> {
  const matching = mapping.attributeMappings
    .filter((m) => m.matchingPriority > 0)
    .sort((a, b) => a.matchingPriority - b.matchingPriority);
  if (matching.length === 0)
    return {
      kind: 'none',
      description: 'No matching attributes are configured: a new object is created',
      details: {},
    };
  const details: Record<string, string> = {};
  let queried = false;
  for (const m of matching) {
    const outcome = await ctx.evaluator.evaluate(m, source, 'create');
    if (outcome.kind === 'error') throw new ObjectFailure(outcome.code, outcome.message);
    if (outcome.kind !== 'send' || outcome.value === '' || Array.isArray(outcome.value)) continue;
    const value = String(outcome.value);
    queried = true;
    const found = await ctx.target.find(object.type, m.target, value, targetPaths(ctx, mapping));
    details[`${m.target} eq "${value}"`] = `${found.length} found`;
    if (found.length === 1 && found[0]) {
      return {
        kind: 'matched',
        object: found[0],
        description: `Matched the target object ${found[0].id} on ${m.target} = "${value}"`,
        details,
      };
    }
    if (found.length > 1) {
      return {
        kind: 'disputed',
        description: `${found.length} target objects have ${m.target} = "${value}"; Roster never picks one itself`,
        details,
      };
    }
  }
  if (!queried)
    return {
      kind: 'noValue',
      description: 'Every matching attribute is empty for this object, so it cannot be matched safely',
    };
  return { kind: 'none', description: 'No target object matches: a new one is created', details };
}

async function adopt(
  ctx: CycleContext,
  object: SourceObject,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
  log: LogBuilder,
  found: TargetObjectState,
  situation: 'unlinked',
): Promise<ProcessOutcome> {
  const now = ctx.clock().toISOString();
  const link: LinkRecord = {
    jobId: ctx.job.id,
    objectType: object.type,
    anchor: object.anchor,
    targetId: found.id,
    displayName: object.displayName,
    exported: {},
    active: !(found.values['active'] === false || String(found.values['active']).toLowerCase() === 'false'),
    members: [],
    linkedAt: now,
    updatedAt: now,
  };
  log.targetId = found.id;
  log.targetDisplayName = found.displayName ?? object.displayName;
  return applyUpdate(ctx, object, mapping, link, source, log, found, situation);
}

async function create(
  ctx: CycleContext,
  object: SourceObject,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
  log: LogBuilder,
): Promise<ProcessOutcome> {
  const values: Record<string, TargetValue> = {};
  const modified: ModifiedProperty[] = [];
  for (const m of attributeMappings(ctx, mapping)) {
    const isTaken = async (candidate: string) =>
      ctx.claimedValues.has(`${m.target}\u0000${candidate.toLowerCase()}`) ||
      (await ctx.target.find(object.type, m.target, candidate, [])).length > 0;
    const outcome = await ctx.evaluator.evaluate(m, source, 'create', isTaken);
    if (outcome.kind === 'error') throw new ObjectFailure(outcome.code, outcome.message);
    let value: TargetValue = null;
    let redacted = false;
    if (outcome.kind === 'send') {
      value = outcome.value;
      redacted = outcome.redacted;
    } else if (outcome.kind === 'omit' && outcome.useDefault) {
      value = ctx.evaluator.defaultValue(m);
    }
    if (value === null || value === '') continue;
    values[m.target] = value;
    modified.push(redactable(m.target, null, value, redacted));
    if (typeof value === 'string') ctx.claimedValues.add(`${m.target}\u0000${value.toLowerCase()}`);
  }
  const missing = ctx.job.config.targetSchema
    .filter(
      (a) =>
        a.objectType === object.type &&
        a.required &&
        !a.primaryKey &&
        a.type !== 'Reference' &&
        a.name !== 'members',
    )
    .filter((a) => values[a.name] === undefined)
    .map((a) => a.name);
  if (missing.length > 0) {
    log.step('processing', 'failure', `Required target attributes have no value: ${missing.join(', ')}`);
    throw new ObjectFailure(
      'MandatoryFieldsMissing',
      `The target requires ${missing.join(', ')}, and the mappings give no value (and no default).`,
      {
        recommendedAction: 'Give the mapping a default value, or fix the source data.',
      },
    );
  }
  log.step('processing', 'success', `Built a create request with ${Object.keys(values).length} attribute(s)`);
  log.action = 'create';
  log.modified = modified;
  if (ctx.dryRun) {
    plan(ctx, {
      objectType: object.type,
      anchor: object.anchor,
      displayName: object.displayName,
      situation: 'unmatched',
      action: 'create',
      targetId: null,
      changes: modified,
      note: null,
    });
    ctx.counters.created++;
    return { result: 'created', link: null };
  }
  let created: TargetObjectState;
  try {
    created = await ctx.target.create(object.type, values);
  } catch (error) {
    if (isConnectorError(error) && error.code === 'EntryConflict')
      return adoptAfterConflict(ctx, object, mapping, source, log, error);
    throw error;
  }
  const now = ctx.clock().toISOString();
  log.targetId = created.id;
  log.targetDisplayName = object.displayName;
  log.step('export', 'success', `Created in ${ctx.targetName}`, { targetId: created.id });
  ctx.counters.created++;
  return {
    result: 'created',
    link: {
      jobId: ctx.job.id,
      objectType: object.type,
      anchor: object.anchor,
      targetId: created.id,
      displayName: object.displayName,
      exported: values,
      active: values['active'] !== false,
      members: [],
      linkedAt: now,
      updatedAt: now,
    },
  };
}

/** Roster decision (§4): a 409 on create runs matching once more and adopts a single hit. */
async function adoptAfterConflict(
  ctx: CycleContext,
  object: SourceObject,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
  log: LogBuilder,
  conflict: ConnectorError,
): Promise<ProcessOutcome> {
  const again = await findMatch(ctx, object, mapping, source);
  if (again.kind !== 'matched') {
    throw new ObjectFailure(
      'EntryConflict',
      `${ctx.targetName} refused the create as a duplicate, and no single existing object matches it.`,
      {
        ...(conflict.info.detail ? { additionalDetails: conflict.info.detail } : {}),
        recommendedAction:
          'Check the matching attributes: the target already has an object with one of these values.',
      },
    );
  }
  log.step(
    'matching',
    'success',
    `The create was refused as a duplicate (409); ${again.description.toLowerCase()}`,
    again.details,
  );
  return adopt(ctx, object, mapping, source, log, again.object, 'unlinked');
}
