import type { AttributeMapping, ObjectMapping } from '@shared/domain/jobs';
import type { SourceObject } from '../connectors/connector';
import type { LinkRecord } from '../store/links-repo';
import { intentBatchFor, runBatched } from './bounded-pool';
import { throwIfCancelled, type CycleContext } from './cycle-context';
import { logFor } from './log-builder';
import { referenceMappings, sourceAttributesFor } from './object-mappings';
import { endsCycle } from './object-failure';
import { plan } from './plan';
import { identityOf, record, sendWrite, takeDeferredState } from './record';
import { referenceFailure, referenceFailureOf, type ReferenceFailure } from './reference-failure';
import { displayValue } from './target-values';
import { say } from '@shared/domain/log-messages';
import { objectKey } from '../store/object-key';

/**
 * §7.1: manager (Reference-typed) values, sent after the objects they point to exist, as their own
 * PATCH. A reference to an object without a link is kept pending and sent as soon as it gets one —
 * in this cycle when it was created in this cycle (Roster decision). The users of this cycle record
 * their state hash here, once their reference writes have landed or are durably pending.
 */
export async function resolveManagerReferences(
  ctx: CycleContext,
  changedUsers: readonly SourceObject[],
  /** Provision on demand passes false: it writes only the objects the admin chose (§13). */
  options: { othersPending?: boolean } = {},
): Promise<void> {
  const mapping = ctx.mappings.User;
  const refs = referenceMappings(ctx, mapping);
  if (refs.length === 0) return;
  const candidates = new Map<string, SourceObject>();
  for (const user of changedUsers) candidates.set(user.anchor, user);
  const pendingOthers = options.othersPending === false ? [] : ctx.store.references.pendingFor(ctx.job.id);
  for (const pending of pendingOthers) {
    const user = ctx.users.get(pending.anchor);
    if (user) candidates.set(user.anchor, user);
  }
  // Users start in batches, so that the intents of their manager requests share a commit.
  await runBatched(
    candidates.values(),
    ctx.settings.maxConcurrency,
    intentBatchFor(ctx.target),
    async (user) => {
      const link = ctx.links.get(objectKey('User', user.anchor));
      if (!link || !ctx.verdicts.get(objectKey('User', user.anchor))?.inScope) return;
      const failure = await resolveForUser(ctx, mapping, user, link, refs);
      const stateHash = takeDeferredState(ctx, identityOf(user));
      if (!stateHash) return;
      if (failure) record(ctx, identityOf(user), { failure: referenceFailure(failure, stateHash) });
      else record(ctx, identityOf(user), { stateHash });
    },
    () => ctx.signal.aborted,
  );
  throwIfCancelled(ctx);
}

/** Sends each reference that differs; null when every one landed or is pending in the store. */
async function resolveForUser(
  ctx: CycleContext,
  mapping: ObjectMapping,
  user: SourceObject,
  link: LinkRecord,
  refs: readonly AttributeMapping[],
): Promise<ReferenceFailure | null> {
  const source = sourceAttributesFor(user, true);
  let current = link;
  let failure: ReferenceFailure | null = null;
  for (const ref of refs) {
    const outcome = await ctx.evaluator.evaluate(ref, source, 'update');
    if (outcome.kind !== 'send' || typeof outcome.value !== 'string' || outcome.value === '') continue;
    const referencedAnchor = outcome.value;
    const referencedType = ctx.evaluator.schemaFor(ref.target)?.referencedObject ?? 'User';
    // The target id alone decides whether to write: the referenced link's record (read from the
    // store by key, job-links.ts) is needed only for the log of a write.
    const referencedKey = objectKey(referencedType, referencedAnchor);
    const referencedTargetId = ctx.links.targetIdOf(referencedKey);
    if (referencedTargetId === undefined) {
      if (!ctx.dryRun)
        ctx.store.references.setPending(ctx.job.id, {
          anchor: user.anchor,
          attribute: ref.target,
          referencedAnchor,
        });
      continue;
    }
    const previous = current.exported[ref.target] ?? null;
    if (previous === referencedTargetId) {
      if (!ctx.dryRun) ctx.store.references.clearPending(ctx.job.id, user.anchor, ref.target);
      continue;
    }
    if (!mapping.actions.update) continue;
    const referenced = {
      targetId: referencedTargetId,
      displayName: ctx.links.get(referencedKey)?.displayName ?? referencedAnchor,
    };
    const log = logFor(ctx, user);
    log.action = 'update';
    log.targetId = current.targetId;
    log.targetDisplayName = current.displayName;
    log.modified = [
      { displayName: ref.target, oldValue: displayValue(previous), newValue: referenced.targetId },
    ];
    log.step(
      'referenceResolution',
      'success',
      say('referenceResolved', {
        attribute: ref.target,
        name: referenced.displayName,
        targetId: referenced.targetId,
      }),
      {
        referencedAnchor,
        referencedTargetId: referenced.targetId,
      },
    );
    if (ctx.dryRun) {
      plan(ctx, user, {
        situation: 'linked',
        action: 'update',
        targetId: current.targetId,
        changes: log.modified,
        note: 'Reference update',
      });
      continue;
    }
    try {
      await sendWrite(ctx, identityOf(user), 'reference', current.targetId, {}, () =>
        ctx.target.update('User', current.targetId, [
          {
            path: ref.target,
            oldValue: previous,
            newValue: referenced.targetId,
            reference: { objectType: referencedType },
          },
        ]),
      );
      log.step(
        'export',
        'success',
        say('exportReferenceSet', { attribute: ref.target, target: ctx.targetName }),
      );
      current = {
        ...current,
        exported: { ...current.exported, [ref.target]: referenced.targetId },
        updatedAt: ctx.clock().toISOString(),
      };
      ctx.store.references.clearPending(ctx.job.id, user.anchor, ref.target);
      record(ctx, identityOf(user), { log, link: current });
    } catch (error) {
      if (endsCycle(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      log.step('export', 'failure', message);
      log.fail('ReferenceUpdateFailed', message);
      ctx.counters.failed++;
      record(ctx, identityOf(user), { log });
      failure = referenceFailureOf(error);
    }
  }
  return failure;
}
