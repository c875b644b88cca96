import { hash, randomUUID } from 'node:crypto';
import {
  emptyCounters,
  type CycleCounters,
  type CycleProgress,
  type CycleSummary,
} from '@shared/domain/provisioning';
import type { ObjectType } from '@shared/domain/schema';
import {
  ConnectorError,
  isConnectorError,
  type SourceObject,
  type TargetConnector,
} from '../connectors/connector';
import type { JobRecord } from '../store/jobs-repo';
import type { Store } from '../store/store';
import { checkedTarget } from './checked-target';
import type { ConnectorFactory } from './connector-factory';
import { CycleCancelled, throwIfCancelled, type CycleContext } from './cycle-context';
import { createCycleContext, firstMatchingPath, mappingsOf } from './cycle-setup';
import { attributesRead } from './attributes-read';
import { intentBatchFor, runBatched } from './bounded-pool';
import { deprovision, heldBackTargetIds } from './deprovision-phase';
import { resolveManagerReferences } from './manager-phase';
import { processObject } from './object-processor';
import { completedHealth, EscrowThresholdBreached, escrowWatch, stoppedHealth } from './cycle-health';
import { loadEscrow } from './escrow-gate';
import { buildMatchIndex } from './match-index';
import { commitPhase, createWriteBehind, type WriteBehind } from './write-behind';
import { quarantineBeganOf, updateStatus, type EngineJobEvent } from './job-events';
import { recoverIntents } from './recover-intents';
import { syncMemberships, type QuietGroups } from './membership-phase';
import { configDigest } from './config-digest';
import { checkUnchangedSource } from './unchanged-source';
import { countLinks, loadCycleState } from './load-cycle-state';
import { loopBudget, type LoopBudget } from './event-loop-budget';
import { assignedUserAnchors, scopeObject, type ScopeVerdict } from './scope';
import { objectKey, splitObjectKey } from '../store/object-key';

export interface RunCycleOptions {
  dryRun: boolean;
  initiatedBy: { type: 'system' | 'admin'; displayName: string };
  signal: AbortSignal;
  onProgress?: (progress: CycleProgress) => void;
  /**
   * Do the full work even when nothing seems to have changed (unchanged-source.ts): the admin's
   * "full cycle", e.g. after changing the target behind Roster's back.
   */
  full?: boolean;
}

export interface EngineDeps {
  store: Store;
  connectors: ConnectorFactory;
  clock: () => Date;
  /** Told after a cycle is recorded: quarantine changes and held-back deletes (for alerts, §16). */
  onJobEvent?: (event: EngineJobEvent) => void;
}

/** One-shot hash(): the same digest as createHash(), without a Hash object per object (2–3× faster, per 100,000). */
function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * One cycle of one job (ARCHITECTURE.md §4): import → scope → match → plan → guard → apply → record.
 * A dry run is the same pipeline with every write replaced by a plan item.
 */
export async function runCycle(
  deps: EngineDeps,
  jobId: string,
  options: RunCycleOptions,
): Promise<CycleSummary> {
  const { store, clock } = deps;
  const job = store.jobs.get(jobId);
  if (!job) throw new ConnectorError('stopCycle', 'JobNotFound', `There is no job ${jobId}.`);
  const cycleId = randomUUID();
  const kind = job.watermark === null ? 'initial' : 'incremental';
  const forceDeletes =
    !options.dryRun &&
    job.statusInfo.quarantine?.reason === 'TooManyDeletes' &&
    job.statusInfo.allowDeletes === true;
  const startedAt = clock().toISOString();
  const digest = configDigest(job.config);
  // Read before this cycle's own row exists: what the stored watermark and state were computed under.
  const previousDigest = store.cycles.lastCompletedDigest(jobId);
  const lastReal = store.cycles.lastReal(jobId);
  store.cycles.start({
    id: cycleId,
    jobId,
    kind,
    dryRun: options.dryRun,
    startedAt,
    initiatedBy: options.initiatedBy.displayName,
    watermarkBefore: job.watermark,
    configDigest: digest,
  });

  const counters = emptyCounters();
  let phase: CycleProgress['phase'] = 'connecting';
  let processed = 0;
  let total: number | null = null;
  let lastEmit = 0;
  const emit = (force = false) => {
    const now = Date.now();
    if (!force && now - lastEmit < 200) return;
    lastEmit = now;
    options.onProgress?.({
      jobId,
      cycleId,
      dryRun: options.dryRun,
      phase,
      processed,
      total,
      percent: total ? Math.min(100, Math.round((processed / Math.max(total, 1)) * 100)) : null,
      counters: { ...counters },
    });
  };

  const events: EngineJobEvent[] = [];
  // Alerts are told only once the cycle is recorded, and a listener's trouble never reaches the cycle.
  const tell = () => {
    for (const event of events) {
      try {
        deps.onJobEvent?.(event);
      } catch {
        // The listener logs its own failures (notify/notifier.ts); the cycle's record stands.
      }
    }
  };
  let userMatchPath = 'userName';
  let hasGroups = false;
  let source: Awaited<ReturnType<ConnectorFactory['open']>>['source'] | null = null;
  let rawTarget: TargetConnector | null = null;
  let writes: WriteBehind | null = null;
  try {
    const opened = await deps.connectors.open(job);
    source = opened.source;
    rawTarget = opened.target;
    const mappings = mappingsOf(job);
    userMatchPath = firstMatchingPath(mappings.User) ?? 'userName';
    hasGroups = mappings.Group !== null;
    const objectTypes: ObjectType[] =
      mappings.Group || job.config.assignments.groups.length > 0 ? ['User', 'Group'] : ['User'];

    // ── nothing can have changed: end here, before any row is parsed or link loaded ──
    const shortcut = await checkUnchangedSource({
      store,
      job,
      dryRun: options.dryRun,
      full: options.full === true,
      forceDeletes,
      configDigest: digest,
      last: lastReal,
      source,
      objectTypes,
      now: new Date(startedAt),
      signal: options.signal,
    });
    if (shortcut.unchanged) {
      Object.assign(counters, shortcut.counters);
      phase = 'recording';
      const linked = await countLinks(store, jobId);
      recordCompleted(deps, job, cycleId, {
        watermark: shortcut.watermark,
        counters,
        linked,
        staged: false,
        steady: true,
        events,
      });
      emit(true);
      tell();
      return store.cycles.get(cycleId) as CycleSummary;
    }
    const target = checkedTarget(rawTarget, {
      userMatchPath,
      groups: mappings.Group !== null,
      targetName: opened.targetName,
    });
    const loaded = await loadCycleState(store, jobId, options.signal);
    const ctx = createCycleContext({
      loaded,
      job,
      cycleId,
      kind,
      dryRun: options.dryRun,
      forceDeletes,
      initiatedBy: options.initiatedBy,
      store,
      target,
      sourceName: opened.sourceName,
      targetName: opened.targetName,
      mappings,
      clock,
      signal: options.signal,
      counters,
      progress: (update) => {
        if (update.phase) phase = update.phase;
        if (update.processed !== undefined) processed = update.processed;
        if (update.total !== undefined) total = update.total;
        emit(update.phase !== undefined);
      },
    });

    writes = ctx.writes = createWriteBehind(store);

    // ── writes an interrupted process sent but never recorded (crash safety) ──
    const recovered = await recoverIntents(ctx);
    const escrow = loadEscrow(store, jobId, new Date(startedAt));

    // ── import ──
    ctx.progress({ phase: 'reading', processed: 0, total: null });
    // A delta read holds only the changed objects. Scope decided through group membership, and group
    // memberships themselves, need every object, so such jobs read in full and compare hashes: the
    // target still sees only the changes.
    const deltaUsable =
      source.capabilities.delta &&
      !mappings.Group &&
      (job.config.settings.scope === 'all' || job.config.assignments.groups.length === 0);
    // A delta read only returns what changed in the source. Objects an interrupted or failed cycle
    // still owes the target did not change there, so such a cycle reads in full and compares hashes.
    const owesObjects =
      recovered > 0 ||
      ctx.unsettled.size > 0 ||
      escrow.owesUnchanged ||
      lastRealCycleStopped(store, jobId, cycleId);
    // A changed configuration re-evaluates every object, and a delta read would only show the changed
    // ones — also when a cycle still running under the old configuration stored a watermark after the
    // change (the job's watermark is then not reset). Digests from before migration 007 are unknown.
    const configChanged = typeof previousDigest === 'string' && previousDigest !== digest;
    const since =
      kind === 'initial' || !deltaUsable || owesObjects || configChanged || job.watermark?.startsWith('full@')
        ? null
        : job.watermark;
    // The cycle keeps every object it reads (ctx.users, ctx.groups), so the source need not read twice.
    // Objects are hashed over what the cycle reads of them, so a change elsewhere costs nothing.
    const read = await source.read({
      objectTypes,
      since,
      signal: options.signal,
      keepsAll: true,
      hashedAttributes: attributesRead(mappings, ctx.evaluator),
    });
    const readBudget = loopBudget();
    for await (const page of read.pages) {
      throwIfCancelled(ctx);
      // A source that built its objects while checking them hands out pages without I/O in between,
      // so the pages would otherwise follow one another in one turn (60 ms at 100,000 users).
      const paused = readBudget.pause();
      if (paused) await paused;
      for (const object of page) (object.type === 'User' ? ctx.users : ctx.groups).set(object.anchor, object);
      counters.read += page.length;
      ctx.progress({ processed: counters.read });
    }
    const deletedAnchors = read.kind === 'delta' ? read.deletedAnchors() : [];
    guardSourceRead(ctx, read.kind, opened.sourceName);

    // ── scope ──
    ctx.progress({ phase: 'scoping', processed: 0, total: ctx.users.size + ctx.groups.size });
    const assigned = assignedUserAnchors(
      job.config.assignments,
      ctx.groups,
      ctx.users,
      job.config.settings.expandNestedGroups,
    );
    const assignedGroups = new Set(job.config.assignments.groups);
    const hashOfConfig = digest;
    const work: { object: SourceObject; verdict: ScopeVerdict; stateHash: string }[] = [];
    // What lets the membership phase pass over groups nothing touched (membership-phase.ts).
    const quiet: QuietGroups = {
      unchangedGroups: new Set(),
      changedUsers: new Set(),
      fullRead: read.kind === 'full',
    };
    const budget = loopBudget();
    // Source objects with a link and with a recorded state: when they account for every link and
    // state row, nothing is gone from a full read, and collectHardDeletes need not walk them.
    const seen = { linked: 0, stated: 0, links: ctx.links.size, states: ctx.previousHashes.size };
    // Counted here, on the loop's budget, rather than by passes over the whole work list when each
    // phase starts (at 100,000 users those passes were a turn of 25 ms of their own): where the
    // groups start in `work` (users come first), and each type's in-scope objects without a link.
    let groupsFrom = 0;
    const toMatch = { User: 0, Group: 0 };
    for (const [type, map] of [
      ['User', ctx.users],
      ['Group', ctx.groups],
    ] as const) {
      const mapping = type === 'User' ? mappings.User : mappings.Group;
      if (type === 'Group') groupsFrom = work.length;
      for (const object of map.values()) {
        const paused = budget.pause();
        if (paused) {
          await paused;
          throwIfCancelled(ctx);
        }
        const key = objectKey(type, object.anchor);
        const verdict: ScopeVerdict = mapping
          ? scopeObject(object, mapping, job.config.settings, type === 'User' ? assigned : assignedGroups)
          : { inScope: false, reason: 'notAssigned', detail: 'The Groups mapping is off' };
        ctx.verdicts.set(key, verdict);
        if (verdict.inScope) counters.inScope++;
        const memberState =
          type === 'Group' && verdict.inScope
            ? (object.members ?? []).filter((m) => ctx.users.has(m)).join(',')
            : '';
        const stateHash = sha256(`${object.hash}|${verdict.inScope}|${hashOfConfig}|${memberState}`);
        const previousHash = ctx.previousHashes.get(key);
        if (previousHash !== undefined) seen.stated++;
        const linked = ctx.links.has(key);
        if (linked) seen.linked++;
        const changed = kind === 'initial' || previousHash !== stateHash;
        if (kind === 'incremental') {
          if (changed && type === 'User') quiet.changedUsers.add(object.anchor);
          if (!changed && type === 'Group') quiet.unchangedGroups.add(object.anchor);
        }
        // An object whose interrupted write could not be settled yet is left alone this cycle.
        if (ctx.unsettled.has(key)) continue;
        if (changed && escrow.waits(key, stateHash)) {
          counters.escrowWaiting++;
          continue;
        }
        if (changed) {
          work.push({ object, verdict, stateHash });
          if (verdict.inScope && !linked) toMatch[type]++;
        } else counters.unchanged++;
      }
    }
    await markDuplicateSourceValuesPaced(ctx, work, budget);
    throwIfCancelled(ctx);

    // ── users, then groups: match → plan → apply → record ──
    const changedUsers: SourceObject[] = [];
    // §10.2: an incremental cycle stops at once on a breach; an initial one runs to the end first.
    const thresholds = kind === 'incremental' ? escrowWatch(store, jobId, ctx.links.size) : null;
    for (const type of ['User', 'Group'] as const) {
      const mapping = type === 'User' ? mappings.User : mappings.Group;
      const items = type === 'User' ? work.slice(0, groupsFrom) : work.slice(groupsFrom);
      if (!mapping || items.length === 0) continue;
      ctx.progress({ phase: type === 'User' ? 'users' : 'groups', processed: 0, total: items.length });
      const index = await buildMatchIndex(ctx, type, mapping, toMatch[type]);
      if (index) (ctx.matchIndexes ??= new Map()).set(type, index);
      let done = 0;
      // A stopCycle error ends the phase: objects not started yet never start, those in flight finish.
      // Objects start in batches, so that their write intents share a commit.
      await runBatched(
        items,
        job.config.settings.maxConcurrency,
        intentBatchFor(ctx.target),
        async (item) => {
          // An object's mapping, diff and log run synchronously up to its first request, and the
          // workers start together: the first objects (code not yet optimised) and every object that
          // needs no request would otherwise share one turn of the event loop (116 ms measured).
          const paused = budget.pause();
          if (paused) await paused;
          if (ctx.signal.aborted) return;
          const result = await processObject(ctx, item.object, item.verdict, mapping, item.stateHash);
          if (type === 'User' && result !== 'failed') changedUsers.push(item.object);
          ctx.progress({ processed: ++done });
        },
        () => ctx.signal.aborted || (thresholds?.breached(counters.failed) ?? false),
      );
      ctx.matchIndexes?.delete(type);
      await commitPhase(ctx.writes);
      throwIfCancelled(ctx);
      thresholds?.throwIfBreached();
    }

    // ── objects gone from the source ──
    await collectHardDeletes(ctx, read.kind, deletedAnchors, {
      linksAllRead: seen.linked === seen.links,
      statesAllRead: seen.stated === seen.states,
    });

    // ── references, then deprovisioning (§3.1 order) ──
    ctx.progress({ phase: 'references', processed: 0, total: null });
    await resolveManagerReferences(ctx, changedUsers);
    await commitPhase(ctx.writes);
    await syncMemberships(ctx, heldBackTargetIds(ctx), { quiet });
    await commitPhase(ctx.writes);
    ctx.progress({ phase: 'deprovisioning', processed: 0, total: ctx.deprovision.length });
    const { staged } = await deprovision(ctx);
    await commitPhase(ctx.writes);

    // ── record ──
    ctx.progress({ phase: 'recording', processed: 0, total: null });
    const watermark = read.watermark() ?? `full@${startedAt}`;
    if (options.dryRun) {
      store.plans.insertMany(cycleId, ctx.plan);
      store.cycles.finish(cycleId, {
        status: 'completed',
        endedAt: clock().toISOString(),
        counters,
        error: staged ? heldBackError(counters) : null,
        watermarkAfter: null,
      });
    } else {
      recordCompleted(deps, job, cycleId, {
        watermark,
        counters,
        linked: ctx.links.size,
        staged,
        steady: counters.failed === 0 && work.length === 0,
        events,
      });
    }
    emit(true);
    tell();
    return store.cycles.get(cycleId) as CycleSummary;
  } catch (error) {
    // Outcomes of the objects that finished are kept; a commit that fails here leaves their intents
    // for the next cycle's recovery, which is as safe, so its error does not replace the cycle's.
    try {
      writes?.flush();
    } catch {
      // already failing: the cycle's own error is the one to report
    }
    const endedAt = clock().toISOString();
    const cancelled = error instanceof CycleCancelled;
    const code = cancelled ? 'Cancelled' : isConnectorError(error) ? error.code : 'InternalError';
    const message = error instanceof Error ? error.message : String(error);
    const health =
      options.dryRun || cancelled
        ? null
        : error instanceof EscrowThresholdBreached
          ? error.health
          : await stoppedHealth(error, rawTarget, userMatchPath, hasGroups);
    const finished = {
      status: cancelled
        ? 'cancelled'
        : isConnectorError(error) && error.errorClass === 'stopCycle'
          ? 'stopped'
          : 'failed',
      endedAt,
      counters,
      error: {
        code,
        message:
          isConnectorError(error) && error.info.location ? `${message} (${error.info.location})` : message,
      },
      watermarkAfter: null,
    } as const;
    store.transaction(() => {
      store.cycles.finish(cycleId, finished);
      const notice = health ? updateStatus(store, jobId, health, endedAt, null) : null;
      if (notice) events.push({ kind: 'quarantine', notice });
    });
    emit(true);
    tell();
    return store.cycles.get(cycleId) as CycleSummary;
  } finally {
    await source?.close?.();
    await rawTarget?.close?.();
  }
}

/**
 * A real cycle that ran to its end: the watermark and the job's health in one transaction, then the
 * cycle's record (whose error names deprovisioning held back by the threshold).
 */
function recordCompleted(
  deps: EngineDeps,
  job: JobRecord,
  cycleId: string,
  outcome: {
    watermark: string;
    counters: CycleCounters;
    linked: number;
    staged: boolean;
    steady: boolean;
    events: EngineJobEvent[];
  },
): void {
  const { store } = deps;
  const { watermark, counters, staged, events } = outcome;
  const jobId = job.id;
  const endedAt = deps.clock().toISOString();
  const health = completedHealth(
    store,
    jobId,
    outcome.linked,
    staged ? { count: counters.staged, threshold: job.config.settings.deletionThreshold } : null,
  );
  let quarantineBegan: string | null = null;
  store.transaction(() => {
    store.jobs.setWatermark(jobId, watermark, endedAt);
    const notice = updateStatus(store, jobId, health, endedAt, { cycleId, steady: outcome.steady });
    // Held-back deletes are told as such, with the count and the threshold (§16), in place of
    // the plain "entered quarantine" or "reason changed" notice of the same moment.
    if (notice && !(staged && notice.quarantine.reason === 'TooManyDeletes')) {
      events.push({ kind: 'quarantine', notice });
    }
    if (staged) quarantineBegan = notice?.quarantine.seriesBegan ?? quarantineBeganOf(store, jobId);
  });
  if (staged) {
    events.push({
      kind: 'deletesHeldBack',
      jobId,
      jobName: job.name,
      count: counters.staged,
      threshold: job.config.settings.deletionThreshold,
      ...(quarantineBegan ? { quarantineBegan } : {}),
      at: endedAt,
    });
  }
  store.cycles.finish(cycleId, {
    status: 'completed',
    endedAt,
    counters,
    error: staged ? heldBackError(counters) : null,
    watermarkAfter: watermark,
  });
}

function heldBackError(counters: CycleCounters): NonNullable<CycleSummary['error']> {
  return {
    code: 'TooManyDeletes',
    message: `${counters.staged} deprovisioning actions held back by the threshold`,
  };
}

/** A stopped or cancelled cycle may have left changed objects unprocessed: the next reads in full. */
function lastRealCycleStopped(store: Store, jobId: string, currentCycleId: string): boolean {
  const last = store.cycles.forJob(jobId, 5).find((c) => c.id !== currentCycleId && !c.dryRun);
  return last !== undefined && last.status !== 'completed';
}

/**
 * ARCHITECTURE.md §4: a failed, partial or suspiciously empty source read never produces disables or
 * deletes. A full read that returns nothing while links exist, or that lost more than the job's
 * allowed fraction of the objects it had last time, stops the cycle before any write.
 */
function guardSourceRead(ctx: CycleContext, kind: 'full' | 'delta', sourceName: string): void {
  if (kind !== 'full') return;
  const read = ctx.users.size + ctx.groups.size;
  if (read === 0 && ctx.links.size > 0) {
    throw new ConnectorError(
      'stopCycle',
      'SourceEmpty',
      `${sourceName} returned no objects while ${ctx.links.size} are provisioned; nothing was changed.`,
    );
  }
  const before = ctx.previousHashes.size;
  const allowed = ctx.settings.maxSourceShrinkFraction;
  if (before > 0 && read < before * (1 - allowed)) {
    const lost = before - read;
    throw new ConnectorError(
      'stopCycle',
      'SourceShrank',
      `${sourceName} has ${read} objects, ${lost} fewer than the ${before} of the last cycle (more than the allowed ${Math.round(allowed * 100)}%). ` +
        'Nothing was changed. If this is intended, raise the job’s maxSourceShrinkFraction for one run.',
    );
  }
}

/** What marking duplicates reads: whether an object is linked, not its link. */
export interface DuplicateMarkingContext extends Pick<CycleContext, 'mappings' | 'verdicts'> {
  links: { has(key: string): boolean };
}

/**
 * §4: two in-scope unlinked objects with the same first matching value cannot both be matched or
 * created safely; both fail with DuplicateSourceEntries (their processing is skipped).
 */
export function markDuplicateSourceValues(
  ctx: DuplicateMarkingContext,
  work: { object: SourceObject; verdict: ScopeVerdict }[],
): void {
  const steps = duplicateMarking(ctx, work);
  while (!steps.next().done);
}

/** The same, letting the event loop run on the budget (a cycle's work list can be 100,000 long). */
async function markDuplicateSourceValuesPaced(
  ctx: DuplicateMarkingContext,
  work: { object: SourceObject; verdict: ScopeVerdict }[],
  budget: LoopBudget,
): Promise<void> {
  const steps = duplicateMarking(ctx, work);
  while (!steps.next().done) {
    const paused = budget.pause();
    if (paused) await paused;
  }
}

/** Yields after each object it looks at, so that a caller can pace the walk. */
function* duplicateMarking(
  ctx: DuplicateMarkingContext,
  work: { object: SourceObject; verdict: ScopeVerdict }[],
): Generator<void, void, undefined> {
  for (const type of ['User', 'Group'] as const) {
    const mapping = type === 'User' ? ctx.mappings.User : ctx.mappings.Group;
    const first = mapping?.attributeMappings
      .filter((m) => m.matchingPriority > 0 && m.type === 'Direct')
      .sort((a, b) => a.matchingPriority - b.matchingPriority)[0];
    if (!first) continue;
    const byValue = new Map<string, SourceObject[]>();
    for (const { object, verdict } of work) {
      yield;
      if (object.type !== type || !verdict.inScope || ctx.links.has(objectKey(type, object.anchor))) continue;
      const value = object.attributes[first.source];
      if (typeof value !== 'string' || value === '') continue;
      const list = byValue.get(value.toLowerCase()) ?? [];
      list.push(object);
      byValue.set(value.toLowerCase(), list);
    }
    for (const [value, objects] of byValue) {
      yield;
      if (objects.length < 2) continue;
      const anchors = objects.map((o) => o.anchor).join(', ');
      for (const object of objects) {
        ctx.verdicts.set(objectKey(type, object.anchor), {
          inScope: false,
          reason: 'filteredOut',
          detail: `DuplicateSourceEntries: ${objects.length} source objects (${anchors}) have ${first.source} = "${value}"`,
        });
      }
    }
  }
}

/**
 * `linksAllRead` / `statesAllRead`: every link / state row of the job was found among the objects
 * read, counted in the scope pass. Then a full read lost none of them, and the walk over 100,000
 * keys (about 0.1 s of a 100k-user delta, issue 11) is skipped. The counts are taken before the
 * users and groups phases, whose new links are all of objects read.
 */
async function collectHardDeletes(
  ctx: CycleContext,
  kind: 'full' | 'delta',
  deletedAnchors: readonly string[],
  counted: { linksAllRead: boolean; statesAllRead: boolean },
): Promise<void> {
  const gone: { type: ObjectType; anchor: string }[] = [];
  const present = (s: { objectType: ObjectType; anchor: string }) =>
    s.objectType === 'User' ? ctx.users.has(s.anchor) : ctx.groups.has(s.anchor);
  // Both walks visit every link and state row of the job: they give the event loop its turns.
  const budget = loopBudget();
  if (kind === 'full' && !counted.linksAllRead) {
    for (const key of ctx.links.keys()) {
      const link = splitObjectKey(key);
      if (!present(link)) gone.push({ type: link.objectType, anchor: link.anchor });
      const paused = budget.pause();
      if (paused) await paused;
    }
  } else {
    for (const anchor of deletedAnchors) {
      for (const type of ['User', 'Group'] as const)
        if (ctx.links.has(objectKey(type, anchor))) gone.push({ type, anchor });
    }
  }
  for (const { type, anchor } of gone) {
    const link = ctx.links.get(objectKey(type, anchor));
    if (!link) continue;
    ctx.deprovision.push({
      objectType: type,
      anchor,
      displayName: link.displayName,
      link,
      reason: 'hardDeleted',
      detail: 'Gone from the source',
      object: null,
      stateHash: null,
    });
  }
  if (!ctx.dryRun && kind === 'full' && !counted.statesAllRead) {
    // Unlinked objects that vanished need no action; forget their state so the table does not grow.
    const stale: { objectType: ObjectType; anchor: string }[] = [];
    for (const key of ctx.previousHashes.keys()) {
      const state = splitObjectKey(key);
      if (!present(state)) stale.push(state);
      const paused = budget.pause();
      if (paused) await paused;
    }
    ctx.store.sourceState.deleteMany(ctx.job.id, stale);
  }
}
