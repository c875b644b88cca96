import type { ScopePreviewResult } from '@shared/domain/job-editing';
import type { ObjectType, SourceSchemaAttribute } from '@shared/domain/schema';
import { explainScoping, isInScope, validateFilterList, type ScopingFilter } from '@shared/scoping/index';
import type { ScopingAttributeInfo } from '@shared/scoping/validate';
import type { SourceSnapshot } from './source-snapshots';

export interface ScopePreviewInput {
  objectType: ObjectType;
  filters: ScopingFilter[];
  explainAnchor?: string | undefined;
}

/**
 * A scoping filter's live effect on the source as read (cached): how many objects of the type pass
 * the filters (scoping-filters.md §1: OR across filters, AND within one; no filters lets every object
 * in), and why one chosen object is in or out, clause by clause — the same `explainScoping` the
 * engine writes into the log's scoping step. Assignment and the source's disabled state are the job
 * settings' part; the impact view (jobs.impact) counts those.
 */
export function previewScope(
  snapshot: SourceSnapshot,
  attributes: readonly SourceSchemaAttribute[],
  input: ScopePreviewInput,
): ScopePreviewResult {
  const objects = input.objectType === 'User' ? snapshot.users : snapshot.groups;
  const known: ScopingAttributeInfo[] = attributes
    .filter((a) => a.objectType === input.objectType)
    .map((a) => ({ name: a.name, type: a.type, multiValued: a.multiValued }));
  const problems = validateFilterList(input.filters, { attributes: known }).map((p) => ({
    path: p.path,
    message: p.message,
  }));
  let inScope = 0;
  for (const object of objects.values()) if (isInScope(input.filters, object.attributes)) inScope++;
  const result: ScopePreviewResult = { total: objects.size, inScope, readAt: snapshot.readAt, problems };
  if (input.explainAnchor !== undefined && input.explainAnchor !== '') {
    const object = objects.get(input.explainAnchor);
    if (!object) {
      problems.push({
        path: 'explainAnchor',
        message: `${snapshot.connectionName} has no ${input.objectType === 'User' ? 'user' : 'group'} with the key "${input.explainAnchor}" (as read at ${snapshot.readAt}); search for it again.`,
      });
    } else {
      result.explanation = {
        ...explainScoping(input.filters, object.attributes),
        anchor: object.anchor,
        displayName: object.displayName,
      };
    }
  }
  return result;
}
