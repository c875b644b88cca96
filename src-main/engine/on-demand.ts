import { RosterError } from '@shared/domain/errors';
import { refusal } from '@shared/domain/error-messages';
import type { ConnectionTestResult } from '@shared/domain/connection-test';
import type { ObjectMapping } from '@shared/domain/jobs';
import type { MatchQuery, OnDemandError, OnDemandResult, OnDemandStep } from '@shared/domain/on-demand';
import {
  emptyCounters,
  type ProvisioningLogEntry,
  type ProvisioningStatus,
} from '@shared/domain/provisioning';
import { explainScoping } from '@shared/scoping/index';
import type { SourceConnector, SourceObject, TargetConnector } from '../connectors/connector';
import type { JobRecord } from '../store/jobs-repo';
import type { LeaseOwner } from '../store/leases-repo';
import type { CycleContext } from './cycle-context';
import { createCycleContext, firstMatchingPath, mappingsOf } from './cycle-setup';
import { decide, situationBeforeMatch } from './decide';
import { deprovision, heldBackTargetIds } from './deprovision-phase';
import { logFor } from './log-builder';
import { resolveManagerReferences } from './manager-phase';
import { matchingLookups } from './matching';
import { syncMemberships } from './membership-phase';
import { decisionFacts, processObject } from './object-processor';
import { matchingMappings, sourceAttributesFor } from './object-mappings';
import { acquireOnDemandLock, OnDemandLockRefused, type HeldLock } from './on-demand-lock';
import { resolveObject, searchFields } from './on-demand-search';
import { readWholeSource, scopeEverything, type Assignment } from './on-demand-source';
import {
  actionStep,
  adviceFor,
  clauseLines,
  connectionStep,
  decidedStep,
  importStep,
  matchStep,
  referencesStep,
  refOf,
  scopeStep,
  StepStream,
  waitStep,
} from './on-demand-steps';
import { observedTarget } from './on-demand-target';
import { recoverIntents } from './recover-intents';
import { identityOf, record } from './record';
import { markDuplicateSourceValues, type EngineDeps } from './run-cycle';
import { messageOf, say, type LogText } from '@shared/domain/log-messages';
import {
  adviceCodeFor,
  onDemandActionTexts,
  onDemandMessageEnglish,
  type OnDemandActionCode,
  type OnDemandMessageCode,
} from '@shared/domain/on-demand-messages';
import { objectKey, splitObjectKey } from '../store/object-key';

export interface OnDemandRequest {
  runId: string;
  jobId: string;
  kind: 'user' | 'group';
  query: string;
  /** Groups: up to five members to provision with it (anchors, names or emails). */
  members: readonly string[];
  /** How long to wait for a running cycle of the job; 0 refuses at once. */
  waitMs: number;
  initiatedBy: { type: 'admin'; displayName: string };
  onStep(step: OnDemandStep): void;
  signal: AbortSignal;
}

export interface OnDemandDeps extends EngineDeps {
  /** This process as the engine names itself (pid, host, label); the run has an owner id of its own. */
  owner: Omit<LeaseOwner, 'ownerId'>;
  leaseTtlMs: number;
}

/** A message of provision on demand's own: its English and its code, for the app to translate. */
function coded(
  code: OnDemandMessageCode,
  params: Record<string, string>,
): Pick<OnDemandError, 'message' | 'messageCode' | 'messageParams'> {
  return { message: onDemandMessageEnglish(code, params), messageCode: code, messageParams: params };
}

/**
 * The connection test's own code for its summary, as parameters of the message that quotes it
 * (`summaryCode`, and each of its parameters as `summary.<name>`), so the app can say the summary in
 * the admin's language too; none when the summary has no code.
 */
function summaryCodeParams(result: ConnectionTestResult): Record<string, string> {
  if (!result.summaryCode) return {};
  const params: Record<string, string> = { summaryCode: result.summaryCode };
  for (const [name, value] of Object.entries(result.summaryParams ?? {})) params[`summary.${name}`] = value;
  return params;
}

/** Advice of provision on demand's own: its English and its code. */
function action(code: OnDemandActionCode): Pick<OnDemandError, 'recommendedAction' | 'actionCode'> {
  return { recommendedAction: onDemandActionTexts[code], actionCode: code };
}

/** A failure of the whole run (not found, the job busy, the target unreachable): it ends the run. */
class RunFailure extends Error {
  constructor(readonly info: OnDemandError) {
    super(info.message);
  }
}

/**
 * Provision on demand (provisioning-behaviour.md §13): one user, or one group and up to five of its
 * members, through the whole pipeline now — connection check, import, scope, match, action — using
 * the saved configuration and the engine's own pieces (decide, processObject, the phases, record
 * with its write-ahead intents). It writes ordinary log entries initiated by the admin, under a run
 * id of its own; it never moves the watermark and records no state hash (the next cycle, which sees
 * the whole source, compares these objects once more and finds nothing left to send).
 */
export async function provisionOnDemand(
  deps: OnDemandDeps,
  request: OnDemandRequest,
): Promise<OnDemandResult> {
  const { store, clock } = deps;
  const startedAt = clock().toISOString();
  const stream = new StepStream({ runId: request.runId, jobId: request.jobId }, clock, (step) =>
    request.onStep(step),
  );
  const job = store.jobs.get(request.jobId);
  if (!job) throw refusal('notFound', 'jobMissing', { id: request.jobId });
  const finish = (status: ProvisioningStatus, error?: OnDemandError): OnDemandResult => ({
    runId: request.runId,
    jobId: request.jobId,
    status,
    startedAt,
    endedAt: clock().toISOString(),
    initiatedBy: request.initiatedBy.displayName,
    steps: stream.steps,
    ...(error ? { error } : {}),
  });

  let lock: HeldLock;
  try {
    lock = await acquireOnDemandLock({
      leases: store.leases,
      jobId: job.id,
      jobName: job.name,
      owner: {
        ...deps.owner,
        label: `provision on demand by ${request.initiatedBy.displayName} in ${deps.owner.label}`,
      },
      clock,
      ttlMs: deps.leaseTtlMs,
      waitMs: request.waitMs,
      signal: request.signal,
      onWait: (holder, until) => stream.add(waitStep(holder, until)),
    });
  } catch (error) {
    if (!(error instanceof RosterError)) throw error;
    return finish('failure', {
      code: 'JobBusy',
      ...(error instanceof OnDemandLockRefused
        ? coded(error.messageCode, error.messageParams)
        : { message: error.message }),
      ...action('jobBusy'),
    });
  }

  let source: SourceConnector | null = null;
  let rawTarget: TargetConnector | null = null;
  try {
    const signal = AbortSignal.any([request.signal, lock.signal]);
    const opened = await deps.connectors.open(job);
    source = opened.source;
    rawTarget = opened.target;
    const run = new OnDemandRun(deps, request, job, stream, opened, signal);
    await run.execute();
    return finish(overall(stream.steps));
  } catch (error) {
    if (error instanceof RunFailure) return finish('failure', error.info);
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'InternalError';
    // The exception's own words stay the message (the CLI prints them); the app says in the
    // admin's language that something unforeseen stopped the run, and shows them as the detail.
    return finish('failure', {
      code,
      ...coded('unexpected', { error: message }),
      ...action(adviceCodeFor(code)),
    });
  } finally {
    await source?.close?.().catch(() => undefined);
    await rawTarget?.close?.().catch(() => undefined);
    lock.release();
  }
}

/**
 * failure > warning > success > skipped, over what was done (actions, references): the run is as
 * good as its worst outcome. Import and scope only explain the outcome.
 */
function overall(steps: readonly OnDemandStep[]): ProvisioningStatus {
  const outcomes = steps.filter((s) => s.detail.kind === 'action' || s.detail.kind === 'references');
  const statuses = new Set(outcomes.map((s) => s.status));
  for (const status of ['failure', 'warning', 'success'] as const) if (statuses.has(status)) return status;
  return 'skipped';
}

interface Track {
  queries: MatchQuery[];
  matchShown: boolean;
}

class OnDemandRun {
  private readonly ctx: CycleContext;
  private readonly tracks = new Map<string, Track>();
  private active: Track | null = null;
  private readonly reported = new Set<string>();
  private assignmentOf: (object: SourceObject) => Assignment = () => 'scopeAll';

  constructor(
    private readonly deps: OnDemandDeps,
    private readonly request: OnDemandRequest,
    private readonly job: JobRecord,
    private readonly stream: StepStream,
    private readonly opened: {
      source: SourceConnector;
      target: TargetConnector;
      sourceName: string;
      targetName: string;
    },
    signal: AbortSignal,
  ) {
    const target = observedTarget(opened.target, (query) => {
      if (this.active && !this.active.matchShown) this.active.queries.push(query);
    });
    this.ctx = createCycleContext({
      job,
      cycleId: request.runId,
      kind: 'incremental',
      dryRun: false,
      forceDeletes: false,
      initiatedBy: request.initiatedBy,
      store: deps.store,
      target,
      sourceName: opened.sourceName,
      targetName: opened.targetName,
      mappings: mappingsOf(job),
      clock: deps.clock,
      signal,
      counters: emptyCounters(),
      progress: () => undefined,
    });
    this.ctx.observeStep = (object, step) => {
      const track = this.tracks.get(objectKey(object.type, object.anchor));
      if (!track || track.matchShown || step.provisioningStepType !== 'matching') return;
      track.matchShown = true;
      const link = this.ctx.links.get(objectKey(object.type, object.anchor));
      const linked = track.queries.length === 0 && link ? link.targetId : null;
      this.stream.add(matchStep(refOf(object), step, track.queries, linked));
    };
  }

  async execute(): Promise<void> {
    const { ctx } = this;
    await this.checkConnection();
    // Writes an interrupted process left unsettled come first, exactly as at a cycle's start.
    await recoverIntents(ctx);
    const read = await readWholeSource(this.opened.source, this.job, ctx.mappings.Group !== null, ctx.signal);
    for (const [anchor, user] of read.users) ctx.users.set(anchor, user);
    for (const [anchor, group] of read.groups) ctx.groups.set(anchor, group);
    const { group, members } = this.chosenObjects();
    this.assignmentOf = scopeEverything(ctx);
    this.markDuplicates();

    const done: SourceObject[] = [];
    for (const user of members) if (await this.runObject(user, ctx.mappings.User)) done.push(user);
    if (group && ctx.mappings.Group) await this.runObject(group, ctx.mappings.Group);
    await this.references(done, group, members);
    await this.deprovisionChosen();
  }

  /** §17.2, before any request: shown only when it fails (a busy target goes on, as in a cycle). */
  private async checkConnection(): Promise<void> {
    const { mappings } = this.ctx;
    const result = await this.opened.target.testConnection({
      userMatchPath: firstMatchingPath(mappings.User) ?? 'userName',
      groups: mappings.Group !== null,
      retry: true,
    });
    if (result.ok || result.error?.kind === 'transient') return;
    const error: OnDemandError = {
      code: result.error?.code ?? 'ConnectionCheckFailed',
      ...coded('connectionFailed', {
        target: this.opened.targetName,
        summary: result.summary,
        ...summaryCodeParams(result),
      }),
      ...action(result.error?.kind === 'credentials' ? 'checkCredentials' : 'checkReachability'),
    };
    this.stream.add(connectionStep(this.opened.targetName, result, error));
    throw new RunFailure(error);
  }

  /** The user, or the group and its chosen members, from the admin's words (exact values only). */
  private chosenObjects(): { group: SourceObject | null; members: SourceObject[] } {
    const { ctx, request } = this;
    if (request.kind === 'user') {
      const user = this.resolve(ctx.users, searchFields(ctx.mappings.User), request.query, 'user');
      return { group: null, members: [user] };
    }
    if (!ctx.mappings.Group)
      throw new RunFailure({
        code: 'GroupsNotMapped',
        ...coded('groupsNotMapped', { job: this.job.name }),
        ...action('groupsNotMapped'),
      });
    const group = this.resolve(ctx.groups, searchFields(ctx.mappings.Group), request.query, 'group');
    const memberMap = new Map<string, SourceObject>();
    for (const anchor of group.members ?? []) {
      const user = ctx.users.get(anchor);
      if (user) memberMap.set(anchor, user);
    }
    const members = request.members.map((q) =>
      this.resolve(memberMap, searchFields(ctx.mappings.User), q, 'member', group.displayName),
    );
    return { group, members: [...new Map(members.map((m) => [m.anchor, m])).values()] };
  }

  private resolve(
    objects: ReadonlyMap<string, SourceObject>,
    fields: readonly string[],
    query: string,
    what: 'user' | 'group' | 'member',
    group = '',
  ): SourceObject {
    const found = resolveObject(objects, fields, query);
    if (found.kind === 'found') return found.object;
    const list = (xs: SourceObject[]) => xs.map((o) => `${o.displayName} (${o.anchor})`).join(', ');
    if (found.kind === 'ambiguous')
      throw new RunFailure({
        code: 'Ambiguous',
        ...coded('ambiguous', {
          count: String(found.candidates.length),
          query,
          candidates: list(found.candidates),
        }),
        ...action('ambiguous'),
      });
    const guessed = found.suggestions.length > 0;
    const notFound = {
      user: guessed ? 'notFoundUserGuess' : 'notFoundUser',
      group: guessed ? 'notFoundGroupGuess' : 'notFoundGroup',
      member: guessed ? 'notFoundMemberGuess' : 'notFoundMember',
    } as const;
    throw new RunFailure({
      code: 'NotFound',
      ...coded(notFound[what], {
        query,
        source: this.opened.sourceName,
        group,
        suggestions: list(found.suggestions),
      }),
      ...action('notFound'),
    });
  }

  /** §4 DuplicateSourceEntries, as a cycle applies it to the objects it may match or create. */
  private markDuplicates(): void {
    const { ctx } = this;
    const work = [...ctx.users.values(), ...ctx.groups.values()].flatMap((object) => {
      const verdict = ctx.verdicts.get(objectKey(object.type, object.anchor));
      return verdict ? [{ object, verdict }] : [];
    });
    markDuplicateSourceValues(ctx, work);
  }

  /** Import, scope, match and action for one object; true when it is linked and in scope afterwards. */
  private async runObject(object: SourceObject, mapping: ObjectMapping): Promise<boolean> {
    const { ctx } = this;
    const key = objectKey(object.type, object.anchor);
    const verdict = ctx.verdicts.get(key) ?? {
      inScope: false,
      reason: 'notAssigned' as const,
      detail: 'Not scoped',
    };
    const link = ctx.links.get(key) ?? null;
    const ref = refOf(object);

    const lookups = await matchingLookups(ctx, mapping, sourceAttributesFor(object, verdict.inScope)).catch(
      () => [],
    );
    const importSkipped = !link && matchingMappings(mapping).length > 0 && lookups.length === 0;
    this.stream.add(
      importStep(
        object,
        this.opened.sourceName,
        lookups.map((l) => ({ attribute: l.path, value: l.value })),
        importSkipped,
      ),
    );
    const explanation = explainScoping(mapping.scope.filters, object.attributes);
    this.stream.add(scopeStep(object, verdict, this.assignmentOf(object), clauseLines(explanation)));

    if (ctx.unsettled.has(key)) {
      this.stream.add(
        decidedStep(ref, 'skip', 'failure', 'An earlier write of this object could not be settled yet', {
          code: 'UnsettledWrite',
          ...coded('unsettledWrite', {}),
          ...action('unsettledWrite'),
        }),
      );
      return false;
    }
    const scope = verdict.inScope ? 'in' : 'out';
    const situation = situationBeforeMatch(link !== null, scope);
    const decision = decide(decisionFacts(ctx, object.type, situation, scope, link));
    if (situation === 'unknown' && decision.action === 'skip') {
      this.skipOutOfScope(object, verdict.message ?? verdict.detail);
      return false;
    }

    const track: Track = { queries: [], matchShown: false };
    this.tracks.set(key, track);
    this.active = track;
    // '' records no state hash (record() stores only a non-empty one): the state belongs to cycles.
    const result = await processObject(ctx, object, verdict, mapping, '');
    this.active = null;
    if (result === 'deprovision') return false;
    for (const entry of this.newEntries(object)) this.stream.add(actionStep(ref, entry));
    return ['created', 'updated', 'enabled', 'unchanged'].includes(result) && verdict.inScope;
  }

  /** Out of scope and never provisioned: a cycle only counts it; the admin asked, so it is logged. */
  private skipOutOfScope(object: SourceObject, why: LogText | string): void {
    const log = logFor(this.ctx, object);
    const whyText = typeof why === 'string' ? why : why.text;
    log.step('import', 'success', say('importRead', { source: this.opened.sourceName }));
    log.step('scoping', 'skipped', why);
    log.step('processing', 'skipped', say('decideOutOfScopeNever'));
    const reason =
      typeof why === 'string'
        ? `Out of scope: ${whyText}`
        : { ...say('errorOutOfScope', { why: messageOf(why) }), text: `Out of scope: ${whyText}` };
    log.fail('OutOfScope', reason, {
      category: 'Skipped',
      recommendedAction: adviceFor('OutOfScope'),
    });
    record(this.ctx, identityOf(object), { log });
    for (const entry of this.newEntries(object)) this.stream.add(actionStep(refOf(object), entry));
  }

  /** Manager references of the users just provisioned, then the group's memberships (§7). */
  private async references(
    users: SourceObject[],
    group: SourceObject | null,
    chosen: SourceObject[],
  ): Promise<void> {
    const { ctx } = this;
    await resolveManagerReferences(ctx, users, { othersPending: false });
    for (const user of users) this.referenceStep(user);
    if (!group) return;
    // Removals that follow from someone else leaving scope wait for the cycle, where the deletion
    // threshold sees them all: on demand removes only members the admin chose.
    const chosenAnchors = new Set(chosen.map((u) => u.anchor));
    const heldBack = new Set<string>();
    for (const key of ctx.links.keys()) {
      const { objectType, anchor } = splitObjectKey(key);
      const targetId = ctx.links.targetIdOf(key);
      if (objectType === 'User' && !chosenAnchors.has(anchor) && targetId !== undefined)
        heldBack.add(targetId);
    }
    await syncMemberships(ctx, heldBack, { only: new Set([group.anchor]) });
    this.referenceStep(group);
  }

  private referenceStep(object: SourceObject): void {
    const entries = this.newEntries(object);
    if (entries.length) this.stream.add(referencesStep(refOf(object), entries));
  }

  /** Linked objects that left scope: disabled or deleted now, as the decision table says (§8). */
  private async deprovisionChosen(): Promise<void> {
    const { ctx } = this;
    const candidates = [...ctx.deprovision];
    if (candidates.length === 0) return;
    if (heldBackTargetIds(ctx).size > 0) {
      for (const c of candidates)
        this.stream.add(
          decidedStep(
            { type: c.objectType, anchor: c.anchor, displayName: c.displayName },
            'skip',
            'failure',
            'Held back by the accidental-deletion threshold',
            {
              code: 'TooManyDeletes',
              ...coded('tooManyDeletes', {
                count: String(candidates.length),
                threshold: String(ctx.settings.deletionThreshold),
              }),
              ...action('tooManyDeletes'),
            },
          ),
        );
      return;
    }
    await deprovision(ctx);
    for (const c of candidates) {
      const object = { type: c.objectType, anchor: c.anchor, displayName: c.displayName };
      const entries = this.newEntries(object);
      if (entries.length) {
        for (const entry of entries) this.stream.add(actionStep(refOf(object), entry));
        continue;
      }
      const d = decide(
        decisionFacts(ctx, c.objectType, 'deleted', c.reason === 'hardDeleted' ? 'gone' : 'out', c.link),
      );
      this.stream.add(decidedStep(refOf(object), 'skip', 'skipped', d.why));
    }
  }

  /** The log entries this run wrote for an object and has not shown yet. */
  private newEntries(object: Pick<SourceObject, 'type' | 'anchor'>): ProvisioningLogEntry[] {
    const fresh: ProvisioningLogEntry[] = [];
    for (const entry of this.deps.store.log.iterate({ cycleId: this.request.runId, jobId: this.job.id })) {
      if (this.reported.has(entry.id)) continue;
      if (entry.sourceIdentity.id !== object.anchor || entry.sourceIdentity.identityType !== object.type)
        continue;
      this.reported.add(entry.id);
      fresh.push(entry);
    }
    return fresh;
  }
}
