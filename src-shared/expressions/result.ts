import { scalarToString } from './coerce';
import { parseCDate } from './dates/cdate';
import { formatIsoUtc } from './dates/default-format';
import type { EvaluationResult } from './evaluate';
import type { TargetAttributeType } from './validate';
import type { RoleAssignment, ScalarValue, ScimRole, Value } from './values';

/** What `roster expr` prints: a string, a list of strings, role objects, or null (expressions.md §9). */
export type JsonResult = string | string[] | ScimRole[] | RoleAssignment[] | null;

/** The JSON form of a result: the string form of a single value, a list for lists, null for null/dropped. */
export function toJsonResult(result: EvaluationResult | Value): JsonResult {
  const value = isEvaluationResult(result) ? result.value : result;
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'bigint') return scalarToString(value);
  switch (value.kind) {
    case 'datetime':
      return scalarToString(value);
    case 'multi':
      return value.items.map(scalarToString);
    case 'roleObjects':
      return value.roles.map((r) => ({ ...r }));
    case 'roleList':
      return value.roles.map((r) => ({ ...r }));
  }
}

function isEvaluationResult(v: EvaluationResult | Value): v is EvaluationResult {
  return typeof v === 'object' && v !== null && 'dropped' in v && 'warnings' in v;
}

/** What one mapping does to the target attribute for one object (expressions.md §4). */
export type FlowDecision =
  /** Leave the attribute out of the create request; send the mapping's default if `useDefault` and one exists. */
  | { readonly action: 'omit'; readonly useDefault: boolean }
  /** Update: leave the target attribute as it is. */
  | { readonly action: 'leave' }
  /** Update with "": remove the target value, if it has one (Roster decision). */
  | { readonly action: 'clear' }
  /** Convert (toTargetValue) and send — on update only if it differs from the current target value. */
  | { readonly action: 'send'; readonly value: Value };

export function decideFlow(result: EvaluationResult, operation: 'create' | 'update'): FlowDecision {
  const { value } = result;
  if (result.dropped)
    return operation === 'create' ? { action: 'omit', useDefault: false } : { action: 'leave' };
  if (value === null)
    return operation === 'create' ? { action: 'omit', useDefault: true } : { action: 'leave' };
  if (value === '')
    return operation === 'create' ? { action: 'omit', useDefault: false } : { action: 'clear' };
  return { action: 'send', value };
}

export type TargetScalar = string | boolean | bigint | ScimRole;

/**
 * A converted value. Integers stay BigInt so the JSON writer can print every digit (no float rounding);
 * `multiValued` targets always get a list.
 */
export type TargetValueResult =
  | { readonly ok: true; readonly value: TargetScalar | TargetScalar[] }
  | {
      readonly ok: false;
      readonly code: 'SchemaPropertyCanOnlyAcceptValue' | 'ExportConversionFailed';
      readonly message: string;
    };

function convertScalar(
  v: ScalarValue,
  type: TargetAttributeType,
): { ok: true; value: TargetScalar } | { ok: false; message: string } {
  const text = scalarToString(v);
  switch (type) {
    case 'String':
    case 'Reference':
    case 'Complex':
      return { ok: true, value: text };
    case 'Boolean': {
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' };
      return { ok: false, message: `"${text}" is not "True" or "False".` };
    }
    case 'Integer': {
      if (typeof v === 'bigint') return { ok: true, value: v };
      if (/^-?[0-9]+$/.test(text)) return { ok: true, value: BigInt(text) };
      return { ok: false, message: `"${text}" is not an integer.` };
    }
    case 'DateTime': {
      const ticks = typeof v === 'object' ? v.ticks : parseCDate(text);
      if (ticks === undefined) return { ok: false, message: `"${text}" is not a date.` };
      return { ok: true, value: formatIsoUtc(ticks) };
    }
  }
}

/** Converts a result to the target attribute's type (expressions.md §4, "Conversion to the target type"). */
export function toTargetValue(
  value: Value,
  type: TargetAttributeType,
  multiValued: boolean,
): TargetValueResult {
  if (value === null)
    return { ok: false, code: 'ExportConversionFailed', message: 'There is no value to convert.' };
  let items: (ScalarValue | ScimRole)[];
  if (typeof value === 'object' && value.kind === 'multi') items = [...value.items];
  else if (typeof value === 'object' && value.kind === 'roleObjects') items = [...value.roles];
  else if (typeof value === 'object' && value.kind === 'roleList') {
    return {
      ok: false,
      code: 'ExportConversionFailed',
      message: 'The app role list must go through a role function.',
    };
  } else items = [value];
  if (!multiValued && items.length > 1) {
    return {
      ok: false,
      code: 'SchemaPropertyCanOnlyAcceptValue',
      message: `The expression gave ${items.length} values but the target attribute holds one.`,
    };
  }
  const converted: TargetScalar[] = [];
  for (const item of items) {
    if (typeof item === 'object' && 'primary' in item) {
      converted.push(item);
      continue;
    }
    const c = convertScalar(item, type);
    if (!c.ok) return { ok: false, code: 'ExportConversionFailed', message: c.message };
    converted.push(c.value);
  }
  return { ok: true, value: multiValued ? converted : (converted[0] as TargetScalar) };
}
