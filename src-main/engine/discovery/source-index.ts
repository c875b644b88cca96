import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ObjectMapping } from '@shared/domain/jobs';
import type { ObjectType, TargetValue } from '@shared/domain/schema';
import type { SourceConnector, SourceObject } from '../../connectors/connector';
import type { JobRecord } from '../../store/jobs-repo';
import type { LinkRecord } from '../../store/links-repo';
import type { MappingEvaluator } from '../mapping-evaluator';
import { matchingLookups } from '../matching';
import { matchingMappings, sourceAttributesFor } from '../object-mappings';
import { readWholeSource } from '../on-demand-source';
import { assignedUserAnchors, scopeObject, type ScopeVerdict } from '../scope';

/** What discovery keeps of one source object: enough to classify an account, nothing more. */
export interface SourceEntry {
  type: ObjectType;
  anchor: string;
  displayName: string;
  inScope: boolean;
  /** The scope check's sentence, for out-of-scope objects. */
  scopeDetail: string;
  /** The target id the object is linked to in this job, when it is. */
  linkedTargetId: string | null;
}

/**
 * The job's source objects by their matching values (§4), as a cycle computes them: the same scope
 * verdicts (scope.ts) and the same expressions (matching.ts). An account of the target is then
 * classified by looking its values up here — in memory, with no request per account. Values are
 * folded as the target compares them: exact for caseExact attributes, else lower-cased.
 *
 * Memory: one entry per source object plus one map key per non-empty matching value — the index
 * grows with the source, never with the target.
 */
export class SourceIndex {
  private readonly byValue = new Map<string, SourceEntry[]>();
  size = 0;

  constructor(private readonly evaluator: MappingEvaluator) {}

  fold(path: string, value: string): string {
    return this.evaluator.schemaFor(path)?.caseExact ? value : value.toLowerCase();
  }

  add(entry: SourceEntry, lookups: readonly { path: string; value: string }[]): void {
    this.size++;
    for (const { path, value } of lookups) {
      const key = `${entry.type}\u0000${path}\u0000${this.fold(path, value)}`;
      const list = this.byValue.get(key);
      if (list) list.push(entry);
      else this.byValue.set(key, [entry]);
    }
  }

  /** Source objects whose matching value at `path` equals `value`. */
  lookup(type: ObjectType, path: string, value: string): readonly SourceEntry[] {
    return this.byValue.get(`${type}\u0000${path}\u0000${this.fold(path, value)}`) ?? [];
  }
}

/** A target value as the strings matching compares (multi-valued attributes give several). */
export function matchValuesOf(value: TargetValue | undefined): string[] {
  if (value === null || value === undefined || value === '') return [];
  return Array.isArray(value) ? value.map(String).filter((v) => v !== '') : [String(value)];
}

/**
 * Reads the whole source (never from the watermark, which discovery must not move), scopes every
 * object and indexes its matching values. The source objects themselves are dropped once indexed.
 */
export async function buildSourceIndex(options: {
  source: SourceConnector;
  job: JobRecord;
  mappings: { User: ObjectMapping; Group: ObjectMapping | null };
  evaluator: MappingEvaluator;
  links: readonly LinkRecord[];
  signal: AbortSignal;
}): Promise<SourceIndex> {
  const { job, mappings, evaluator, signal } = options;
  const read = await readWholeSource(options.source, job, mappings.Group !== null, signal);
  const linkedTo = new Map(options.links.map((l) => [`${l.objectType}\u0000${l.anchor}`, l.targetId]));
  const assigned = assignedUserAnchors(
    job.config.assignments,
    read.groups,
    read.users,
    job.config.settings.expandNestedGroups,
  );
  const assignedGroups = new Set(job.config.assignments.groups);
  const index = new SourceIndex(evaluator);
  let seen = 0;
  for (const [type, objects] of [
    ['User', read.users],
    ['Group', read.groups],
  ] as const) {
    const mapping = type === 'User' ? mappings.User : mappings.Group;
    if (!mapping || matchingMappings(mapping).length === 0) continue;
    for (const object of objects.values()) {
      if (++seen % 2000 === 0) {
        await yieldToEventLoop();
        if (signal.aborted) throw signal.reason ?? new Error('cancelled');
      }
      const verdict = scopeObject(
        object,
        mapping,
        job.config.settings,
        type === 'User' ? assigned : assignedGroups,
      );
      index.add(entryOf(object, verdict, linkedTo), await lookupsOf(evaluator, mapping, object, verdict));
    }
  }
  return index;
}

function entryOf(
  object: SourceObject,
  verdict: ScopeVerdict,
  linkedTo: ReadonlyMap<string, string>,
): SourceEntry {
  return {
    type: object.type,
    anchor: object.anchor,
    displayName: object.displayName,
    inScope: verdict.inScope,
    scopeDetail: verdict.detail,
    linkedTargetId: linkedTo.get(`${object.type}\u0000${object.anchor}`) ?? null,
  };
}

/** The object's matching values; an expression that fails for it leaves it unmatchable, as in a cycle. */
async function lookupsOf(
  evaluator: MappingEvaluator,
  mapping: ObjectMapping,
  object: SourceObject,
  verdict: ScopeVerdict,
): Promise<{ path: string; value: string }[]> {
  try {
    return await matchingLookups({ evaluator }, mapping, sourceAttributesFor(object, verdict.inScope));
  } catch {
    return [];
  }
}
