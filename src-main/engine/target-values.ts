import type { TargetSchemaAttribute, TargetValue } from '@shared/domain/schema';

/** Target values as text for the log and plans: multi-valued as JSON array text (§14.1). */
export function displayValue(value: TargetValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

function normaliseScalar(value: string | number | boolean, caseExact: boolean): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  // "True"/"False" strings from lenient servers compare equal to booleans.
  if (/^(true|false)$/i.test(text)) return text.toLowerCase();
  return caseExact ? text : text.toLowerCase();
}

/**
 * §5.6: strings compare case-insensitively unless the schema marks them caseExact; multi-valued
 * attributes compare as sets; an absent value equals an empty one.
 */
export function sameTargetValue(
  current: TargetValue | undefined,
  desired: TargetValue,
  attribute: Pick<TargetSchemaAttribute, 'caseExact'> | undefined,
): boolean {
  const caseExact = attribute?.caseExact ?? false;
  const empty = (v: TargetValue | undefined) =>
    v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  if (empty(current) || empty(desired)) return empty(current) && empty(desired);
  const asSet = (v: TargetValue | undefined) =>
    new Set(
      (Array.isArray(v) ? v : [v])
        .filter((x): x is string | number | boolean => x !== null && x !== undefined)
        .map((x) => normaliseScalar(x, caseExact)),
    );
  const a = asSet(current);
  const b = asSet(desired);
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** MultiValueAddOnly: the values of `desired` the target lacks (nothing is ever removed). */
export function missingValues(
  current: TargetValue | undefined,
  desired: TargetValue,
  caseExact: boolean,
): string[] {
  const have = new Set(
    (Array.isArray(current) ? current : current === null || current === undefined ? [] : [current]).map((v) =>
      normaliseScalar(v, caseExact),
    ),
  );
  return (Array.isArray(desired) ? desired : desired === null ? [] : [desired])
    .map(String)
    .filter((v) => !have.has(normaliseScalar(v, caseExact)));
}
