import type { LogMessageParam } from '@shared/domain/log-messages';
import { PROBLEM_PARAMETER, problemDetailOf } from '@shared/domain/mapping-failure';
import { expressionErrorText } from './expression-editor/error-text';
import type { DiagnosticTranslator } from './expression-editor/diagnostic-text';

/**
 * The `problem` parameter of a log message that carries an expression's own code
 * (`errorMappingFailed`: "displayName: Line 1, column 5: Mid argument 2 (start): …"), in the
 * admin's language: the place from the English, the words from the code. `undefined` when the
 * message carries no such code (its parameters are said as they are); `null` when this version has
 * no text for the code, so the caller keeps the stored English whole rather than mix languages.
 */
export function expressionProblemText(
  params: Readonly<Record<string, LogMessageParam>>,
  i18n: DiagnosticTranslator,
): string | null | undefined {
  const detail = problemDetailOf(params);
  if (!detail) return undefined;
  const english = params[PROBLEM_PARAMETER];
  if (typeof english !== 'string') return null;
  const [group, code] = detail.code.split('.', 2);
  const key =
    group === 'expr' ? `expressionMessages.${code}` : group === 'regex' ? `regexProblems.${code}` : '';
  if (!key || !i18n.te(key)) return null;
  return expressionErrorText(english, detail, i18n);
}
