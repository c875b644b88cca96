import type { ObjectMapping } from '@shared/domain/jobs';
import type { SourceObject } from '../connectors/connector';
import { linkKey, throwIfCancelled, type CycleContext } from './cycle-context';
import { logFor } from './log-builder';
import { record, referenceMappings, sourceAttributesFor } from './object-processor';
import { displayValue } from './target-values';

/**
 * §7.1: manager (Reference-typed) values, sent after the objects they point to exist, as their own
 * PATCH. A reference to an object without a link is kept pending and sent as soon as it gets one —
 * in this cycle when it was created in this cycle (Roster decision).
 */
export async function resolveManagerReferences(
  ctx: CycleContext,
  changedUsers: readonly SourceObject[],
): Promise<void> {
  const mapping = ctx.mappings.User;
  const refs = referenceMappings(ctx, mapping);
  if (refs.length === 0) return;
  const candidates = new Map<string, SourceObject>();
  for (const user of changedUsers) candidates.set(user.anchor, user);
  for (const pending of ctx.store.references.pendingFor(ctx.job.id)) {
    const user = ctx.users.get(pending.anchor);
    if (user) candidates.set(user.anchor, user);
  }
  for (const user of candidates.values()) {
    throwIfCancelled(ctx);
    const link = ctx.links.get(linkKey('User', user.anchor));
    if (!link || !ctx.verdicts.get(linkKey('User', user.anchor))?.inScope) continue;
    await resolveForUser(ctx, mapping, user, link, refs);
  }
}

async function resolveForUser(
  ctx: CycleContext,
  mapping: ObjectMapping,
  user: SourceObject,
  link: NonNullable<ReturnType<CycleContext['links']['get']>>,
  refs: ReturnType<typeof referenceMappings>,
): Promise<void> {
  const source = sourceAttributesFor(user, true);
  for (const ref of refs) {
    const outcome = await ctx.evaluator.evaluate(ref, source, 'update');
    if (outcome.kind !== 'send' || typeof outcome.value !== 'string' || outcome.value === '') continue;
    const referencedAnchor = outcome.value;
    const referencedType = ctx.evaluator.schemaFor(ref.target)?.referencedObject ?? 'User';
    const referenced = ctx.links.get(linkKey(referencedType, referencedAnchor));
    if (!referenced) {
      if (!ctx.dryRun)
        ctx.store.references.setPending(ctx.job.id, {
          anchor: user.anchor,
          attribute: ref.target,
          referencedAnchor,
        });
      continue;
    }
    const previous = link.exported[ref.target] ?? null;
    if (previous === referenced.targetId) {
      if (!ctx.dryRun) ctx.store.references.clearPending(ctx.job.id, user.anchor, ref.target);
      continue;
    }
    const log = logFor(ctx, user);
    log.action = 'update';
    log.targetId = link.targetId;
    log.targetDisplayName = link.displayName;
    log.modified = [
      { displayName: ref.target, oldValue: displayValue(previous), newValue: referenced.targetId },
    ];
    log.step(
      'referenceResolution',
      'success',
      `${ref.target} → ${referenced.displayName} (${referenced.targetId})`,
      {
        referencedAnchor,
        referencedTargetId: referenced.targetId,
      },
    );
    if (ctx.dryRun) {
      ctx.plan.push({
        seq: ctx.plan.length + 1,
        objectType: 'User',
        anchor: user.anchor,
        displayName: user.displayName,
        situation: 'linked',
        action: 'update',
        targetId: link.targetId,
        changes: log.modified,
        note: 'Reference update',
      });
      continue;
    }
    if (!mapping.actions.update) continue;
    try {
      await ctx.target.update('User', link.targetId, [
        {
          path: ref.target,
          oldValue: previous,
          newValue: referenced.targetId,
          reference: { objectType: referencedType },
        },
      ]);
      log.step('export', 'success', `Set ${ref.target} in ${ctx.targetName}`);
      const next = {
        ...link,
        exported: { ...link.exported, [ref.target]: referenced.targetId },
        updatedAt: ctx.clock().toISOString(),
      };
      ctx.store.references.clearPending(ctx.job.id, user.anchor, ref.target);
      record(ctx, log, { type: 'User', anchor: user.anchor, displayName: user.displayName }, next, null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.step('export', 'failure', message);
      log.fail('ReferenceUpdateFailed', message);
      ctx.counters.failed++;
      record(ctx, log, { type: 'User', anchor: user.anchor, displayName: user.displayName }, null, null);
    }
  }
}

/** The target ids that should be members of a group: its in-scope, linked user members (§7.2). */
function desiredMemberIds(ctx: CycleContext, group: SourceObject, heldBack: ReadonlySet<string>): string[] {
  const ids: string[] = [];
  const visited = new Set<string>([group.anchor]);
  const queue = [...(group.members ?? [])];
  while (queue.length > 0) {
    const anchor = queue.shift() as string;
    if (ctx.users.has(anchor)) {
      const link = ctx.links.get(linkKey('User', anchor));
      if (link && (ctx.verdicts.get(linkKey('User', anchor))?.inScope || heldBack.has(anchor)))
        ids.push(link.targetId);
    } else if (ctx.settings.expandNestedGroups && ctx.groups.has(anchor) && !visited.has(anchor)) {
      visited.add(anchor);
      queue.push(...(ctx.groups.get(anchor)?.members ?? []));
    }
  }
  return [...new Set(ids)];
}

/**
 * §7.2: compare each linked group's desired membership with what Roster itself wrote, and send the
 * difference in ⌈k / maxOperations⌉ requests. Members added only in the target are left alone.
 */
export async function syncMemberships(ctx: CycleContext, heldBack: ReadonlySet<string>): Promise<void> {
  if (!ctx.mappings.Group) return;
  for (const group of ctx.groups.values()) {
    throwIfCancelled(ctx);
    const link = ctx.links.get(linkKey('Group', group.anchor));
    if (!link || !ctx.verdicts.get(linkKey('Group', group.anchor))?.inScope) continue;
    const desired = new Set(desiredMemberIds(ctx, group, heldBack));
    const recorded = new Set(link.members);
    const add = [...desired].filter((id) => !recorded.has(id));
    const remove = [...recorded].filter((id) => !desired.has(id));
    if (add.length === 0 && remove.length === 0) continue;
    const log = logFor(ctx, group);
    log.action = 'update';
    log.targetId = link.targetId;
    log.targetDisplayName = link.displayName;
    log.modified = [
      {
        displayName: 'members',
        oldValue: `${recorded.size} member(s)`,
        newValue: `+${add.length} / −${remove.length}`,
      },
    ];
    log.step('referenceResolution', 'success', `Membership: add ${add.length}, remove ${remove.length}`);
    if (ctx.dryRun) {
      if (add.length)
        ctx.plan.push({
          seq: ctx.plan.length + 1,
          objectType: 'Group',
          anchor: group.anchor,
          displayName: group.displayName,
          situation: 'linked',
          action: 'addMembers',
          targetId: link.targetId,
          changes: [{ displayName: 'members', oldValue: null, newValue: JSON.stringify(add) }],
          note: `${add.length} member(s)`,
        });
      if (remove.length)
        ctx.plan.push({
          seq: ctx.plan.length + 1,
          objectType: 'Group',
          anchor: group.anchor,
          displayName: group.displayName,
          situation: 'linked',
          action: 'removeMembers',
          targetId: link.targetId,
          changes: [{ displayName: 'members', oldValue: JSON.stringify(remove), newValue: null }],
          note: `${remove.length} member(s)`,
        });
      continue;
    }
    try {
      await ctx.target.modifyMembers(link.targetId, add, remove);
      const perRequest = Math.max(1, ctx.target.capabilities().maxOperations);
      ctx.counters.membershipRequests += Math.ceil((add.length + remove.length) / perRequest);
      log.step('export', 'success', `Membership updated in ${ctx.targetName}`);
      const next = { ...link, members: [...desired], updatedAt: ctx.clock().toISOString() };
      record(ctx, log, { type: 'Group', anchor: group.anchor, displayName: group.displayName }, next, null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.step('export', 'failure', message);
      log.fail('ReferenceUpdateFailed', message);
      ctx.counters.failed++;
      record(ctx, log, { type: 'Group', anchor: group.anchor, displayName: group.displayName }, null, null);
    }
  }
}
