import { expressionMessage } from './expression-messages';
import type { SourceSpan } from './source-position';

/** Every problem the language reports before evaluation. A closed union so the UI can key on it. */
export type DiagnosticCode =
  | 'syntax'
  | 'emptyExpression'
  | 'unterminatedString'
  | 'unterminatedAttribute'
  | 'emptyAttribute'
  | 'invalidCharacter'
  | 'invalidInteger'
  | 'integerOutOfRange'
  | 'tooLong'
  | 'tooDeep'
  | 'comparisonAtRoot'
  | 'chainedComparison'
  | 'unknownFunction'
  | 'argumentCount'
  | 'emptyRequiredArgument'
  | 'switchOddArguments'
  | 'rootOnlyFunction'
  | 'invalidRegex'
  | 'unknownCulture'
  | 'replaceMode'
  | 'unknownDateTimeStyle'
  | 'invalidDateFormat'
  | 'invalidLiteralArgument'
  | 'roleArgument'
  | 'roleAttributeMisuse'
  | 'unknownAttribute'
  | 'bareWord'
  | 'placement'
  | 'backslashEscape'
  | 'switchBooleanPitfall'
  /** A bug in Roster, reported as a diagnostic rather than thrown. */
  | 'internal';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Full sentence naming line and column, with a fix where one helps. */
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly end: number;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  /**
   * The message's words as a code with parameters (`expr.<code>` from expression-messages.ts for
   * the lexer's, parser's and checker's sentences; `regex.<RegexProblemCode>` for a regex problem),
   * so the app can say it in the admin's language; `message` is English.
   */
  readonly detail?: DiagnosticDetail;
}

export interface DiagnosticDetail {
  readonly code: string;
  readonly params: Readonly<Record<string, string>>;
}

export function makeDiagnostic(
  code: DiagnosticCode,
  span: SourceSpan,
  text: string,
  severity: Severity = 'error',
  detail?: DiagnosticDetail,
): Diagnostic {
  return {
    message: `Line ${span.line}, column ${span.column}: ${text}`,
    line: span.line,
    column: span.column,
    start: span.start,
    end: span.end,
    severity,
    code,
    ...(detail ? { detail } : {}),
  };
}

/** A diagnostic for an unexpected failure, so that a bug never escapes as a foreign exception. */
export function internalDiagnostic(e: unknown): Diagnostic {
  const said = expressionMessage('internalError', { error: e instanceof Error ? e.message : String(e) });
  return {
    message: `Line 1, column 1: ${said.text}`,
    line: 1,
    column: 1,
    start: 0,
    end: 0,
    severity: 'error',
    code: 'internal',
    detail: said.detail,
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
