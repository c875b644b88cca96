import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ImpactAction, ImpactItem } from '@shared/domain/job-editing';
import type { JobConfig, ObjectMapping } from '@shared/domain/jobs';
import type { LogText } from '@shared/domain/log-messages';
import type { ObjectType } from '@shared/domain/schema';
import type { SourceObject } from '../connectors/connector';
import type { LinkRecord } from '../store/links-repo';
import { createValues, missingRequired } from './apply-create';
import type { CycleContext } from './cycle-context';
import { schemaIndex } from './cycle-setup';
import { decide, situationBeforeMatch, type Decision, type ScopeState } from './decide';
import { exceedsDeletionThreshold } from './deprovision-phase';
import { MappingEvaluator } from './mapping-evaluator';
import { matchingLookups } from './matching';
import { describeError, reasonOf } from './object-failure';
import { attributeMappings, isInactive, sourceAttributesFor } from './object-mappings';
import { decisionFacts, type DecisionSettings } from './object-processor';
import { markDuplicateSourceValues } from './run-cycle';
import { assignedUserAnchors, scopeObject, type ScopeVerdict } from './scope';
import { caseOnlyNote, diffMappedValues } from './target-diff';
import { configDigest } from './config-digest';
import { detailParams } from './impact-detail';
import { objectKey } from '../store/object-key';

/** The parts of a configuration the impact reads (a stored job's config has no connection names). */
export type ImpactConfig = Pick<JobConfig, 'settings' | 'assignments' | 'objectMappings' | 'targetSchema'>;

export interface ImpactSource {
  users: ReadonlyMap<string, SourceObject>;
  groups: ReadonlyMap<string, SourceObject>;
}

export interface ImpactInput {
  /** The configuration the admin would save. */
  config: ImpactConfig;
  source: ImpactSource;
  /** The job's links (what Roster last exported); empty for a job that does not exist yet. */
  links: readonly LinkRecord[];
  /** The configuration stored now, to tell what the change itself puts out of scope. */
  stored: ImpactConfig | null;
  /** Whether the target can disable (decided from the connection, without asking the target). */
  targetCanDisable: boolean;
  signal?: AbortSignal;
}

/** One object's predicted action, with what the overlap check needs. */
export interface ImpactEntry extends ImpactItem {
  /** The linked target object, when there is one. */
  targetId: string | null;
  /** The first matching value a create would be matched or created with (`userName = "kim"`). */
  matching: { path: string; value: string } | null;
  /** In scope under the configuration stored now (null without one). */
  wasInScope: boolean | null;
}

export interface ImpactComputation {
  entries: ImpactEntry[];
  counts: Record<ImpactAction, number>;
  leavingScope: number;
  needsFullCycle: boolean;
  deletionThresholdHit: boolean;
  /** The target paths the enabled mappings write, per object type. */
  writes: Record<ObjectType, string[]>;
}

export const impactActions: readonly ImpactAction[] = [
  'create',
  'update',
  'enable',
  'disable',
  'delete',
  'outOfScope',
  'unchanged',
];

interface Prepared {
  mappings: CycleContext['mappings'];
  decisions: DecisionSettings;
  evaluator: MappingEvaluator;
  targetSchema: ImpactConfig['targetSchema'];
  verdicts: Map<string, ScopeVerdict>;
}

/** The enabled mappings the engine would use (`mappingsOf`), without refusing a config that has none. */
function enabledMappings(config: ImpactConfig): { User: ObjectMapping | null; Group: ObjectMapping | null } {
  const find = (type: ObjectType) =>
    config.objectMappings.find((m) => m.sourceObject === type && m.enabled) ?? null;
  return { User: find('User'), Group: find('Group') };
}

/** Every object's scope verdict under `config`, as a cycle computes them (scope.ts, duplicate values). */
function scopeAll(
  config: ImpactConfig,
  mappings: { User: ObjectMapping | null; Group: ObjectMapping | null },
  source: ImpactSource,
  links: ReadonlyMap<string, LinkRecord>,
): Map<string, ScopeVerdict> {
  const verdicts = new Map<string, ScopeVerdict>();
  const assigned = assignedUserAnchors(
    config.assignments,
    source.groups,
    source.users,
    config.settings.expandNestedGroups,
  );
  const assignedGroups = new Set(config.assignments.groups);
  const work: { object: SourceObject; verdict: ScopeVerdict }[] = [];
  for (const [type, map] of [
    ['User', source.users],
    ['Group', source.groups],
  ] as const) {
    const mapping = mappings[type];
    for (const object of map.values()) {
      const verdict: ScopeVerdict = mapping
        ? scopeObject(object, mapping, config.settings, type === 'User' ? assigned : assignedGroups)
        : {
            inScope: false,
            reason: 'notAssigned',
            detail: type === 'User' ? 'The Users mapping is off' : 'The Groups mapping is off',
          };
      verdicts.set(objectKey(type, object.anchor), verdict);
      work.push({ object, verdict });
    }
  }
  if (mappings.User) {
    markDuplicateSourceValues(
      { mappings: { User: mappings.User, Group: mappings.Group }, links, verdicts },
      work,
    );
  }
  return verdicts;
}

function prepare(
  config: ImpactConfig,
  input: ImpactInput,
  links: ReadonlyMap<string, LinkRecord>,
): Prepared | null {
  const mappings = enabledMappings(config);
  if (!mappings.User) return null;
  const full = { User: mappings.User, Group: mappings.Group };
  return {
    mappings: full,
    decisions: {
      mappings: full,
      settings: config.settings,
      target: { capabilities: () => ({ softDelete: input.targetCanDisable }) },
    },
    evaluator: new MappingEvaluator(schemaIndex(config.targetSchema)),
    targetSchema: config.targetSchema,
    verdicts: scopeAll(config, mappings, input.source, links),
  };
}

/**
 * What the next cycle would do with `config` (issue 10 item 2), worked out locally: the source as
 * read now, scoped, matched against the links and compared with what Roster last exported — no
 * request to the target. It goes through the engine's own pieces: `scopeObject` and the duplicate
 * check for scope, `decide` for every action, `diffMappedValues` and `createValues` for the values,
 * and the §11 threshold. What it cannot know without the target: whether an unlinked object would
 * match an existing account (it says "create, unless a target object matches"), and values changed
 * in the target by someone else.
 */
export async function computeImpact(input: ImpactInput): Promise<ImpactComputation> {
  const { config, source } = input;
  const links = new Map(input.links.map((l) => [objectKey(l.objectType, l.anchor), l]));
  const counts = Object.fromEntries(impactActions.map((a) => [a, 0])) as Record<ImpactAction, number>;
  const result: ImpactComputation = {
    entries: [],
    counts,
    leavingScope: 0,
    needsFullCycle: input.stored === null || configDigest(input.stored) !== configDigest(config),
    deletionThresholdHit: false,
    writes: { User: [], Group: [] },
  };
  const prepared = prepare(config, input, links);
  if (!prepared) return result;
  const storedVerdicts = input.stored ? (prepare(input.stored, input, links)?.verdicts ?? null) : null;
  for (const type of ['User', 'Group'] as const) {
    const mapping = prepared.mappings[type];
    result.writes[type] = mapping
      ? attributeMappings(prepared, mapping)
          .filter((m) => m.type !== 'None' || m.defaultValue !== undefined)
          .map((m) => m.target)
      : [];
  }

  const claimed = new Set<string>();
  let done = 0;
  for (const [type, map] of [
    ['User', source.users],
    ['Group', source.groups],
  ] as const) {
    for (const object of map.values()) {
      // A cycle never blocks the event loop for long (ARCHITECTURE.md §4); neither does its preview.
      if (++done % 500 === 0) {
        await yieldToEventLoop();
        if (input.signal?.aborted) throw new Error('The impact computation was cancelled');
      }
      const key = objectKey(type, object.anchor);
      const verdict = prepared.verdicts.get(key) as ScopeVerdict;
      const entry = await entryFor(prepared, object, verdict, links.get(key) ?? null, claimed);
      entry.wasInScope = storedVerdicts ? (storedVerdicts.get(key)?.inScope ?? false) : null;
      result.entries.push(entry);
    }
  }
  for (const link of links.values()) {
    const map = link.objectType === 'User' ? source.users : source.groups;
    if (!map.has(link.anchor)) result.entries.push(goneEntry(prepared, link, storedVerdicts !== null));
  }

  let deprovisions = 0;
  for (const entry of result.entries) {
    counts[entry.action]++;
    if (entry.action === 'disable' || entry.action === 'delete') {
      deprovisions++;
      if (entry.wasInScope === true) result.leavingScope++;
    }
  }
  result.deletionThresholdHit = exceedsDeletionThreshold(config.settings, deprovisions, false);
  return result;
}

function baseEntry(object: { type: ObjectType; anchor: string; displayName: string }): ImpactEntry {
  return {
    objectType: object.type,
    anchor: object.anchor,
    displayName: object.displayName,
    action: 'unchanged',
    reason: '',
    reasonCode: 'Unchanged',
    changes: [],
    targetId: null,
    matching: null,
    wasInScope: null,
  };
}

async function entryFor(
  p: Prepared,
  object: SourceObject,
  verdict: ScopeVerdict,
  link: LinkRecord | null,
  claimed: Set<string>,
): Promise<ImpactEntry> {
  const entry = baseEntry(object);
  entry.targetId = link?.targetId ?? null;
  const scope: ScopeState = verdict.inScope ? 'in' : 'out';
  const mapping = object.type === 'User' ? p.mappings.User : p.mappings.Group;
  const situation = situationBeforeMatch(link !== null, scope);
  if (situation === 'deleted' && link) {
    return deprovisionEntry(
      entry,
      decide(decisionFacts(p.decisions, object.type, 'deleted', 'out', link)),
      verdict.detail,
      verdict.message,
    );
  }
  if (!verdict.inScope || !mapping) {
    entry.action = 'outOfScope';
    entry.reason = verdict.detail;
    entry.reasonCode = !mapping
      ? 'Scope.mappingOff'
      : verdict.detail.startsWith('DuplicateSourceEntries')
        ? 'DuplicateSourceEntries'
        : `Scope.${verdict.reason}`;
    entry.reasonParams = detailParams(verdict.detail, verdict.message);
    return entry;
  }
  const source = sourceAttributesFor(object, true);
  try {
    if (link) return await updateEntry(p, entry, mapping, link, source);
    return await createEntry(p, entry, object, mapping, source, claimed);
  } catch (error) {
    const { code, message } = describeError(error);
    entry.error = `${code}: ${message}`;
    entry.reason = `The mapping fails for this object, so the cycle would log a failure: ${message}`;
    entry.reasonCode = 'MappingFails';
    // The failure's own sentence (a mapping's expression problem, a missing required value) keeps
    // its log code beside its English, so the impact view says it in the admin's language.
    entry.reasonParams = { code, message, ...detailParams(message, reasonOf(error)) };
    return entry;
  }
}

function deprovisionEntry(
  entry: ImpactEntry,
  decision: Decision,
  detail: string,
  message?: LogText,
): ImpactEntry {
  if (decision.action === 'disable' || decision.action === 'delete') {
    entry.action = decision.action;
    entry.reason = `${decision.why}: ${detail}`;
    entry.reasonCode = decision.action === 'disable' ? 'Disable' : 'Delete';
    entry.reasonParams = detailParams(detail, message);
    if (decision.action === 'disable')
      entry.changes = [{ attribute: 'active', before: 'true', after: 'false' }];
    return entry;
  }
  entry.action = 'outOfScope';
  entry.reason = `${detail}; ${decision.why}`;
  entry.reasonCode = `Skip.${decision.code ?? 'Skipped'}`;
  entry.reasonParams = detailParams(detail, message);
  return entry;
}

async function updateEntry(
  p: Prepared,
  entry: ImpactEntry,
  mapping: ObjectMapping,
  link: LinkRecord,
  source: Record<string, unknown>,
): Promise<ImpactEntry> {
  const decision = decide(decisionFacts(p.decisions, entry.objectType, 'linked', 'in', link));
  const diff = await diffMappedValues(p.evaluator, attributeMappings(p, mapping), source, link.exported);
  entry.changes = diff.modified.map((m) => ({
    attribute: m.displayName,
    before: m.oldValue,
    after: m.newValue,
  }));
  const enabling =
    (!link.active || isInactive(link.exported['active'])) &&
    diff.changes.some((c) => c.path === 'active' && c.newValue === true);
  if (diff.changes.length === 0) {
    entry.action = 'unchanged';
    if (diff.caseOnly.length > 0) {
      entry.reason = caseOnlyNote(diff.caseOnly);
      entry.reasonCode = 'CaseOnlyDifference';
      entry.reasonParams = { attributes: diff.caseOnly.map((d) => d.path).join(', ') };
    } else {
      entry.reason = 'Every mapped value equals what Roster last sent';
    }
    return entry;
  }
  if (decision.action !== 'update' || !mapping.actions.update) {
    entry.action = 'unchanged';
    entry.reason = `${diff.changes.length} attribute(s) differ, but update is turned off for this object mapping`;
    entry.reasonCode = 'Skip.UpdateDisabled';
    return entry;
  }
  entry.action = enabling ? 'enable' : 'update';
  entry.reason = enabling
    ? 'Back in scope: enable it and send what differs'
    : `${diff.changes.length} attribute(s) differ from what Roster last sent: ${diff.changes.map((c) => c.path).join(', ')}`;
  entry.reasonCode = enabling ? 'Enable' : 'Update';
  entry.reasonParams = {
    count: String(diff.changes.length),
    attributes: diff.changes.map((c) => c.path).join(', '),
  };
  return entry;
}

async function createEntry(
  p: Prepared,
  entry: ImpactEntry,
  object: SourceObject,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
  claimed: Set<string>,
): Promise<ImpactEntry> {
  const lookups = await matchingLookups(p, mapping, source);
  entry.matching = lookups[0] ?? null;
  const hasMatching = mapping.attributeMappings.some((m) => m.matchingPriority > 0);
  if (hasMatching && lookups.length === 0) {
    const decision = decide(decisionFacts(p.decisions, object.type, 'unmatchable', 'in', null));
    entry.action = 'unchanged';
    entry.reason = `${decision.why}; the cycle would skip it`;
    entry.reasonCode = `Skip.${decision.code ?? 'ImportSkipped'}`;
    return entry;
  }
  // Without asking the target, an unlinked object is one the target has not got yet; the cycle
  // links it instead when a target object matches.
  const decision = decide(decisionFacts(p.decisions, object.type, 'unmatched', 'in', null));
  if (decision.action !== 'create') {
    entry.action = 'unchanged';
    entry.reason = decision.why;
    entry.reasonCode = `Skip.${decision.code ?? 'Skipped'}`;
    return entry;
  }
  const { values, modified } = await createValues(p, attributeMappings(p, mapping), source, claimed, null);
  entry.action = 'create';
  entry.changes = modified.map((m) => ({ attribute: m.displayName, before: null, after: m.newValue }));
  const missing = missingRequired(p.targetSchema, object.type, values);
  if (missing.length > 0) {
    entry.error = `MandatoryFieldsMissing: the target requires ${missing.join(', ')}, and the mappings give no value.`;
    entry.reason = `Would be created, but the target requires ${missing.join(', ')} and the mappings give no value: the cycle would log a failure`;
    entry.reasonCode = 'MandatoryFieldsMissing';
    entry.reasonParams = { attributes: missing.join(', ') };
    return entry;
  }
  entry.reason = entry.matching
    ? `Not linked yet: created, unless a target object has ${entry.matching.path} = "${entry.matching.value}" (then it is linked and updated)`
    : 'Not linked yet: created';
  entry.reasonCode = entry.matching ? 'CreateUnlessMatched' : 'Create';
  if (entry.matching) entry.reasonParams = { attribute: entry.matching.path, value: entry.matching.value };
  return entry;
}

function goneEntry(p: Prepared, link: LinkRecord, hasStored: boolean): ImpactEntry {
  const entry = baseEntry({ type: link.objectType, anchor: link.anchor, displayName: link.displayName });
  entry.targetId = link.targetId;
  // Gone from the source is not the change's doing: it leaves scope whatever the configuration.
  entry.wasInScope = hasStored ? false : null;
  const decision = decide(decisionFacts(p.decisions, link.objectType, 'deleted', 'gone', link));
  return deprovisionEntry(entry, decision, 'Gone from the source');
}
