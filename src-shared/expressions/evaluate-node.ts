import type { ArgumentNode, CallNode, SlotNode } from './ast';
import { requireScalar, toDateValue, toIntegerValue, toStringValue, type Fail } from './coerce';
import { compareValues } from './compare';
import { getFunctionInfo, parameterAt } from './catalogue';
import { ExpressionEvaluationError } from './errors';
import { said, saidAt, type Said } from './evaluation-messages';
import type { Frame, Runtime } from './functions/frame';
import { getFunctionImpl } from './functions/registry';
import type { SourceReadResult } from './source-values';
import type { DateTimeValue, ScalarValue, Value } from './values';

const ENUMS = new Set(['vbBinaryCompare', 'vbTextCompare']);

/** Reads attributes for one object; errors name the attribute. */
export interface AttributeReader {
  read(name: string): SourceReadResult;
}

export interface NodeEvaluator {
  readonly runtime: Runtime;
  evaluate(node: ArgumentNode): Value;
  frame(call: CallNode): Frame;
}

/** Builds the recursive evaluator for one object. */
export function createNodeEvaluator(runtime: Runtime, attributes: AttributeReader): NodeEvaluator {
  const evaluator: NodeEvaluator = {
    runtime,
    evaluate(node) {
      switch (node.kind) {
        case 'string':
          return node.value;
        case 'integer':
          return node.value;
        case 'attribute': {
          const r = attributes.read(node.name);
          if (!r.ok)
            throw new ExpressionEvaluationError(
              said('evalAttribute', {
                attribute: node.name,
                problemCode: r.problemCode,
                ...('type' in r ? { type: r.type } : {}),
              }),
              { span: node.span },
            );
          return r.value;
        }
        case 'enum':
          if (ENUMS.has(node.name)) return node.name;
          throw new ExpressionEvaluationError(said('evalNotAValue', { name: node.name }), {
            span: node.span,
          });
        case 'comparison': {
          const left = evaluator.evaluate(node.left);
          const right = evaluator.evaluate(node.right);
          return compareValues(node.operator, left, right, (problem) => {
            throw new ExpressionEvaluationError(
              saidAt('evalInComparison', { operator: node.operator }, problem),
              {
                span: node.span,
              },
            );
          });
        }
        case 'call': {
          const impl = getFunctionImpl(node.name);
          if (!impl) {
            throw new ExpressionEvaluationError(said('unknownFunction', { name: node.name }), {
              span: node.nameSpan,
            });
          }
          const frame = evaluator.frame(node);
          if (!impl.lazy) for (let i = 0; i < frame.count; i++) if (frame.filled(i)) frame.value(i);
          return impl.evaluate(frame);
        }
      }
    },
    frame(call) {
      return new CallFrame(call, runtime, evaluator);
    },
  };
  return evaluator;
}

class CallFrame implements Frame {
  private readonly memo = new Map<number, Value>();

  constructor(
    readonly call: CallNode,
    readonly runtime: Runtime,
    private readonly evaluator: NodeEvaluator,
  ) {}

  get count(): number {
    return this.call.args.length;
  }

  private slot(index: number): SlotNode | undefined {
    return this.call.args[index];
  }

  filled(index: number): boolean {
    const s = this.slot(index);
    return s !== undefined && s.kind !== 'empty';
  }

  value(index: number): Value {
    if (this.memo.has(index)) return this.memo.get(index) ?? null;
    const s = this.slot(index);
    const v = s === undefined || s.kind === 'empty' ? null : this.evaluator.evaluate(s);
    this.memo.set(index, v);
    return v;
  }

  private failer(index: number): Fail {
    return (problem) => this.fail(problem, index);
  }

  scalar(index: number): ScalarValue | null {
    return requireScalar(this.value(index), this.failer(index));
  }

  string(index: number): string | null {
    return toStringValue(this.value(index), this.failer(index));
  }

  integer(index: number): bigint | null {
    return toIntegerValue(this.value(index), this.failer(index));
  }

  date(index: number): DateTimeValue | null {
    return toDateValue(this.value(index), this.failer(index));
  }

  fail(problem: Said, index?: number): never {
    const slot = index === undefined ? undefined : this.slot(index);
    const info = getFunctionInfo(this.call.name);
    const param = index === undefined || !info ? undefined : parameterAt(info, index);
    const functionName = this.call.name;
    const placed =
      index === undefined
        ? saidAt('evalInFunction', { functionName }, problem)
        : param
          ? saidAt(
              'evalInNamedArgument',
              { functionName, position: String(index + 1), parameter: param.name },
              problem,
            )
          : saidAt('evalInArgument', { functionName, position: String(index + 1) }, problem);
    throw new ExpressionEvaluationError(placed, {
      span: slot && slot.kind !== 'empty' ? slot.span : this.call.span,
      functionName: this.call.name,
    });
  }
}
