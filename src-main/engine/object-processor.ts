import type { ObjectMapping } from '@shared/domain/jobs';
import type { SourceObject } from '../connectors/connector';
import type { LinkRecord } from '../store/links-repo';
import { create } from './apply-create';
import { adopt, updateLinked, type ObjectResult, type ProcessOutcome } from './apply-update';
import type { CycleContext } from './cycle-context';
import {
  decide,
  situationBeforeMatch,
  type Decision,
  type DecisionFacts,
  type ScopeState,
  type Situation,
} from './decide';
import { logFor, type LogBuilder } from './log-builder';
import { findMatchInIndex } from './match-index';
import { findMatch } from './matching';
import { readsSoftDeleted, referenceMappings, sourceAttributesFor } from './object-mappings';
import { escrowClassOf } from './escrow-class';
import { describeError, endsCycle, ObjectFailure, reasonOf } from './object-failure';
import { noteOf, plan } from './plan';
import { deferState, identityOf, record } from './record';
import type { ScopeVerdict } from './scope';
import { say, type LogText } from '@shared/domain/log-messages';
import { objectKey } from '../store/object-key';

export type { ObjectResult } from './apply-update';

/** What `decisionFacts` reads of a cycle: also built without one by the impact view (engine/impact.ts). */
export type DecisionSettings = Pick<CycleContext, 'mappings' | 'settings'> & {
  target: { capabilities(): Pick<ReturnType<CycleContext['target']['capabilities']>, 'softDelete'> };
};

/** The facts `decide` reads for one object of this job (situation and scope vary per object). */
export function decisionFacts(
  ctx: DecisionSettings,
  objectType: SourceObject['type'],
  situation: Situation,
  scope: ScopeState,
  link: LinkRecord | null,
): DecisionFacts {
  const mapping = objectType === 'User' ? ctx.mappings.User : ctx.mappings.Group;
  return {
    situation,
    scope,
    objectType,
    createOn: mapping?.actions.create ?? false,
    updateOn: mapping?.actions.update ?? false,
    deleteOn: mapping?.actions.delete ?? false,
    skipOutOfScopeDeletions: ctx.settings.skipOutOfScopeDeletions,
    onSourceDelete: ctx.settings.onSourceDelete,
    targetCanDisable: ctx.target.capabilities().softDelete,
    readsSoftDeleted: mapping ? readsSoftDeleted(mapping) : false,
    alreadyDisabled: link !== null && !link.active,
  };
}

/**
 * Processes one changed source object (ARCHITECTURE.md §4): decide from its situation and scope,
 * match when the decision asks for it and decide again, then carry the action out and record it.
 * Linked objects leaving scope become deprovisioning candidates for the end of the cycle (§3.1 step 7).
 */
export async function processObject(
  ctx: CycleContext,
  object: SourceObject,
  verdict: ScopeVerdict,
  mapping: ObjectMapping,
  stateHash: string,
): Promise<ObjectResult> {
  const link = ctx.links.get(objectKey(object.type, object.anchor)) ?? null;
  const scope: ScopeState = verdict.inScope ? 'in' : 'out';
  const situation = situationBeforeMatch(link !== null, scope);
  if (situation === 'deleted' && link) {
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
  const decision = decide(decisionFacts(ctx, object.type, situation, scope, link));
  if (decision.action === 'skip') return skipOutOfScope(ctx, object, verdict, stateHash);

  const log = logFor(ctx, object);
  log.step('import', 'success', say('importRead', { source: ctx.sourceName }), originDetails(object));
  log.step('scoping', 'success', verdict.message ?? verdict.detail);
  const source = sourceAttributesFor(object, true);
  ctx.counters.evaluated++;
  try {
    const outcome =
      decision.action === 'update' && link
        ? await updateLinked(ctx, object, mapping, link, source, log)
        : await matchThenAct(ctx, object, mapping, source, log);
    finish(ctx, object, log, outcome, stateHash);
    return outcome.result;
  } catch (error) {
    if (endsCycle(error)) throw error;
    const { code, message, extra } = describeError(error);
    log.fail(code, reasonOf(error) ?? message, extra);
    if (!log.hasStep('export')) log.step('export', 'failure', reasonOf(error) ?? message);
    ctx.counters.failed++;
    // A dry run lists what would fail too, with the reason, so its plan accounts for every object.
    plan(ctx, object, {
      situation:
        error instanceof ObjectFailure && error.code === 'DuplicateTargetEntries'
          ? 'disputed'
          : link
            ? 'linked'
            : 'unmatched',
      action: 'skip',
      targetId: link?.targetId ?? null,
      changes: [],
      ...noteOf(reasonOf(error) ?? message),
    });
    // No state is recorded: the object counts as changed, and escrow says when it is tried again.
    const reason = reasonOf(error);
    const failure = {
      errorClass: escrowClassOf(code, error),
      code,
      message,
      ...(reason ? { text: reason } : {}),
      isReference: false,
      attemptedHash: stateHash,
    };
    record(ctx, identityOf(object), { log, failure });
    return 'failed';
  }
}

/**
 * Records one object's outcome. Its state hash waits when a later phase still owes it a write:
 * a linked user's manager reference, a linked group's memberships.
 */
function finish(
  ctx: CycleContext,
  object: SourceObject,
  log: LogBuilder,
  outcome: ProcessOutcome,
  stateHash: string,
): void {
  const laterPhase =
    outcome.link !== null &&
    (object.type === 'Group' || referenceMappings(ctx, ctx.mappings.User).length > 0);
  if (laterPhase && !ctx.dryRun) deferState(ctx, object, stateHash);
  record(ctx, identityOf(object), { log, link: outcome.link, stateHash: laterPhase ? null : stateHash });
}

/** Out of scope and never provisioned: counted; logged only in initial cycles (§14.3). */
function skipOutOfScope(
  ctx: CycleContext,
  object: SourceObject,
  verdict: ScopeVerdict,
  stateHash: string,
): ObjectResult {
  ctx.counters.skipped++;
  if (ctx.kind === 'initial' && verdict.reason === 'disabledInSource') {
    const log = logFor(ctx, object);
    log.step('import', 'success', say('importRead', { source: ctx.sourceName }), originDetails(object));
    log.step('scoping', 'skipped', verdict.message ?? verdict.detail);
    log.fail('SourceObjectDisabled', say('errorSourceDisabled'), { category: 'Skipped' });
    record(ctx, identityOf(object), { log, stateHash });
  } else {
    record(ctx, identityOf(object), { stateHash });
  }
  return 'skipped';
}

/** §4: look the object up, then decide again from what was found. */
async function matchThenAct(
  ctx: CycleContext,
  object: SourceObject,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
  log: LogBuilder,
): Promise<ProcessOutcome> {
  const index = ctx.matchIndexes?.get(object.type);
  const match = index
    ? await findMatchInIndex(ctx, index, object, mapping, source)
    : await findMatch(ctx, object, mapping, source);
  const situation: Situation =
    match.kind === 'matched'
      ? 'unlinked'
      : match.kind === 'disputed'
        ? 'disputed'
        : match.kind === 'noValue'
          ? 'unmatchable'
          : 'unmatched';
  const decision = decide(decisionFacts(ctx, object.type, situation, 'in', null));
  log.step(
    'matching',
    decision.action === 'fail' ? 'failure' : decision.action === 'skip' ? 'skipped' : 'success',
    match.message ?? match.description,
    'details' in match ? match.details : {},
  );
  switch (decision.action) {
    case 'link':
      if (match.kind !== 'matched') break;
      return adopt(ctx, object, mapping, source, log, match.object);
    case 'create':
      return create(ctx, object, mapping, source, log);
    case 'fail':
      throw new ObjectFailure(decision.code ?? 'Failed', match.message ?? match.description, {
        recommendedAction: say('adviceDuplicateTarget'),
      });
    case 'skip':
      return skipAfterMatch(ctx, object, log, decision, match.message ?? match.description, situation);
  }
  throw new Error(`Unexpected decision ${decision.action} after matching`);
}

function skipAfterMatch(
  ctx: CycleContext,
  object: SourceObject,
  log: LogBuilder,
  decision: Decision,
  description: LogText | string,
  situation: 'unlinked' | 'unmatched' | 'disputed' | 'unmatchable',
): ProcessOutcome {
  ctx.counters.skipped++;
  if (decision.code === 'ImportSkipped') {
    log.fail('ImportSkipped', description, { category: 'Skipped' });
  } else {
    log.step('export', 'skipped', decision.message, { reason: decision.code ?? '' });
  }
  plan(ctx, object, {
    // The plan's situation is the one matching found (an object with no matching value is
    // unmatched: nothing could be looked up), so situation and action agree.
    situation: situation === 'unmatchable' ? 'unmatched' : situation,
    action: 'skip',
    targetId: null,
    changes: [],
    ...noteOf(decision.code === 'ImportSkipped' ? description : decision.message),
  });
  return { result: 'skipped', link: null };
}

function originDetails(object: SourceObject): Record<string, string> {
  return object.origin ? { origin: object.origin } : {};
}
