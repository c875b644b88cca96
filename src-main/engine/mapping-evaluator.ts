import {
  decideFlow,
  evaluateExpression,
  parseExpression,
  toTargetValue,
  ExpressionError,
  type EvaluationResult,
  type ExpressionNode,
  type FlowDecision,
  type TargetAttributeType,
  type UniquenessProbe,
} from '@shared/expressions/index';
import type { AttributeMapping } from '@shared/domain/jobs';
import type { LogText } from '@shared/domain/log-messages';
import { expressionErrorDetail, mappingFailure } from '@shared/domain/mapping-failure';
import type { TargetSchemaAttribute, TargetValue } from '@shared/domain/schema';

export type MappingOutcome =
  | { kind: 'send'; value: TargetValue; redacted: boolean }
  | { kind: 'clear'; redacted: boolean }
  | { kind: 'leave' }
  | { kind: 'omit'; useDefault: boolean }
  /** `text`: the reason under its message code (errorMappingFailed), so the log says it in Korean too. */
  | { kind: 'error'; code: string; message: string; text: LogText };

export class MappingEvaluator {
  private readonly trees = new Map<string, ExpressionNode>();

  constructor(private readonly schemaByPath: Map<string, TargetSchemaAttribute>) {}

  schemaFor(path: string): TargetSchemaAttribute | undefined {
    return this.schemaByPath.get(path);
  }

  /**
   * The parsed expression a mapping evaluates, parsed once per text and kept: the cycle's evaluation
   * and what it reads of the source (attributes-read.ts) share the tree. Null for a mapping that reads
   * nothing (None, Constant); throws the parse error of an expression that does not parse.
   */
  treeOf(mapping: AttributeMapping): ExpressionNode | null {
    const text = expressionText(mapping);
    if (text === null) return null;
    let tree = this.trees.get(text);
    if (!tree) {
      tree = parseExpression(text);
      this.trees.set(text, tree);
    }
    return tree;
  }

  /**
   * Evaluates one mapping for one object and decides what flows (expressions.md §4, behaviour §5).
   * Never throws: an expression error becomes an `error` outcome for the log.
   */
  async evaluate(
    mapping: AttributeMapping,
    source: Record<string, unknown>,
    operation: 'create' | 'update',
    isTaken?: UniquenessProbe,
  ): Promise<MappingOutcome> {
    if (mapping.type === 'None')
      return operation === 'create' ? { kind: 'omit', useDefault: true } : { kind: 'leave' };
    let result: EvaluationResult;
    try {
      // A Constant has no tree: its text is its value.
      const tree = this.treeOf(mapping);
      result = tree
        ? await evaluateExpression(tree, { source, ...(isTaken ? { isTaken } : {}) })
        : { value: mapping.source, dropped: false, redacted: false, warnings: [] };
    } catch (error) {
      if (error instanceof ExpressionError)
        return failed(
          'ExpressionEvaluationFailed',
          mappingFailure(mapping.target, error.message, expressionErrorDetail(error)),
        );
      throw error;
    }
    return this.flow(mapping, decideFlow(result, operation), result.redacted);
  }

  private flow(mapping: AttributeMapping, decision: FlowDecision, redacted: boolean): MappingOutcome {
    switch (decision.action) {
      case 'omit':
        return { kind: 'omit', useDefault: decision.useDefault };
      case 'leave':
        return { kind: 'leave' };
      case 'clear':
        return { kind: 'clear', redacted };
      case 'send': {
        const attribute = this.schemaByPath.get(mapping.target);
        const type: TargetAttributeType =
          attribute?.type === 'Binary' || !attribute ? 'String' : attribute.type;
        const converted = toTargetValue(decision.value, type, attribute?.multiValued ?? false);
        if (!converted.ok)
          return failed(converted.code, mappingFailure(mapping.target, converted.message, converted.detail));
        return { kind: 'send', value: toPlain(converted.value), redacted };
      }
    }
  }

  /** A mapping's default, converted to the target type (used only on create, §5.3). */
  defaultValue(mapping: AttributeMapping): TargetValue | null {
    if (mapping.defaultValue === undefined) return null;
    const attribute = this.schemaByPath.get(mapping.target);
    const type: TargetAttributeType = attribute?.type === 'Binary' || !attribute ? 'String' : attribute.type;
    const converted = toTargetValue(mapping.defaultValue, type, attribute?.multiValued ?? false);
    return converted.ok ? toPlain(converted.value) : null;
  }
}

/** The expression a mapping evaluates: a Direct mapping is the expression `[source]`. */
function expressionText(mapping: AttributeMapping): string | null {
  switch (mapping.type) {
    case 'None':
    case 'Constant':
      return null;
    case 'Direct':
      return `[${mapping.source}]`;
    case 'Expression':
      return mapping.source;
  }
}

/** The English stays `<attribute>: <message>` (logs, exports, the CLI); `text` adds its code. */
function failed(code: string, text: LogText): MappingOutcome {
  return { kind: 'error', code, message: text.text, text };
}

type Converted = Extract<ReturnType<typeof toTargetValue>, { ok: true }>['value'];

/** BigInt integers become numbers when exact, digit strings otherwise; role objects become JSON text. */
function toPlain(value: Converted): TargetValue {
  const one = (v: Converted extends (infer U)[] ? U : Converted): string | number | boolean => {
    if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
    if (typeof v === 'object') return JSON.stringify(v);
    return v;
  };
  if (Array.isArray(value)) return value.map((v) => String(one(v)));
  return one(value);
}
