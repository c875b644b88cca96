import { explainScoping, type ScopingExplanation } from '@shared/scoping/index';
import type { ClauseOutcome } from '@shared/scoping/explain';
import type { LogMessageCode, LogText } from '@shared/domain/log-messages';
import type { JobSettings, ObjectMapping } from '@shared/domain/jobs';
import type { SourceObject } from '../connectors/connector';

export type ScopeReason =
  'inScope' | 'notAssigned' | 'filteredOut' | 'disabledInSource' | 'softDeletedInSource';

export interface ScopeVerdict {
  inScope: boolean;
  reason: ScopeReason;
  /** One sentence for the scoping step of the log. */
  detail: string;
  /** The same sentence under a message code, for the log in the admin's language (absent: say `detail`). */
  message?: LogText;
  explanation?: ScopingExplanation;
}

/** The deciding clauses in words that need no translation: `department EQUALS "Sales" → false ("Engineering")`. */
function clauseList(clauses: readonly ClauseOutcome[]): string {
  return clauses
    .map((c) => {
      const value = c.value === undefined ? '' : ` "${c.value}"`;
      const actual = c.actual === undefined || c.actual === null ? '—' : JSON.stringify(c.actual);
      return `${c.attribute} ${c.operator}${value} → ${c.result ? 'true' : 'false'} (${actual})`;
    })
    .join('; ');
}

/**
 * Why the filters left an object out, in the same words, each failing clause after the filter it
 * failed (its number, and its title when it has one): `#2 "Sales only": department EQUALS "Sales"
 * → false ("Engineering")`. The English sentence names the filter too; this is what other
 * languages show of it.
 */
function failedClauseList(explanation: ScopingExplanation): string {
  return explanation.decidingClauses
    .map((c) => {
      const title = explanation.filters[c.filterIndex]?.title;
      return `#${c.filterIndex + 1}${title ? ` "${title}"` : ''}: ${clauseList([c])}`;
    })
    .join('; ');
}

/** A verdict keeps its English sentence as it always read; the code carries it to other languages. */
function verdict(
  inScope: boolean,
  reason: ScopeReason,
  detail: string,
  code: LogMessageCode,
  params: Record<string, string> = {},
  explanation?: ScopingExplanation,
): ScopeVerdict {
  return {
    inScope,
    reason,
    detail,
    message: { code, params, text: detail },
    ...(explanation ? { explanation } : {}),
  };
}

/**
 * The users the `assigned` mode brings in (§2.1): assigned directly, or immediate members of an
 * assigned group — at any depth when expandNestedGroups is on, visiting each group once so that
 * membership cycles are harmless.
 */
export function assignedUserAnchors(
  assignments: { users: readonly string[]; groups: readonly string[] },
  groups: ReadonlyMap<string, SourceObject>,
  users: ReadonlyMap<string, SourceObject>,
  expandNested: boolean,
): Set<string> {
  const result = new Set(assignments.users);
  const visited = new Set<string>();
  const queue = [...assignments.groups];
  while (queue.length > 0) {
    const groupAnchor = queue.shift() as string;
    if (visited.has(groupAnchor)) continue;
    visited.add(groupAnchor);
    for (const member of groups.get(groupAnchor)?.members ?? []) {
      if (users.has(member)) result.add(member);
      else if (expandNested && groups.has(member)) queue.push(member);
    }
  }
  return result;
}

/** The full in-scope test of §2.3 for one object. */
export function scopeObject(
  object: SourceObject,
  mapping: ObjectMapping,
  settings: Pick<JobSettings, 'scope'>,
  assigned: ReadonlySet<string>,
): ScopeVerdict {
  if (settings.scope === 'assigned' && !assigned.has(object.anchor)) {
    return object.type === 'User'
      ? verdict(
          false,
          'notAssigned',
          'Not assigned to the job, directly or through an assigned group',
          'scopeNotAssignedUser',
        )
      : verdict(false, 'notAssigned', 'The group is not assigned to the job', 'scopeNotAssignedGroup');
  }
  // Without scoping filters a verdict says the same for every object of its kind: one shared
  // instance each, not five objects per user (100,000 users: about 35 MB held through the cycle).
  // Verdicts are never changed after they are made.
  if (mapping.scope.filters.length === 0) {
    const key = `${settings.scope}|${object.softDeleted ? 's' : object.disabled ? 'd' : 'i'}`;
    let shared = filterFreeVerdicts.get(key);
    if (!shared) {
      shared = judged(object, settings, explainScoping(mapping.scope.filters, object.attributes));
      if (shared.message) Object.freeze(shared.message);
      Object.freeze(shared);
      filterFreeVerdicts.set(key, shared);
    }
    return shared;
  }
  return judged(object, settings, explainScoping(mapping.scope.filters, object.attributes));
}

/** The verdicts of objects in jobs with no scoping filters, by scope mode and state (at most six). */
const filterFreeVerdicts = new Map<string, ScopeVerdict>();

/** The verdict once the filters were evaluated (`explanation`). */
function judged(
  object: SourceObject,
  settings: Pick<JobSettings, 'scope'>,
  explanation: ScopingExplanation,
): ScopeVerdict {
  if (!explanation.inScope)
    return verdict(
      false,
      'filteredOut',
      explanation.summary,
      'scopeFilteredOut',
      { clauses: failedClauseList(explanation) },
      explanation,
    );
  const clauses = clauseList(explanation.decidingClauses);
  if (object.softDeleted)
    return verdict(
      false,
      'softDeletedInSource',
      'Soft-deleted in the source',
      'scopeSoftDeleted',
      {},
      explanation,
    );
  if (object.disabled)
    return verdict(false, 'disabledInSource', 'Disabled in the source', 'scopeDisabled', {}, explanation);
  const all = settings.scope === 'all';
  const noFilters = explanation.filters.length === 0;
  return verdict(
    true,
    'inScope',
    all ? `In scope (all objects); ${explanation.summary}` : `Assigned; ${explanation.summary}`,
    all
      ? noFilters
        ? 'scopeInAllNoFilters'
        : 'scopeInAll'
      : noFilters
        ? 'scopeInAssignedNoFilters'
        : 'scopeInAssigned',
    { clauses },
    explanation,
  );
}
