import { parseWithDiagnostics, VIRTUAL_ATTRIBUTES, walk } from '@shared/expressions';
import { closestMatch } from '@shared/expressions/suggest';
import type { ObjectType, SourceSchemaAttribute } from '@shared/domain/schema';

/**
 * Names a mapping may read from a source object of one type: the source's own attributes, plus what
 * the engine adds to every object (`objectId`, the anchor; `IsSoftDeleted`; `appRoleAssignments`) —
 * the same record `sourceAttributesFor` builds in the engine.
 */
export function readableSourceNames(
  attributes: readonly SourceSchemaAttribute[],
  objectType: ObjectType,
): string[] {
  const own = attributes.filter((a) => a.objectType === objectType).map((a) => a.name);
  return [...new Set([...own, 'objectId', ...VIRTUAL_ATTRIBUTES])];
}

export interface UnknownSourceName {
  name: string;
  suggestion?: string;
}

/** One name checked against the source's (case-insensitive, as the engine reads them). */
export function checkSourceName(name: string, known: readonly string[]): UnknownSourceName | null {
  if (name.trim() === '' || known.length === 0) return null;
  const lower = name.toLowerCase();
  if (known.some((k) => k.toLowerCase() === lower)) return null;
  const suggestion = closestMatch(name, known);
  return suggestion ? { name, suggestion } : { name };
}

/** Every `[name]` an expression reads that the source does not have, once each, in reading order. */
export function unknownNamesInExpression(expression: string, known: readonly string[]): UnknownSourceName[] {
  if (known.length === 0) return [];
  const { tree } = parseWithDiagnostics(expression);
  if (!tree) return [];
  const found: UnknownSourceName[] = [];
  const seen = new Set<string>();
  walk(tree, (node) => {
    if (node.kind !== 'attribute' || seen.has(node.name.toLowerCase())) return;
    seen.add(node.name.toLowerCase());
    const unknown = checkSourceName(node.name, known);
    if (unknown) found.push(unknown);
  });
  return found;
}
