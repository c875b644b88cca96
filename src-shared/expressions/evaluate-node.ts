import type { ArgumentNode, CallNode, SlotNode } from './ast';
import { requireScalar, toDateValue, toIntegerValue, toStringValue, type Fail } from './coerce';
import { compareValues } from './compare';
import { getFunctionInfo, parameterAt } from './catalogue';
import { ExpressionEvaluationError } from './errors';
import type { Frame, Runtime } from './functions/frame';
import { getFunctionImpl } from './functions/registry';
import type { DateTimeValue, ScalarValue, Value } from './values';

const ENUMS = new Set(['vbBinaryCompare', 'vbTextCompare']);

/** Reads attributes for one object; errors name the attribute. */
export interface AttributeReader {
  read(name: string): { ok: true; value: Value } | { ok: false; problem: string };
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
          if (!r.ok) throw new ExpressionEvaluationError(`[${node.name}] ${r.problem}.`, { span: node.span });
          return r.value;
        }
        case 'enum':
          if (ENUMS.has(node.name)) return node.name;
          throw new ExpressionEvaluationError(`"${node.name}" is not a value.`, { span: node.span });
        case 'comparison': {
          const left = evaluator.evaluate(node.left);
          const right = evaluator.evaluate(node.right);
          return compareValues(node.operator, left, right, (m) => {
            throw new ExpressionEvaluationError(`Comparison "${node.operator}": ${m}`, { span: node.span });
          });
        }
        case 'call': {
          const impl = getFunctionImpl(node.name);
          if (!impl) {
            throw new ExpressionEvaluationError(`Unknown function ${node.name}.`, { span: node.nameSpan });
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
    return (message) => this.fail(message, index);
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

  fail(message: string, index?: number): never {
    const slot = index === undefined ? undefined : this.slot(index);
    const info = getFunctionInfo(this.call.name);
    const param = index === undefined || !info ? undefined : parameterAt(info, index);
    const where = index === undefined ? '' : ` argument ${index + 1}${param ? ` (${param.name})` : ''}`;
    throw new ExpressionEvaluationError(`${this.call.name}${where}: ${message}`, {
      span: slot && slot.kind !== 'empty' ? slot.span : this.call.span,
      functionName: this.call.name,
    });
  }
}
