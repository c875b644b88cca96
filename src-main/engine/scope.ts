import { explainScoping, type ScopingExplanation } from '@shared/scoping/index';
import type { JobSettings, ObjectMapping } from '@shared/domain/jobs';
import type { SourceObject } from '../connectors/connector';

export type ScopeReason =
  'inScope' | 'notAssigned' | 'filteredOut' | 'disabledInSource' | 'softDeletedInSource';

export interface ScopeVerdict {
  inScope: boolean;
  reason: ScopeReason;
  /** One sentence for the scoping step of the log. */
  detail: string;
  explanation?: ScopingExplanation;
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
    return {
      inScope: false,
      reason: 'notAssigned',
      detail:
        object.type === 'User'
          ? 'Not assigned to the job, directly or through an assigned group'
          : 'The group is not assigned to the job',
    };
  }
  const explanation = explainScoping(mapping.scope.filters, object.attributes);
  if (!explanation.inScope)
    return { inScope: false, reason: 'filteredOut', detail: explanation.summary, explanation };
  if (object.softDeleted)
    return {
      inScope: false,
      reason: 'softDeletedInSource',
      detail: 'Soft-deleted in the source',
      explanation,
    };
  if (object.disabled)
    return { inScope: false, reason: 'disabledInSource', detail: 'Disabled in the source', explanation };
  return {
    inScope: true,
    reason: 'inScope',
    detail:
      settings.scope === 'all'
        ? `In scope (all objects); ${explanation.summary}`
        : `Assigned; ${explanation.summary}`,
    explanation,
  };
}
