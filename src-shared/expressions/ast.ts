import type { SourceSpan } from './source-position';
import type { ComparisonOperator } from './tokens';

/** `Name(slot, slot, …)`. A function name is case-sensitive; an unknown one is a validation error. */
export interface CallNode {
  readonly kind: 'call';
  readonly name: string;
  readonly span: SourceSpan;
  readonly nameSpan: SourceSpan;
  readonly args: readonly SlotNode[];
}

/** `[name]`: the name exactly as written between the brackets. */
export interface AttributeNode {
  readonly kind: 'attribute';
  readonly name: string;
  readonly span: SourceSpan;
}

export interface StringNode {
  readonly kind: 'string';
  /** The decoded content. */
  readonly value: string;
  readonly span: SourceSpan;
}

export interface IntegerNode {
  readonly kind: 'integer';
  readonly value: bigint;
  /** `&H` literals keep their digits so the formatter writes them back in hex. */
  readonly hexDigits?: string;
  readonly span: SourceSpan;
}

/** A bare word. Only vbBinaryCompare / vbTextCompare as InStr's 4th argument are valid. */
export interface EnumNode {
  readonly kind: 'enum';
  readonly name: string;
  readonly span: SourceSpan;
}

/** `left op right`, allowed only as a whole argument. */
export interface ComparisonNode {
  readonly kind: 'comparison';
  readonly operator: ComparisonOperator;
  readonly left: OperandNode;
  readonly right: OperandNode;
  readonly operatorSpan: SourceSpan;
  readonly span: SourceSpan;
}

/** An omitted argument between commas, as in `Replace([x], , "a+", , "b", , )`. */
export interface EmptySlotNode {
  readonly kind: 'empty';
  readonly span: SourceSpan;
}

export type OperandNode = CallNode | AttributeNode | StringNode | IntegerNode | EnumNode;
export type ArgumentNode = OperandNode | ComparisonNode;
export type SlotNode = ArgumentNode | EmptySlotNode;

/** The root of an expression is always a single operand (expressions.md §2.4). */
export type ExpressionNode = OperandNode;

export type AnyNode = SlotNode;

/** Visits every node depth-first, parents before children. */
export function walk(
  node: AnyNode,
  visit: (node: AnyNode, parent: CallNode | ComparisonNode | null) => void,
): void {
  const stack: [AnyNode, CallNode | ComparisonNode | null][] = [[node, null]];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const [n, parent] = item;
    visit(n, parent);
    if (n.kind === 'call') {
      for (let i = n.args.length - 1; i >= 0; i--) {
        const arg = n.args[i];
        if (arg) stack.push([arg, n]);
      }
    } else if (n.kind === 'comparison') {
      stack.push([n.right, n], [n.left, n]);
    }
  }
}
