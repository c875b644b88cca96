import type { DiagnosticCode, DiagnosticDetail } from './diagnostics';
import type { SourceSpan } from './source-position';

export type TokenKind =
  'name' | 'attribute' | 'string' | 'integer' | 'openParen' | 'closeParen' | 'comma' | 'operator' | 'invalid';

export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export interface TokenProblem {
  readonly code: DiagnosticCode;
  readonly message: string;
  /** The message as `expr.<code>` + params (syntax-messages.ts), for the admin's language. */
  readonly detail: DiagnosticDetail;
  readonly severity: 'error' | 'warning';
  /** Where the problem is, when narrower than the token (an escape inside a string). */
  readonly start?: number;
  readonly end?: number;
}

/**
 * One lexical token. Offsets are UTF-16 code units; line and column are 1-based. Whitespace produces no
 * token. Lexing never fails: a bad character becomes an `invalid` token that carries its problem, so an
 * editor can still colour the rest of the line.
 */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly span: SourceSpan;
  /** Decoded value: the string's content, the attribute's name, or the operator. */
  readonly value?: string;
  /** For integers: the value, or undefined when it does not fit in a signed 64-bit integer. */
  readonly integer?: bigint;
  readonly problems?: readonly TokenProblem[];
}
