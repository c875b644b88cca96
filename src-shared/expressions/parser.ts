import type {
  ArgumentNode,
  CallNode,
  ComparisonNode,
  EmptySlotNode,
  ExpressionNode,
  OperandNode,
  SlotNode,
} from './ast';
import { internalDiagnostic, makeDiagnostic, type Diagnostic } from './diagnostics';
import { ExpressionSyntaxError } from './errors';
import { tokenize } from './lexer';
import { LineIndex, type SourceSpan } from './source-position';
import type { ComparisonOperator, Token } from './tokens';

/** Deeper nesting than any real mapping; the limit keeps every recursive walk far from the stack limit. */
export const MAX_NESTING_DEPTH = 100;

export interface ParseOutcome {
  /** The tree, or null when there are syntax errors. */
  readonly tree: ExpressionNode | null;
  /** Syntax errors, and warnings the lexer found (such as a lone backslash in a string). */
  readonly diagnostics: readonly Diagnostic[];
  readonly tokens: readonly Token[];
}

class Stop extends Error {}

/** Parses without throwing: the caller gets the tree or the syntax diagnostics. */
export function parseWithDiagnostics(text: string): ParseOutcome {
  const tokens = tokenize(text);
  const index = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  let lexicalErrors = false;
  for (const token of tokens) {
    for (const p of token.problems ?? []) {
      const span = p.start !== undefined && p.end !== undefined ? index.span(p.start, p.end) : token.span;
      diagnostics.push(makeDiagnostic(p.code, span, p.message, p.severity));
      if (p.severity === 'error') lexicalErrors = true;
    }
  }
  if (lexicalErrors) return { tree: null, diagnostics, tokens };
  const parser = new Parser(text, tokens, index);
  try {
    const tree = parser.parseRoot();
    return { tree, diagnostics, tokens };
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    diagnostics.push(...parser.errors);
    return { tree: null, diagnostics, tokens };
  }
}

/**
 * Parses an expression into its syntax tree. Throws ExpressionSyntaxError (carrying every syntax diagnostic)
 * when the text is not well formed. Unknown functions, argument counts and the like are not syntax: see
 * validateExpression.
 */
export function parseExpression(text: string): ExpressionNode {
  let outcome: ParseOutcome;
  try {
    outcome = parseWithDiagnostics(text);
  } catch (e) {
    throw new ExpressionSyntaxError([internalDiagnostic(e)]);
  }
  if (!outcome.tree) {
    throw new ExpressionSyntaxError(outcome.diagnostics.filter((d) => d.severity === 'error'));
  }
  return outcome.tree;
}

function describe(token: Token | undefined): string {
  if (!token) return 'the end of the expression';
  switch (token.kind) {
    case 'openParen':
      return '"("';
    case 'closeParen':
      return '")"';
    case 'comma':
      return '","';
    case 'operator':
      return `"${token.text}"`;
    case 'string':
      return `the string ${token.text.length > 30 ? token.text.slice(0, 27) + '…"' : token.text}`;
    case 'attribute':
      return `the attribute ${token.text}`;
    case 'integer':
      return `the number ${token.text}`;
    case 'name':
      return `"${token.text}"`;
    default:
      return `"${token.text}"`;
  }
}

class Parser {
  private pos = 0;
  readonly errors: Diagnostic[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly index: LineIndex,
  ) {}

  parseRoot(): ExpressionNode {
    if (this.tokens.length === 0) {
      this.fail('emptyExpression', this.index.span(0, this.text.length), 'The expression is empty.');
    }
    const root = this.parseOperand(0);
    const next = this.peek();
    if (next?.kind === 'operator') {
      this.fail(
        'comparisonAtRoot',
        next.span,
        `A comparison cannot be the whole expression; wrap it, for example CBool(a ${next.text} b) or IIF(a ${next.text} b, "yes", "no").`,
      );
    }
    if (next) {
      this.fail('syntax', next.span, `Unexpected ${describe(next)} after the end of the expression.`);
    }
    return root;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private fail(code: Diagnostic['code'], span: SourceSpan, message: string): never {
    this.errors.push(makeDiagnostic(code, span, message));
    throw new Stop();
  }

  private endSpan(): SourceSpan {
    return this.index.span(this.text.length, this.text.length);
  }

  private parseOperand(depth: number): OperandNode {
    const token = this.peek();
    if (!token) {
      this.fail(
        'syntax',
        this.endSpan(),
        'Expected a value (a function call, [attribute], "string" or number) but the expression ended.',
      );
    }
    switch (token.kind) {
      case 'name': {
        if (this.peek(1)?.kind === 'openParen') return this.parseCall(depth);
        this.pos++;
        return { kind: 'enum', name: token.text, span: token.span };
      }
      case 'attribute':
        this.pos++;
        return { kind: 'attribute', name: token.value ?? '', span: token.span };
      case 'string':
        this.pos++;
        return { kind: 'string', value: token.value ?? '', span: token.span };
      case 'integer': {
        this.pos++;
        const hex = token.text.startsWith('&');
        return {
          kind: 'integer',
          value: token.integer ?? 0n,
          span: token.span,
          ...(hex ? { hexDigits: token.text.slice(2) } : {}),
        };
      }
      case 'openParen':
        return this.fail(
          'syntax',
          token.span,
          'Parentheses cannot group values; they only follow a function name.',
        );
      default:
        return this.fail(
          'syntax',
          token.span,
          `Expected a value (a function call, [attribute], "string" or number) but found ${describe(token)}.`,
        );
    }
  }

  private parseCall(depth: number): CallNode {
    const nameToken = this.tokens[this.pos] as Token;
    const open = this.tokens[this.pos + 1] as Token;
    if (depth >= MAX_NESTING_DEPTH) {
      this.fail(
        'tooDeep',
        nameToken.span,
        `Function calls are nested more than ${MAX_NESTING_DEPTH} levels deep.`,
      );
    }
    this.pos += 2;
    const args: SlotNode[] = [];
    if (this.peek()?.kind === 'closeParen') {
      const close = this.tokens[this.pos++] as Token;
      return this.callNode(nameToken, close, args);
    }
    let slotStart = open.end;
    for (;;) {
      const next = this.peek();
      if (!next) {
        this.fail(
          'syntax',
          this.endSpan(),
          `The call to ${nameToken.text}( opened at line ${open.line}, column ${open.column} has no closing ")".`,
        );
      }
      if (next.kind === 'comma' || next.kind === 'closeParen') {
        const empty: EmptySlotNode = { kind: 'empty', span: this.index.span(slotStart, next.start) };
        args.push(empty);
      } else {
        args.push(this.parseArgument(depth));
      }
      const sep = this.peek();
      if (sep?.kind === 'comma') {
        this.pos++;
        slotStart = sep.end;
        continue;
      }
      if (sep?.kind === 'closeParen') {
        this.pos++;
        return this.callNode(nameToken, sep, args);
      }
      if (!sep) {
        this.fail(
          'syntax',
          this.endSpan(),
          `The call to ${nameToken.text}( opened at line ${open.line}, column ${open.column} has no closing ")".`,
        );
      }
      this.fail(
        'syntax',
        sep.span,
        `Expected "," or ")" in the call to ${nameToken.text} but found ${describe(sep)}.`,
      );
    }
  }

  private callNode(nameToken: Token, close: Token, args: SlotNode[]): CallNode {
    return {
      kind: 'call',
      name: nameToken.text,
      nameSpan: nameToken.span,
      span: this.index.span(nameToken.start, close.end),
      args,
    };
  }

  private parseArgument(depth: number): ArgumentNode {
    const left = this.parseOperand(depth + 1);
    const op = this.peek();
    if (op?.kind !== 'operator') return left;
    this.pos++;
    const right = this.parseOperand(depth + 1);
    const after = this.peek();
    if (after?.kind === 'operator') {
      this.fail(
        'chainedComparison',
        after.span,
        'Comparisons cannot be chained; compare two values per argument and nest IIF calls for more.',
      );
    }
    const node: ComparisonNode = {
      kind: 'comparison',
      operator: op.text as ComparisonOperator,
      left,
      right,
      operatorSpan: op.span,
      span: this.index.span(left.span.start, right.span.end),
    };
    return node;
  }
}
