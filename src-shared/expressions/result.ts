import { scalarToString } from './coerce';
import { parseCDate } from './dates/cdate';
import type { conversionTemplates } from './conversion-templates';
import { formatIsoUtc } from './dates/default-format';
import type { DiagnosticDetail } from './diagnostics';
import type { EvaluationResult } from './evaluate';
import { expressionMessage } from './expression-messages';
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

/** Why a conversion failed: its English (logs, the CLI) and its code with params (`expr.convert…`). */
interface ConversionProblem {
  readonly message: string;
  /** The message as `expr.<code>` + params (conversion-templates.ts), for the app to translate. */
  readonly detail: DiagnosticDetail;
}

/**
 * A converted value. Integers stay BigInt so the JSON writer can print every digit (no float rounding);
 * `multiValued` targets always get a list.
 */
export type TargetValueResult =
  | { readonly ok: true; readonly value: TargetScalar | TargetScalar[] }
  | ({
      readonly ok: false;
      readonly code: 'SchemaPropertyCanOnlyAcceptValue' | 'ExportConversionFailed';
    } & ConversionProblem);

function problem(
  code: keyof typeof conversionTemplates,
  params: Readonly<Record<string, string>> = {},
): ConversionProblem {
  const { text, detail } = expressionMessage(code, params);
  return { message: text, detail };
}

function convertScalar(
  v: ScalarValue,
  type: TargetAttributeType,
): { ok: true; value: TargetScalar } | ({ ok: false } & ConversionProblem) {
  const text = scalarToString(v);
  switch (type) {
    case 'String':
    case 'Reference':
    case 'Complex':
      return { ok: true, value: text };
    case 'Boolean': {
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' };
      return { ok: false, ...problem('convertNotBoolean', { value: text }) };
    }
    case 'Integer': {
      if (typeof v === 'bigint') return { ok: true, value: v };
      if (/^-?[0-9]+$/.test(text)) return { ok: true, value: BigInt(text) };
      return { ok: false, ...problem('convertNotInteger', { value: text }) };
    }
    case 'DateTime': {
      const ticks = typeof v === 'object' ? v.ticks : parseCDate(text);
      if (ticks === undefined) return { ok: false, ...problem('convertNotDate', { value: text }) };
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
  if (value === null) return { ok: false, code: 'ExportConversionFailed', ...problem('convertNoValue') };
  let items: (ScalarValue | ScimRole)[];
  if (typeof value === 'object' && value.kind === 'multi') items = [...value.items];
  else if (typeof value === 'object' && value.kind === 'roleObjects') items = [...value.roles];
  else if (typeof value === 'object' && value.kind === 'roleList') {
    return {
      ok: false,
      code: 'ExportConversionFailed',
      ...problem('convertRoleList'),
    };
  } else items = [value];
  if (!multiValued && items.length > 1) {
    return {
      ok: false,
      code: 'SchemaPropertyCanOnlyAcceptValue',
      ...problem('convertTooManyValues', { count: String(items.length) }),
    };
  }
  const converted: TargetScalar[] = [];
  for (const item of items) {
    if (typeof item === 'object' && 'primary' in item) {
      converted.push(item);
      continue;
    }
    const c = convertScalar(item, type);
    if (!c.ok) return { ok: false, code: 'ExportConversionFailed', message: c.message, detail: c.detail };
    converted.push(c.value);
  }
  return { ok: true, value: multiValued ? converted : (converted[0] as TargetScalar) };
}
