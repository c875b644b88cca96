import type { ConfigProblem } from '@shared/domain/config-problems';
import type { ImpactItem } from '@shared/domain/job-editing';
import { logMessageCodes, type LogMessage } from '@shared/domain/log-messages';
import { diagnosticText } from '../expression-editor/diagnostic-text';
import { scopingProblemText } from '../scoping-problem-text';

/** What the impact view's translations need from vue-i18n (a test passes the real instance). */
export interface ImpactTranslator {
  locale: string;
  t: (key: string, params: Record<string, string>) => string;
  te: (key: string) => boolean;
}

/** The log's translation of a stored sentence, from its code and parameters when it has them. */
export type ImpactLogText = (
  stored: string,
  code?: LogMessage['code'],
  params?: LogMessage['params'],
) => string;

const knownLogCodes = new Set<string>(logMessageCodes);
const isLogCode = (code: string): code is LogMessage['code'] => knownLogCodes.has(code);

/**
 * The `detail` parameter in the admin's language: by its log message code (`detailCode`, with the
 * message's parameters as `detail.<name>`) when the app sent one, else by reading the English.
 */
function detailText(params: Readonly<Record<string, string>>, logText: ImpactLogText): string {
  const stored = params['detail'] ?? '';
  const code = params['detailCode'];
  if (!code || !isLogCode(code)) return logText(stored);
  const values = Object.fromEntries(
    Object.entries(params)
      .filter(([name]) => name.startsWith('detail.'))
      .map(([name, value]) => [name.slice('detail.'.length), value]),
  );
  return logText(stored, code, values);
}

/**
 * Why an object gets its action, in the admin's language: the item's `reasonCode` from
 * `editingCodes.impact`, its `detail` parameter (a scope verdict or a decision, English as the log
 * writes it) through the log's own translation. English, or a code this version does not know,
 * shows the sentence the app sent.
 */
export function impactReasonText(
  item: Pick<ImpactItem, 'reason' | 'reasonCode' | 'reasonParams'>,
  i18n: ImpactTranslator,
  logText: ImpactLogText,
): string {
  if (i18n.locale === 'en') return item.reason;
  const key = item.reasonCode ? `editingCodes.impact.${item.reasonCode}` : '';
  if (!key || !i18n.te(key)) return logText(item.reason);
  const params: Record<string, string> = { ...item.reasonParams };
  if (!params['detail']) return i18n.t(key, params);
  params['detail'] = detailText(params, logText);
  const sentence = i18n.t(key, params);
  // A skipped out-of-scope object reads "<why it is out of scope>; <why it is left as it is>" in
  // English; its Korean sentence says only the second half, so the first is put before it.
  return item.reasonCode?.startsWith('Skip.')
    ? i18n.t('editingCodes.impactSkipDetail', { detail: params['detail'], reason: sentence })
    : sentence;
}

/** A problem that blocks saving, in the admin's language (its English sentence when it has no code). */
export function configProblemText(problem: ConfigProblem, i18n: ImpactTranslator): string {
  if (i18n.locale === 'en' || !problem.code) return problem.message;
  const key = `configProblems.${problem.code}`;
  if (!i18n.te(key)) return problem.message;
  const params: Record<string, string> = { ...problem.params };
  const role = params['role'];
  if (role && i18n.te(`configProblems.roles.${role}`))
    params['role'] = i18n.t(`configProblems.roles.${role}`, {});
  if (problem.code === 'expressionError' && params['text'] !== undefined)
    params['text'] = diagnosticText(params['text'], problem.detail ? { detail: problem.detail } : {}, i18n);
  if (problem.code === 'scopingFilter' && problem.detail)
    params['text'] = scopingProblemText(
      { message: problem.message, messageCode: problem.detail.code, params: problem.detail.params },
      i18n,
    );
  return i18n.t(key, params);
}
