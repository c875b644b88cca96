import { parseIntegerText, scalarToString, requireScalar, type Fail } from './coerce';
import type { ComparisonOperator } from './tokens';
import { bool, type ScalarValue, type Value } from './values';

function asInteger(v: ScalarValue): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'string') return parseIntegerText(v);
  return undefined;
}

function ordinal(a: string, b: string): number {
  // JS string comparison is by UTF-16 code unit, which is .NET's ordinal comparison.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * expressions.md §3.4: = and <> compare string forms ordinally; <, <=, >, >= compare numerically when both
 * sides are integers or integer strings, otherwise ordinally. Null compares as "".
 */
export function compareValues(op: ComparisonOperator, left: Value, right: Value, fail: Fail): string {
  const a = requireScalar(left, fail) ?? '';
  const b = requireScalar(right, fail) ?? '';
  if (op === '=' || op === '<>') {
    const equal = scalarToString(a) === scalarToString(b);
    return bool(op === '=' ? equal : !equal);
  }
  const ia = asInteger(a);
  const ib = asInteger(b);
  const order =
    ia !== undefined && ib !== undefined
      ? ia < ib
        ? -1
        : ia > ib
          ? 1
          : 0
      : ordinal(scalarToString(a), scalarToString(b));
  switch (op) {
    case '<':
      return bool(order < 0);
    case '<=':
      return bool(order <= 0);
    case '>':
      return bool(order > 0);
    case '>=':
      return bool(order >= 0);
  }
}
