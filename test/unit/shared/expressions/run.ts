import {
  evaluateExpressionSync,
  toJsonResult,
  validateExpression,
  type Diagnostic,
  type EvaluationContext,
  type JsonResult,
} from '../../../../src-shared/expressions';

/** Evaluates an expression for one source object and returns what `roster expr` would print. */
export function run(
  expression: string,
  source: Record<string, unknown> = {},
  context: Partial<EvaluationContext> = {},
): JsonResult {
  return toJsonResult(evaluateExpressionSync(expression, { source, ...context }));
}

/** The error diagnostics of validating an expression (warnings left out). */
export function errorsOf(expression: string): Diagnostic[] {
  return validateExpression(expression).filter((d) => d.severity === 'error');
}
