import type { SourceObject } from '../connectors/connector';
import type { LinkRecord } from '../store/links-repo';
import { intentBatchFor, runBatched } from './bounded-pool';
import { throwIfCancelled, type CycleContext } from './cycle-context';
import { loopBudget } from './event-loop-budget';
import { logFor, type LogBuilder } from './log-builder';
import { endsCycle, mayHaveApplied } from './object-failure';
import { plan } from './plan';
import { identityOf, keepIntent, record, sendWrite, takeDeferredState } from './record';
import { referenceFailure, referenceFailureOf, type ReferenceFailure } from './reference-failure';
import { reconcileMembers } from './reconcile-members';
import { say } from '@shared/domain/log-messages';
import { objectKey, splitObjectKey } from '../store/object-key';

/** What a cycle's scope pass saw change, for `cannotNeedRequest`. */
export interface QuietGroups {
  /** Groups whose state hash is the one recorded at the last cycle. */
  unchangedGroups: Set<string>;
  /** Users whose state hash is not (new, changed, left scope, waiting in escrow or unsettled). */
  changedUsers: Set<string>;
  /** The source was read in full: every object the groups name is in the cycle. */
  fullRead: boolean;
}

/**
 * A group that cannot need a membership request, known without reading its link (issue 11: the walk
 * over 1,000 unchanged groups and their 100,000 members was 0.45 s of a 100k-user delta).
 *
 * A group's recorded state hash covers its member anchors that exist in the source, its scope and
 * the configuration, and it is recorded only when every membership request of that cycle landed
 * (a failure leaves the group in escrow; a removal held back at the deletion threshold leaves it
 * unrecorded until the removal is sent).
 * So with the hash unchanged, the desired members can differ from what Roster wrote only through a
 * member user: its link or scope. Those change only for a user whose own hash changed, whose link
 * this cycle set or deleted (recovery, a create, a deprovisioning), or that is a deprovisioning
 * candidate (held back or not). Nested groups are expanded through other groups' members, so with
 * expansion on every group is walked; so it is when the source was read as a delta.
 */
function cannotNeedRequest(group: SourceObject, quiet: QuietGroups, stirred: ReadonlySet<string>): boolean {
  if (!quiet.unchangedGroups.has(group.anchor)) return false;
  return !(group.members ?? []).some((anchor) => stirred.has(anchor));
}

/** Users whose link or scope may differ from the last cycle's: see `cannotNeedRequest`. */
function stirredUsers(ctx: CycleContext, quiet: QuietGroups): Set<string> {
  const stirred = new Set(quiet.changedUsers);
  for (const candidate of ctx.deprovision) if (candidate.objectType === 'User') stirred.add(candidate.anchor);
  for (const key of ctx.links.changedKeys) {
    const { objectType, anchor } = splitObjectKey(key);
    if (objectType === 'User') stirred.add(anchor);
  }
  return stirred;
}

/** The target ids that should be members of a group: its in-scope, linked user members (§7.2). */
function desiredMemberIds(ctx: CycleContext, group: SourceObject): string[] {
  const ids: string[] = [];
  const visited = new Set<string>([group.anchor]);
  const queue = [...(group.members ?? [])];
  // An index, not shift(): shift() moves the whole array, quadratic for a group of thousands.
  for (let next = 0; next < queue.length; next++) {
    const anchor = queue[next] as string;
    if (ctx.users.has(anchor)) {
      const key = objectKey('User', anchor);
      const targetId = ctx.links.targetIdOf(key);
      if (targetId !== undefined && ctx.verdicts.get(key)?.inScope) ids.push(targetId);
    } else if (ctx.settings.expandNestedGroups && ctx.groups.has(anchor) && !visited.has(anchor)) {
      visited.add(anchor);
      queue.push(...(ctx.groups.get(anchor)?.members ?? []));
    }
  }
  return [...new Set(ids)];
}

function chunked(
  add: readonly string[],
  remove: readonly string[],
  size: number,
): { add: string[]; remove: string[] }[] {
  const changes = [...add.map((id) => ({ id, add: true })), ...remove.map((id) => ({ id, add: false }))];
  const chunks: { add: string[]; remove: string[] }[] = [];
  for (let i = 0; i < changes.length; i += size) {
    const part = changes.slice(i, i + size);
    chunks.push({
      add: part.filter((c) => c.add).map((c) => c.id),
      remove: part.filter((c) => !c.add).map((c) => c.id),
    });
  }
  return chunks;
}

/**
 * §7.2: compare each linked group's desired membership with what Roster itself wrote, and send the
 * difference in ⌈k / maxOperations⌉ requests. Members added only in the target are left alone.
 * `heldBack` holds the target ids of users whose deprovisioning the threshold holds back: their
 * memberships stay until the deprovisioning is released (§11: nothing that revokes access runs).
 *
 * Each request runs behind a write-ahead intent and is recorded on its own, so a crash between two
 * requests loses nothing; a request whose answer was lost is settled by reading the group's
 * members back before anything more is sent to it.
 */
export async function syncMemberships(
  ctx: CycleContext,
  heldBack: ReadonlySet<string>,
  options: {
    /** Provision on demand syncs only the group the admin chose (§13); a cycle syncs every group. */
    only?: ReadonlySet<string>;
    /** A cycle's record of what did not change, to pass over groups that cannot need a request. */
    quiet?: QuietGroups;
  } = {},
): Promise<void> {
  const { only, quiet } = options;
  // Decided once for the cycle: nested expansion or a delta read walks every group.
  const skips =
    quiet && quiet.fullRead && !ctx.settings.expandNestedGroups && quiet.unchangedGroups.size > 0
      ? { quiet, stirred: stirredUsers(ctx, quiet) }
      : null;
  if (!ctx.mappings.Group) return;
  // A group whose members did not change needs no request, so without pauses the workers would
  // walk every group (and its members) in one turn of the event loop: 60–100 ms at 10k users.
  const budget = loopBudget();
  // Groups start in batches, so that the intents of their first requests share a commit.
  await runBatched(
    ctx.groups.values(),
    ctx.settings.maxConcurrency,
    intentBatchFor(ctx.target),
    async (group) => {
      const paused = budget.pause();
      if (paused) await paused;
      if (ctx.signal.aborted || (only && !only.has(group.anchor))) return;
      if (skips && cannotNeedRequest(group, skips.quiet, skips.stirred)) return;
      const key = objectKey('Group', group.anchor);
      const link = ctx.links.get(key);
      if (!link || !ctx.verdicts.get(key)?.inScope || ctx.unsettled.has(key)) return;
      const { failure, withheld } = await syncGroup(ctx, group, link, heldBack);
      const stateHash = takeDeferredState(ctx, identityOf(group));
      // A removal held back leaves the group short of its state: it stays changed (and walked) in
      // every cycle until the deprovisioning is released and the removal sent.
      if (!stateHash || (withheld && !failure)) return;
      if (failure) record(ctx, identityOf(group), { failure: referenceFailure(failure, stateHash) });
      else record(ctx, identityOf(group), { stateHash });
    },
    () => ctx.signal.aborted,
  );
  throwIfCancelled(ctx);
}

async function syncGroup(
  ctx: CycleContext,
  group: SourceObject,
  link: LinkRecord,
  heldBack: ReadonlySet<string>,
): Promise<{ failure: ReferenceFailure | null; withheld: boolean }> {
  const desired = new Set(desiredMemberIds(ctx, group));
  const recorded = new Set(link.members);
  const add = [...desired].filter((id) => !recorded.has(id));
  const leaving = [...recorded].filter((id) => !desired.has(id));
  const remove = leaving.filter((id) => !heldBack.has(id));
  const withheld = remove.length < leaving.length;
  if (add.length === 0 && remove.length === 0) return { failure: null, withheld };
  const log = logFor(ctx, group);
  log.action = 'update';
  log.targetId = link.targetId;
  log.targetDisplayName = link.displayName;
  log.modified = [
    {
      displayName: 'members',
      oldValue: say('referenceMemberCount', { count: recorded.size }).text,
      newValue: `+${add.length} / −${remove.length}`,
    },
  ];
  log.step(
    'referenceResolution',
    'success',
    say('referenceMembership', { add: add.length, remove: remove.length }),
  );
  if (ctx.dryRun) {
    planMembers(ctx, group, link, add, remove);
    return { failure: null, withheld };
  }
  // PUT-only targets rewrite the whole member list per request: one request carries everything.
  const size = ctx.target.capabilities().patch
    ? Math.max(1, ctx.target.capabilities().maxOperations)
    : add.length + remove.length;
  let members = new Set(link.members);
  for (const chunk of chunked(add, remove, size)) {
    try {
      await sendWrite(ctx, identityOf(group), 'members', link.targetId, chunk, () =>
        ctx.target.modifyMembers(link.targetId, chunk.add, chunk.remove),
      );
      ctx.counters.membershipRequests++;
      for (const id of chunk.add) members.add(id);
      for (const id of chunk.remove) members.delete(id);
      record(ctx, identityOf(group), {
        link: { ...link, members: [...members], updatedAt: ctx.clock().toISOString() },
      });
    } catch (error) {
      if (endsCycle(error)) throw error;
      members = await settleFailedChunk(ctx, group, link, members, chunk, error, log);
      return { failure: referenceFailureOf(error), withheld };
    }
  }
  log.step('export', 'success', say('exportMembershipUpdated', { target: ctx.targetName }));
  record(ctx, identityOf(group), { log });
  return { failure: null, withheld };
}

/**
 * A membership request failed. When it may have landed, the group's members are read back and the
 * store records what is really there, so the next attempt neither repeats an add (a duplicate
 * member on servers that keep them) nor forgets a removal. If even the read fails, the intent stays
 * for the next cycle's recovery.
 */
async function settleFailedChunk(
  ctx: CycleContext,
  group: SourceObject,
  link: LinkRecord,
  members: Set<string>,
  chunk: { add: string[]; remove: string[] },
  error: unknown,
  log: LogBuilder,
): Promise<Set<string>> {
  const message = error instanceof Error ? error.message : String(error);
  log.step('export', 'failure', message);
  log.fail('ReferenceUpdateFailed', message);
  ctx.counters.failed++;
  let settled = members;
  if (mayHaveApplied(error)) {
    try {
      settled = await reconcileMembers(ctx.target, link.targetId, members, chunk);
    } catch {
      keepIntent(ctx, identityOf(group));
      record(ctx, identityOf(group), { log, link: { ...link, members: [...members] } });
      return members;
    }
  }
  record(ctx, identityOf(group), {
    log,
    link: { ...link, members: [...settled], updatedAt: ctx.clock().toISOString() },
  });
  return settled;
}

function planMembers(
  ctx: CycleContext,
  group: SourceObject,
  link: LinkRecord,
  add: readonly string[],
  remove: readonly string[],
): void {
  if (add.length)
    plan(ctx, group, {
      situation: 'linked',
      action: 'addMembers',
      targetId: link.targetId,
      changes: [{ displayName: 'members', oldValue: null, newValue: JSON.stringify(add) }],
      note: say('referenceMemberCount', { count: add.length }).text,
    });
  if (remove.length)
    plan(ctx, group, {
      situation: 'linked',
      action: 'removeMembers',
      targetId: link.targetId,
      changes: [{ displayName: 'members', oldValue: JSON.stringify(remove), newValue: null }],
      note: say('referenceMemberCount', { count: remove.length }).text,
    });
}
