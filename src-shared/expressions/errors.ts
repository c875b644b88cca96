import type { Diagnostic, DiagnosticCode, DiagnosticDetail } from './diagnostics';
import type { Said } from './evaluation-messages';
import type { SourceSpan } from './source-position';

/**
 * The only errors parse, validate and evaluate ever throw. Callers can rely on `instanceof ExpressionError`
 * to tell a bad expression or bad data from a bug.
 */
export class ExpressionError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly start: number | undefined;
  readonly end: number | undefined;

  constructor(message: string, span?: SourceSpan) {
    super(message);
    this.name = 'ExpressionError';
    this.line = span?.line;
    this.column = span?.column;
    this.start = span?.start;
    this.end = span?.end;
  }
}

/** The text is not a well-formed expression. `diagnostics` holds every syntax problem found. */
export class ExpressionSyntaxError extends ExpressionError {
  readonly code: DiagnosticCode;
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    super(first?.message ?? 'The expression is not valid.', first && spanOf(first));
    this.name = 'ExpressionSyntaxError';
    this.code = first?.code ?? 'syntax';
    this.diagnostics = diagnostics;
  }
}

/** The expression parses but breaks a rule checked before evaluation (unknown function, argument count…). */
export class ExpressionValidationError extends ExpressionError {
  readonly code: DiagnosticCode;
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    super(first?.message ?? 'The expression is not valid.', first && spanOf(first));
    this.name = 'ExpressionValidationError';
    this.code = first?.code ?? 'syntax';
    this.diagnostics = diagnostics;
  }
}

/** Log codes from expressions.md §2.5: the object's action fails and the object goes into escrow. */
export type EvaluationErrorCode = 'ExpressionEvaluationFailed' | 'EntryConflict';

/** Evaluating against one object failed (bad date, non-integer, multi-valued value, no unique value…). */
export class ExpressionEvaluationError extends ExpressionError {
  readonly code: EvaluationErrorCode;
  /** The function whose evaluation failed, when one did. */
  readonly functionName: string | undefined;
  /**
   * The message's words (after "Line 3, column 12: ") as `expr.<code>` + params
   * (evaluation-templates.ts), so the app can say them in the admin's language; `message` is English.
   */
  readonly detail: DiagnosticDetail;

  constructor(
    said: Said,
    options: { span?: SourceSpan; code?: EvaluationErrorCode; functionName?: string } = {},
  ) {
    const where = options.span ? `Line ${options.span.line}, column ${options.span.column}: ` : '';
    super(where + said.text, options.span);
    this.name = 'ExpressionEvaluationError';
    this.code = options.code ?? 'ExpressionEvaluationFailed';
    this.functionName = options.functionName;
    this.detail = said.detail;
  }
}

function spanOf(d: Diagnostic): SourceSpan {
  return { start: d.start, end: d.end, line: d.line, column: d.column, endLine: d.line, endColumn: d.column };
}
