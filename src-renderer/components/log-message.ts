import { useI18n } from 'vue-i18n';
import { parseEnglish, type LogMessage, type LogMessageParam } from '@shared/domain/log-messages';
import { PROBLEM_PARAMETER } from '@shared/domain/mapping-failure';
import { expressionProblemText } from './log-expression-problem';

/** What a translation needs from vue-i18n (a test passes the real instance). */
export interface Translator {
  locale: string;
  t: (key: string, params: Record<string, string | number>) => string;
  te: (key: string) => boolean;
}

/**
 * A message in the admin's language, nested message parameters translated too, and an expression's
 * problem from its own code (log-expression-problem.ts); '' when any part has no text here.
 */
export function translateMessage(message: LogMessage, i18n: Translator): string {
  const key = `logMessages.${message.code}`;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params)) params[name] = paramText(value, i18n);
  const problem = expressionProblemText(message.params, i18n);
  if (problem === null) return '';
  if (problem !== undefined) params[PROBLEM_PARAMETER] = problem;
  return i18n.te(key) ? i18n.t(key, params) : '';
}

function paramText(value: LogMessageParam, i18n: Translator): string | number {
  return typeof value === 'object' ? translateMessage(value, i18n) : value;
}

/**
 * A stored log sentence for the screen. The log keeps English (exports, the CLI) and, since issue
 * 10, the sentence's code: English is shown as stored; other languages are translated from the
 * code. Entries written before codes existed, and a target's own error text, stay in English.
 * Steps that carry their code in `details.messageCode` (job editing, account discovery) are
 * translated from `editingCodes.log` with the details as parameters; English kept without a code
 * (plan notes) is matched against the templates.
 */
export function logText(
  stored: string,
  code: LogMessage['code'] | undefined,
  params: LogMessage['params'] | undefined,
  i18n: Translator,
  details?: Record<string, string>,
): string {
  if (i18n.locale === 'en') return stored;
  if (code) return translateMessage({ code, params: params ?? {} }, i18n) || stored;
  const detailCode = details?.['messageCode'];
  if (detailCode && i18n.te(`editingCodes.log.${detailCode}`))
    return i18n.t(`editingCodes.log.${detailCode}`, details);
  // Text kept without its code (plan notes, entries from before codes) is read back when a
  // template fits it exactly.
  const parsed = parseEnglish(stored);
  return parsed ? translateMessage(parsed, i18n) || stored : stored;
}

/** `logText` bound to the current language, for templates and render functions. */
export function useLogText(): (
  stored: string,
  code?: LogMessage['code'],
  params?: LogMessage['params'],
  details?: Record<string, string>,
) => string {
  const i18n = useI18n();
  return (stored, code, params, details) =>
    logText(
      stored,
      code,
      params,
      { locale: i18n.locale.value, t: (key, p) => i18n.t(key, p), te: (key) => i18n.te(key) },
      details,
    );
}
