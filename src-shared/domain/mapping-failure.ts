import {
  ExpressionEvaluationError,
  ExpressionSyntaxError,
  ExpressionValidationError,
  type ExpressionError,
} from '../expressions/errors';
import type { DiagnosticDetail } from '../expressions/diagnostics';
import { say, type LogMessageParam, type LogText } from './log-messages';

/**
 * Where an expression problem's own code and parameters go among a log message's parameters: the
 * English stays the `problem` parameter (the stored reason is word for word what it always was),
 * `problemCode` is its `expr.<code>` / `regex.<code>`, and each of its parameters is
 * `problem.<name>` (the renderer's log-expression-problem.ts reads them back).
 */
export const PROBLEM_PARAMETER = 'problem';
export const PROBLEM_CODE_PARAMETER = 'problemCode';
export const PROBLEM_PARAMETER_PREFIX = 'problem.';

/**
 * The reason of a mapping that fails for one object (ExpressionEvaluationFailed, a conversion to the
 * target type that fails): `<attribute>: <the expression's English>` under `errorMappingFailed`,
 * with the problem's code when the expression gave one. The expression's English may start with
 * its place ("Line 1, column 7: "), which the app reads back and says in the admin's language.
 */
export function mappingFailure(
  attribute: string,
  problem: string,
  detail: DiagnosticDetail | undefined,
): LogText {
  const params: Record<string, string> = { attribute, [PROBLEM_PARAMETER]: problem };
  if (detail) {
    params[PROBLEM_CODE_PARAMETER] = detail.code;
    for (const [name, value] of Object.entries(detail.params))
      params[`${PROBLEM_PARAMETER_PREFIX}${name}`] = value;
  }
  return say('errorMappingFailed', params);
}

/** The coded problem a `mappingFailure` carries, or undefined when it was stored without one. */
export function problemDetailOf(
  params: Readonly<Record<string, LogMessageParam>>,
): DiagnosticDetail | undefined {
  const code = params[PROBLEM_CODE_PARAMETER];
  if (typeof code !== 'string') return undefined;
  const detailParams: Record<string, string> = {};
  for (const [name, value] of Object.entries(params))
    if (name.startsWith(PROBLEM_PARAMETER_PREFIX) && typeof value !== 'object')
      detailParams[name.slice(PROBLEM_PARAMETER_PREFIX.length)] = String(value);
  return { code, params: detailParams };
}

/** An expression error's words as a code (`expr.<code>`), when the error has one. */
export function expressionErrorDetail(error: ExpressionError): DiagnosticDetail | undefined {
  if (error instanceof ExpressionEvaluationError) return error.detail;
  if (error instanceof ExpressionSyntaxError || error instanceof ExpressionValidationError)
    return error.diagnostics[0]?.detail;
  return undefined;
}
