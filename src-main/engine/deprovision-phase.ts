import { intentBatchFor, runBatched } from './bounded-pool';
import { throwIfCancelled, type CycleContext, type DeprovisionCandidate } from './cycle-context';
import { decide, type Decision } from './decide';
import { logFor, type LogBuilder } from './log-builder';
import { decisionFacts } from './object-processor';
import { escrowClassOf } from './escrow-class';
import { describeError, endsCycle } from './object-failure';
import { noteOf, plan } from './plan';
import { record, sendWrite } from './record';
import { messageOf, say, type LogMessageCode, type LogText } from '@shared/domain/log-messages';

/** §8, through the decision table: what leaving the target's care means for one linked object. */
function decideFor(ctx: CycleContext, c: DeprovisionCandidate): Decision {
  return decide(
    decisionFacts(ctx, c.objectType, 'deleted', c.reason === 'hardDeleted' ? 'gone' : 'out', c.link),
  );
}

function identity(c: DeprovisionCandidate) {
  return { type: c.objectType, anchor: c.anchor, displayName: c.displayName };
}

function newLog(ctx: CycleContext, c: DeprovisionCandidate): LogBuilder {
  const log = logFor(ctx, { anchor: c.anchor, displayName: c.displayName, type: c.objectType });
  log.targetId = c.link.targetId;
  log.targetDisplayName = c.link.displayName;
  log.step('scoping', 'success', detailMessage(c));
  log.step('matching', 'success', say('matchLinked', { targetId: c.link.targetId }));
  return log;
}

/**
 * Why a linked object leaves the target's care, under a message code. The English stays the
 * candidate's own sentence (as the log always read); only a failed filter keeps its English clauses.
 */
function detailMessage(c: DeprovisionCandidate): LogText {
  const coded = (code: LogMessageCode, params: Record<string, string> = {}): LogText => ({
    code,
    params,
    text: c.reason === 'hardDeleted' ? 'Gone from the source' : c.detail,
  });
  switch (c.reason) {
    case 'hardDeleted':
      return coded('scopeGone');
    case 'notAssigned':
      return coded(c.objectType === 'User' ? 'scopeNotAssignedUser' : 'scopeNotAssignedGroup');
    case 'disabledInSource':
      return coded('scopeDisabled');
    case 'softDeletedInSource':
      return coded('scopeSoftDeleted');
    default:
      return coded('scopeFilterFailed', { detail: c.detail });
  }
}

type Decided = { c: DeprovisionCandidate; d: Decision };

function decideAll(ctx: CycleContext): { decided: Decided[]; actions: Decided[]; overThreshold: boolean } {
  const decided = ctx.deprovision.map((c) => ({ c, d: decideFor(ctx, c) }));
  const actions = decided.filter((x) => x.d.action !== 'skip');
  const overThreshold = exceedsDeletionThreshold(ctx.settings, actions.length, ctx.forceDeletes);
  return { decided, actions, overThreshold };
}

/** §11: more disables and deletes in one cycle than the threshold allows, while prevention is on. */
export function exceedsDeletionThreshold(
  settings: Pick<CycleContext['settings'], 'preventAccidentalDeletes' | 'deletionThreshold'>,
  actions: number,
  forceDeletes: boolean,
): boolean {
  return settings.preventAccidentalDeletes && actions > settings.deletionThreshold && !forceDeletes;
}

/**
 * The target ids of the objects whose deprovisioning the threshold will hold back this cycle (§11).
 * Nothing that revokes their access runs either: the membership phase keeps them in their groups
 * until "Allow deletes" releases the disables, deletes and removals together.
 */
export function heldBackTargetIds(ctx: CycleContext): Set<string> {
  const { actions, overThreshold } = decideAll(ctx);
  return new Set(overThreshold ? actions.map(({ c }) => c.link.targetId) : []);
}

/**
 * §3.1 step 7 and §11: deprovisioning runs last, all together, so the accidental-deletion threshold
 * sees the whole set. Over the threshold nothing runs: each action is logged as stagedDelete and kept
 * until an admin allows deletes.
 */
export async function deprovision(ctx: CycleContext): Promise<{ staged: boolean }> {
  const { decided, actions, overThreshold } = decideAll(ctx);

  for (const { c, d } of decided) {
    if (d.action !== 'skip') continue;
    if (!d.logged) {
      // A leaver disabled in an earlier cycle stays linked (to be re-enabled if they return).
      record(ctx, identity(c), { stateHash: c.stateHash });
      continue;
    }
    const log = newLog(ctx, c);
    log.action = 'other';
    log.step('processing', 'skipped', d.message, { reason: d.code ?? '' });
    ctx.counters.skipped++;
    record(ctx, identity(c), { log, stateHash: c.stateHash });
  }

  if (overThreshold) {
    stage(ctx, actions);
    return { staged: true };
  }

  // Side by side within the job's limits, like every other phase (one at a time before: a thousand
  // leavers took a thousand round trips in a row); in batches, so that their intents share a commit.
  await runBatched(
    actions,
    ctx.settings.maxConcurrency,
    intentBatchFor(ctx.target),
    ({ c, d }) => carryOut(ctx, c, d),
    () => ctx.signal.aborted,
  );
  throwIfCancelled(ctx);
  if (!ctx.dryRun && ctx.forceDeletes) ctx.store.references.clearStaged(ctx.job.id);
  return { staged: false };
}

function stage(ctx: CycleContext, actions: readonly Decided[]): void {
  const stagedAt = ctx.clock().toISOString();
  for (const { c, d } of actions) {
    const log = newLog(ctx, c);
    log.action = 'stagedDelete';
    log.step(
      'processing',
      'skipped',
      say(d.action === 'delete' ? 'processHeldBackDelete' : 'processHeldBackDisable'),
      {
        pending: String(actions.length),
        threshold: String(ctx.settings.deletionThreshold),
      },
    );
    log.fail(
      'TooManyDeletes',
      say('errorTooManyDeletes', { count: actions.length, threshold: ctx.settings.deletionThreshold }),
      {
        category: 'Skipped',
        recommendedAction: say('adviceTooManyDeletes'),
      },
    );
    ctx.counters.staged++;
    plan(ctx, identity(c), {
      situation: c.reason === 'hardDeleted' ? 'deleted' : 'outOfScope',
      action: 'stagedDelete',
      targetId: c.link.targetId,
      changes: [],
      ...noteOf(
        say(d.action === 'delete' ? 'planHeldBackDelete' : 'planHeldBackDisable', {
          count: actions.length,
          threshold: ctx.settings.deletionThreshold,
        }),
      ),
    });
    // No state recorded: the object stays "changed" and is staged again until released.
    record(ctx, identity(c), { log });
  }
  if (!ctx.dryRun) {
    ctx.store.references.replaceStaged(
      ctx.job.id,
      actions.map(({ c, d }) => ({
        objectType: c.objectType,
        anchor: c.anchor,
        action: d.action as 'disable' | 'delete',
        reason: c.detail,
        stagedAt,
      })),
    );
  }
}

async function carryOut(ctx: CycleContext, c: DeprovisionCandidate, d: Decision): Promise<void> {
  const log = newLog(ctx, c);
  const deleting = d.action === 'delete';
  log.action = deleting ? 'delete' : 'disable';
  log.step('processing', 'success', {
    ...say('processDeprovision', { why: messageOf(d.message), detail: messageOf(detailMessage(c)) }),
    text: `${d.why}: ${c.detail}`,
  });
  if (!deleting) log.modified = [{ displayName: 'active', oldValue: 'true', newValue: 'false' }];
  if (ctx.dryRun) {
    plan(ctx, identity(c), {
      situation: c.reason === 'hardDeleted' ? 'deleted' : 'outOfScope',
      action: log.action,
      targetId: c.link.targetId,
      changes: log.modified,
      ...noteOf(d.message),
    });
    if (deleting) ctx.counters.deleted++;
    else ctx.counters.disabled++;
    return;
  }
  try {
    if (deleting) {
      await sendWrite(ctx, identity(c), 'delete', c.link.targetId, {}, () =>
        ctx.target.delete(c.objectType, c.link.targetId),
      );
      log.step('export', 'success', say('exportDeleted', { target: ctx.targetName }));
      ctx.counters.deleted++;
      record(ctx, identity(c), { log, link: 'delete', stateHash: c.stateHash });
    } else {
      await sendWrite(ctx, identity(c), 'disable', c.link.targetId, {}, () =>
        ctx.target.setActive(c.objectType, c.link.targetId, false),
      );
      log.step('export', 'success', say('exportDisabled', { target: ctx.targetName }));
      ctx.counters.disabled++;
      const next = {
        ...c.link,
        active: false,
        exported: { ...c.link.exported, active: false },
        updatedAt: ctx.clock().toISOString(),
      };
      record(ctx, identity(c), { log, link: next, stateHash: c.stateHash });
    }
  } catch (error) {
    if (endsCycle(error)) throw error;
    const { code, message } = describeError(error);
    log.step('export', 'failure', message);
    log.fail(code, message);
    ctx.counters.failed++;
    // An object gone from the source has no state to compare: its link stays and the next cycle
    // finds it gone again, so only objects still in the source take an escrow entry.
    const failure = c.stateHash
      ? {
          errorClass: escrowClassOf(code, error),
          code,
          message,
          isReference: false,
          attemptedHash: c.stateHash,
        }
      : null;
    record(ctx, identity(c), { log, failure });
  }
}
