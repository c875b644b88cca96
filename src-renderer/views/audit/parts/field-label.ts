import type { AuditEntry } from '@shared/domain/audit';

/** Looks a message up; null when the catalogue has none (the raw name is shown instead). */
type Lookup = (key: string, params?: Record<string, string>) => string | null;

/**
 * A change's place in words: "SCIM base URL", "Users › mapping userName › Source", "Assigned users".
 * Names the catalogue does not know (a custom attribute, a mapping's target) are shown as they are.
 */
export function fieldLabel(
  segments: readonly string[],
  targetType: AuditEntry['targetType'],
  lookup: Lookup,
): string {
  const [first, second] = segments;
  if (targetType === 'connection' && first === 'settings' && second) {
    const rest = segments.slice(2);
    const head = lookup(`connectionForm.fields.${second}`) ?? second;
    return [head, ...rest].join(' › ');
  }
  if (first === 'secrets' && second) return lookup(`connectionForm.fields.${second}`) ?? second;
  return segments
    .map((segment, index) => {
      const parent = segments[index - 1];
      if (parent === 'attributeMappings') return lookup('auditDiff.mapping', { target: segment }) ?? segment;
      return lookup(`auditDiff.names.${segment}`) ?? segment;
    })
    .filter(
      (segment, index) => !(segments[index] === 'attributeMappings' || segments[index] === 'objectMappings'),
    )
    .join(' › ');
}
