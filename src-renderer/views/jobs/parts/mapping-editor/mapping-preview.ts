import {
  decideFlow,
  evaluateExpressionSync,
  ExpressionError,
  toTargetValue,
  type EvaluationResult,
  type TargetAttributeType,
  type TargetValueResult,
} from '@shared/expressions';
import type { SourceObjectSample } from '@shared/domain/job-editing';
import type { DiagnosticDetail } from '@shared/expressions/diagnostics';
import { expressionErrorDetail } from '@shared/domain/mapping-failure';
import type { AttributeMapping } from '@shared/domain/jobs';
import type { TargetSchemaAttribute } from '@shared/domain/schema';

/**
 * What one mapping sends for one real source object, worked out exactly as the engine's
 * MappingEvaluator does (src-main/engine/mapping-evaluator.ts): the same source record, the same
 * Direct → `[name]` and Constant → the text, the same flow decision per operation, the same conversion
 * to the target attribute's type. Only SelectUniqueValue differs: the preview cannot ask the target,
 * so no candidate counts as taken.
 */

/** The record expressions read, as `sourceAttributesFor` builds it in the engine. */
export function engineSourceRecord(sample: SourceObjectSample, inScope: boolean): Record<string, unknown> {
  return { objectId: sample.anchor, ...sample.attributes, IsSoftDeleted: !inScope };
}

export type FlowPreview =
  /** The value written, as JSON text (numbers, booleans and lists keep their type). */
  | { kind: 'send'; json: string; redacted: boolean; addOnly: boolean }
  /** Update only: the mapping applies on create only (target-diff.ts skips it). */
  | { kind: 'notApplied' }
  /** Update only, None with a default: the default fills the attribute when the target's is empty. */
  | { kind: 'fillIfEmpty'; defaultJson: string }
  /** Update only: the attribute is cleared in the target. */
  | { kind: 'clear' }
  /** Update only: the target value is left as it is. */
  | { kind: 'leave' }
  /**
   * Create only: nothing is sent; `defaultJson` is the default value sent instead, when there is one;
   * `defaultProblem` why the default cannot be converted (its English and its `expr.convert…` code).
   */
  | { kind: 'omit'; defaultJson: string | null; defaultProblem: ConversionProblem | null }
  /**
   * `detail`: an expression error's or a failed conversion's words as a code, so the dialog says them
   * in the admin's language.
   */
  | { kind: 'error'; code: string; message: string; detail?: DiagnosticDetail };

/** Why a value cannot be converted to the target type: the English and its code. */
export interface ConversionProblem {
  message: string;
  detail: DiagnosticDetail;
}

export interface MappingPreview {
  create: FlowPreview;
  update: FlowPreview;
}

type Converted = Extract<TargetValueResult, { ok: true }>['value'];
type ConvertedScalar = Converted extends (infer U)[] ? U : Converted;

/** The JSON the target receives: BigInt integers become numbers when exact, digit strings otherwise. */
function plain(value: Converted): unknown {
  const one = (v: ConvertedScalar): unknown =>
    typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()) : v;
  return Array.isArray(value) ? value.map(one) : one(value);
}

function targetType(attribute: TargetSchemaAttribute | undefined): TargetAttributeType {
  return attribute?.type === 'Binary' || !attribute ? 'String' : attribute.type;
}

function evaluate(mapping: AttributeMapping, source: Record<string, unknown>): EvaluationResult {
  if (mapping.type === 'Constant')
    return { value: mapping.source, dropped: false, redacted: false, warnings: [] };
  const text = mapping.type === 'Direct' ? `[${mapping.source}]` : mapping.source;
  return evaluateExpressionSync(text, { source, isTaken: () => false });
}

function defaultPreview(
  mapping: AttributeMapping,
  attribute: TargetSchemaAttribute | undefined,
): FlowPreview {
  if (mapping.defaultValue === undefined) return { kind: 'omit', defaultJson: null, defaultProblem: null };
  const converted = toTargetValue(
    mapping.defaultValue,
    targetType(attribute),
    attribute?.multiValued ?? false,
  );
  return converted.ok
    ? { kind: 'omit', defaultJson: JSON.stringify(plain(converted.value)), defaultProblem: null }
    : {
        kind: 'omit',
        defaultJson: null,
        defaultProblem: { message: converted.message, detail: converted.detail },
      };
}

function flow(
  mapping: AttributeMapping,
  result: EvaluationResult,
  operation: 'create' | 'update',
  attribute: TargetSchemaAttribute | undefined,
): FlowPreview {
  const decision = decideFlow(result, operation);
  switch (decision.action) {
    case 'omit':
      return decision.useDefault
        ? defaultPreview(mapping, attribute)
        : { kind: 'omit', defaultJson: null, defaultProblem: null };
    case 'leave':
      return { kind: 'leave' };
    case 'clear':
      return { kind: 'clear' };
    case 'send': {
      const converted = toTargetValue(decision.value, targetType(attribute), attribute?.multiValued ?? false);
      if (!converted.ok)
        return { kind: 'error', code: converted.code, message: converted.message, detail: converted.detail };
      return {
        kind: 'send',
        json: JSON.stringify(plain(converted.value)),
        redacted: result.redacted,
        addOnly: operation === 'update' && mapping.apply === 'MultiValueAddOnly',
      };
    }
  }
}

/** The preview of one mapping for one object, on create and on update. Never throws. */
export function previewMapping(
  mapping: AttributeMapping,
  sample: SourceObjectSample,
  attribute: TargetSchemaAttribute | undefined,
  inScope = true,
): MappingPreview {
  if (mapping.type === 'None') {
    const fallback = defaultPreview(mapping, attribute);
    const update: FlowPreview =
      fallback.kind === 'omit' && fallback.defaultJson !== null
        ? { kind: 'fillIfEmpty', defaultJson: fallback.defaultJson }
        : { kind: 'leave' };
    return { create: fallback, update };
  }
  let result: EvaluationResult;
  try {
    result = evaluate(mapping, engineSourceRecord(sample, inScope));
  } catch (error) {
    if (error instanceof ExpressionError) {
      const detail = expressionErrorDetail(error);
      const failed: FlowPreview = {
        kind: 'error',
        code: 'ExpressionEvaluationFailed',
        message: error.message,
        ...(detail ? { detail } : {}),
      };
      return { create: failed, update: failed };
    }
    throw error;
  }
  return {
    create: flow(mapping, result, 'create', attribute),
    update:
      mapping.apply === 'OnlyOnCreate' ? { kind: 'notApplied' } : flow(mapping, result, 'update', attribute),
  };
}
