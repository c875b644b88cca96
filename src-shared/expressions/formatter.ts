import type { ExpressionNode, SlotNode } from './ast';
import { internalDiagnostic } from './diagnostics';
import { ExpressionSyntaxError } from './errors';
import { parseExpression } from './parser';

export interface FormatOptions {
  /** A call whose one-line form is longer than this is broken into one argument per line. Default 100. */
  readonly maxWidth?: number;
  /** Default four spaces. */
  readonly indent?: string;
}

/** Writes a string literal so that it reads back to exactly `value`. */
export function quoteString(value: string): string {
  return '"' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

function flat(node: SlotNode): string {
  switch (node.kind) {
    case 'empty':
      return '';
    case 'attribute':
      return `[${node.name}]`;
    case 'string':
      return quoteString(node.value);
    case 'integer':
      return node.hexDigits !== undefined ? `&H${node.hexDigits.toUpperCase()}` : node.value.toString();
    case 'enum':
      return node.name;
    case 'comparison':
      return `${flat(node.left)} ${node.operator} ${flat(node.right)}`;
    case 'call':
      return `${node.name}(${node.args.map(flat).join(', ').replace(/ +$/, '')})`;
  }
}

function pretty(node: SlotNode, level: number, opts: Required<FormatOptions>): string {
  const one = flat(node);
  const pad = opts.indent.repeat(level);
  if (pad.length + one.length <= opts.maxWidth) return one;
  if (node.kind === 'comparison') {
    return `${pretty(node.left, level, opts)} ${node.operator} ${pretty(node.right, level, opts)}`;
  }
  if (node.kind !== 'call' || node.args.length === 0) return one;
  const inner = opts.indent.repeat(level + 1);
  const lines = node.args.map((arg: SlotNode) =>
    arg.kind === 'empty' ? '' : inner + pretty(arg, level + 1, opts),
  );
  return `${node.name}(\n${lines.join(',\n')}\n${pad})`;
}

/**
 * Canonical text of an expression: one space after each comma, spaces around comparisons, strings with
 * `\\` and `\"` escapes, hex literals upper-case, and long calls broken one argument per line.
 * format(format(x)) === format(x) for every x that parses. Throws ExpressionSyntaxError for text that does
 * not parse.
 */
export function formatExpression(input: string | ExpressionNode, options: FormatOptions = {}): string {
  const tree = typeof input === 'string' ? parseExpression(input) : input;
  const opts: Required<FormatOptions> = {
    maxWidth: options.maxWidth ?? 100,
    indent: options.indent ?? '    ',
  };
  try {
    return pretty(tree, 0, opts);
  } catch (e) {
    // Only a hand-built tree deeper than the parser allows can get here (stack overflow).
    throw new ExpressionSyntaxError([internalDiagnostic(e)]);
  }
}
