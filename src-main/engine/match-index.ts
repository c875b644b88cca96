import type { ObjectMapping } from '@shared/domain/jobs';
import type { ObjectType, TargetValue } from '@shared/domain/schema';
import { isConnectorError, type SourceObject } from '../connectors/connector';
import type { CycleContext } from './cycle-context';
import { findMatch, matchingLookups, type MatchResult } from './matching';
import { matchingMappings, targetPaths } from './object-mappings';

/**
 * Matching without a query per object (issue 11). When a phase has many objects to match — an
 * initial cycle above all, where a GET before every create doubled the requests — the target's
 * objects of that type are listed once, page by page, and matched in memory. Only ids and matching
 * values are kept (about 100 bytes per target object); a hit is then read by id for the attributes
 * the adoption compares, so a target with many existing accounts costs one GET per match, as the
 * query did.
 *
 * The per-object query stays where it is better or the only way: a phase with few objects to match
 * (an incremental cycle's new hires), a target larger than the work (the list would cost more
 * requests than the queries), a connector that cannot list, and a list that fails or changed while
 * it was read. A create refused as a duplicate (409) and a create whose answer was lost still query
 * the target live (apply-create.ts), so a stale list never creates a second account.
 */
export interface MatchIndex {
  /** Ids of the target objects whose value at `path` equals `value` (per the attribute's caseExact). */
  lookup(path: string, value: string): readonly string[];
  /** Target objects listed. */
  size: number;
}

/** Below this many objects to match, a query per object costs fewer requests than a list. */
export const minObjectsForList = 50;

/** Values are compared as the target's filter would: exact for caseExact attributes, else folded. */
function normalizer(ctx: CycleContext, path: string): (value: string) => string {
  return ctx.evaluator.schemaFor(path)?.caseExact ? (v) => v : (v) => v.toLowerCase();
}

function valuesOf(value: TargetValue | undefined): string[] {
  if (value === null || value === undefined || value === '') return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/**
 * Lists the target's objects of `type` for matching `toMatch` objects, or returns null (and the
 * phase queries per object) when listing does not pay or is not possible. Each list page counts as
 * one request against `toMatch`: once the pages outnumber the objects, the list is abandoned.
 */
export async function buildMatchIndex(
  ctx: CycleContext,
  type: ObjectType,
  mapping: ObjectMapping,
  toMatch: number,
): Promise<MatchIndex | null> {
  const paths = matchingMappings(mapping).map((m) => m.target);
  if (!ctx.target.listAll || paths.length === 0 || toMatch < minObjectsForList) return null;
  const normalize = new Map(paths.map((path) => [path, normalizer(ctx, path)]));
  const ids = new Map<string, string[]>();
  let size = 0;
  let pages = 0;
  try {
    for await (const page of ctx.target.listAll(type, paths)) {
      if (ctx.signal.aborted) return null;
      pages++;
      // A list of unknown length (LDAP) is judged by the pages read so far.
      const pagesNeeded =
        page.total !== null && page.objects.length > 0 ? Math.ceil(page.total / page.objects.length) : pages;
      if (pagesNeeded > toMatch) return null;
      for (const object of page.objects) {
        size++;
        for (const path of paths) {
          const fold = normalize.get(path) ?? ((v: string) => v);
          for (const value of valuesOf(object.values[path])) {
            const key = `${path}\u0000${fold(value)}`;
            const list = ids.get(key);
            if (list) list.push(object.id);
            else ids.set(key, [object.id]);
          }
        }
      }
    }
  } catch (error) {
    // A list the target refuses or that changed while read: the queries per object decide instead.
    if (isConnectorError(error) && error.errorClass !== 'stopCycle') return null;
    throw error;
  }
  return {
    size,
    lookup: (path, value) => ids.get(`${path}\u0000${(normalize.get(path) ?? ((v) => v))(value)}`) ?? [],
  };
}

/**
 * findMatch (matching.ts) against the index: the same lookups in priority order, the same log
 * details (`userName eq "…"` → `n found`) and descriptions, and the single hit read by id.
 */
export async function findMatchInIndex(
  ctx: CycleContext,
  index: MatchIndex,
  object: SourceObject,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
): Promise<MatchResult> {
  if (matchingMappings(mapping).length === 0) return findMatch(ctx, object, mapping, source);
  const lookups = await matchingLookups(ctx, mapping, source);
  if (lookups.length === 0) return findMatch(ctx, object, mapping, source);
  const details: Record<string, string> = {};
  for (const { path, value } of lookups) {
    const found = index.lookup(path, value);
    details[`${path} eq "${value}"`] = `${found.length} found`;
    if (found.length === 1 && found[0]) {
      try {
        const target = await ctx.target.get(object.type, found[0], targetPaths(ctx, mapping));
        return {
          kind: 'matched',
          object: target,
          description: `Matched the target object ${target.id} on ${path} = "${value}"`,
          details,
        };
      } catch (error) {
        // Deleted since the list was read: ask the target as if there were no list.
        if (isConnectorError(error) && error.errorClass === 'notFound')
          return findMatch(ctx, object, mapping, source);
        throw error;
      }
    }
    if (found.length > 1) {
      return {
        kind: 'disputed',
        description: `${found.length} target objects have ${path} = "${value}"; Roster never picks one itself`,
        details,
      };
    }
  }
  return { kind: 'none', description: 'No target object matches: a new one is created', details };
}
