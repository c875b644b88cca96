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
import { expressionMessage, type ExpressionMessageCode } from './expression-messages';
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
      diagnostics.push(makeDiagnostic(p.code, span, p.message, p.severity, p.detail));
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

/** What the parser found, as the `found` phrase of a message: its template code and the token. */
function found(token: Token): { foundCode: ExpressionMessageCode; token: string } {
  switch (token.kind) {
    case 'string':
      return {
        foundCode: 'tokenString',
        token: token.text.length > 30 ? token.text.slice(0, 27) + '…"' : token.text,
      };
    case 'attribute':
      return { foundCode: 'tokenAttribute', token: token.text };
    case 'integer':
      return { foundCode: 'tokenNumber', token: token.text };
    default:
      return { foundCode: 'tokenSymbol', token: token.text };
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
      this.fail('emptyExpression', this.index.span(0, this.text.length), 'emptyExpression');
    }
    const root = this.parseOperand(0);
    const next = this.peek();
    if (next?.kind === 'operator') {
      this.fail('comparisonAtRoot', next.span, 'comparisonAtRoot', { operator: next.text });
    }
    if (next) this.fail('syntax', next.span, 'unexpectedAfterEnd', found(next));
    return root;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private fail(
    code: Diagnostic['code'],
    span: SourceSpan,
    message: ExpressionMessageCode,
    params: Record<string, string> = {},
  ): never {
    const said = expressionMessage(message, params);
    this.errors.push(makeDiagnostic(code, span, said.text, 'error', said.detail));
    throw new Stop();
  }

  private endSpan(): SourceSpan {
    return this.index.span(this.text.length, this.text.length);
  }

  private parseOperand(depth: number): OperandNode {
    const token = this.peek();
    if (!token) {
      this.fail('syntax', this.endSpan(), 'valueExpectedAtEnd');
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
        return this.fail('syntax', token.span, 'parenthesesGroup');
      default:
        return this.fail('syntax', token.span, 'valueExpected', found(token));
    }
  }

  private parseCall(depth: number): CallNode {
    const nameToken = this.tokens[this.pos] as Token;
    const open = this.tokens[this.pos + 1] as Token;
    if (depth >= MAX_NESTING_DEPTH) {
      this.fail('tooDeep', nameToken.span, 'tooDeep', { limit: String(MAX_NESTING_DEPTH) });
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
        this.failUnclosed(nameToken, open);
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
        this.failUnclosed(nameToken, open);
      }
      this.fail('syntax', sep.span, 'separatorExpected', { name: nameToken.text, ...found(sep) });
    }
  }

  private failUnclosed(nameToken: Token, open: Token): never {
    return this.fail('syntax', this.endSpan(), 'callNotClosed', {
      name: nameToken.text,
      line: String(open.line),
      column: String(open.column),
    });
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
      this.fail('chainedComparison', after.span, 'chainedComparison');
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
