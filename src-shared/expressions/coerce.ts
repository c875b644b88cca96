import { parseCDate } from './dates/cdate';
import { formatDefaultDate } from './dates/default-format';
import { said, type Said } from './evaluation-messages';
import { dateTime, type DateTimeValue, type ScalarValue, type Value } from './values';

/** Fails the evaluation with a problem the caller places (argument, comparison). */
export type Fail = (problem: Said) => never;

const INTEGER_TEXT = /^-?[0-9]+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The single value of v, or a failure naming what was found instead (expressions.md §3.7). */
export function requireScalar(v: Value, fail: Fail): ScalarValue | null {
  if (v === null || typeof v === 'string' || typeof v === 'bigint') return v;
  if (v.kind === 'datetime') return v;
  if (v.kind === 'multi') return fail(said('evalMultiValued', { count: String(v.items.length) }));
  if (v.kind === 'roleList' && v.roles.length === 0) return null;
  return fail(
    said('evalRoleValue', { kindCode: v.kind === 'roleList' ? 'evalKindRoleList' : 'evalKindRoleObjects' }),
  );
}

/** The string form of one value (expressions.md §3.3). */
export function scalarToString(v: ScalarValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  return formatDefaultDate(v.ticks);
}

export function toStringValue(v: Value, fail: Fail): string | null {
  const s = requireScalar(v, fail);
  return s === null ? null : scalarToString(s);
}

/** An Integer, or a string of decimal digits with an optional "-" and no whitespace. */
export function parseIntegerText(text: string): bigint | undefined {
  if (!INTEGER_TEXT.test(text)) return undefined;
  const n = BigInt(text);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

export function toIntegerValue(v: Value, fail: Fail): bigint | null {
  const s = requireScalar(v, fail);
  if (s === null || typeof s === 'bigint') return s;
  if (typeof s === 'string') {
    const n = parseIntegerText(s);
    if (n !== undefined) return n;
    return fail(said('evalNotAnInteger', { value: clip(s) }));
  }
  return fail(said('evalDateNotInteger'));
}

export function toDateValue(v: Value, fail: Fail): DateTimeValue | null {
  const s = requireScalar(v, fail);
  if (s === null) return null;
  if (typeof s === 'object') return s;
  if (typeof s === 'bigint') return fail(said('evalIntegerNotDate', { value: s.toString() }));
  const ticks = parseCDate(s);
  if (ticks === undefined) {
    return fail(said('evalNotADate', { value: clip(s) }));
  }
  return dateTime(ticks);
}

/** IIF and Not: true only for a string form equal to "True" ignoring case (expressions.md §3.2). */
export function isTrue(v: Value, fail: Fail): boolean {
  const s = toStringValue(v, fail);
  return s !== null && s.toLowerCase() === 'true';
}

/** Shortens long values in messages: a message should point at the data, not repeat all of it. */
export function clip(text: string, max = 60): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
