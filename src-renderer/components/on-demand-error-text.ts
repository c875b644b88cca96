import type { OnDemandError } from '@shared/domain/on-demand';
import { logText, type Translator } from './log-message';

/** What the translation needs from vue-i18n (a test passes the real instance). */
export interface OnDemandTranslator {
  locale: string;
  t: (key: string, params: Record<string, string>) => string;
  te: (key: string) => boolean;
}

/**
 * Provision on demand's own message (`messageCode`) in the admin's language; null when the error
 * has none of ours (a log entry's reason, translated by the log's codes) or in English.
 */
export function onDemandMessageText(error: OnDemandError, i18n: OnDemandTranslator): string | null {
  const key = `onDemandMessages.messages.${error.messageCode ?? ''}`;
  if (i18n.locale === 'en' || !error.messageCode || !i18n.te(key)) return null;
  const params: Record<string, string> = { ...error.messageParams };
  if (params['summary'] !== undefined) params['summary'] = quotedSummary(params, i18n);
  return i18n.t(key, params);
}

/**
 * A connection test's summary quoted in a message (`connectionFailed`): by its own code
 * (`summaryCode`, parameters as `summary.<name>`) when the app sent one this version knows, else
 * the English it sent.
 */
function quotedSummary(params: Readonly<Record<string, string>>, i18n: OnDemandTranslator): string {
  const english = params['summary'] ?? '';
  const key = `connectionTest.summaries.${params['summaryCode'] ?? ''}`;
  if (!params['summaryCode'] || !i18n.te(key)) return english;
  const values = Object.entries(params)
    .filter(([name]) => name.startsWith('summary.'))
    .map(([name, value]) => [name.slice('summary.'.length), value]);
  return i18n.t(key, Object.fromEntries(values) as Record<string, string>);
}

/**
 * The advice in the admin's language: provision on demand's own by its code, a log entry's by its
 * log code; the app's English when it has no code this version knows.
 */
export function onDemandActionText(error: OnDemandError, i18n: OnDemandTranslator): string {
  if (i18n.locale === 'en') return error.recommendedAction;
  const key = `onDemandMessages.actions.${error.actionCode ?? ''}`;
  if (error.actionCode && i18n.te(key)) return i18n.t(key, {});
  if (!error.recommendedActionCode) return error.recommendedAction;
  const logTranslator: Translator = {
    locale: i18n.locale,
    t: (name, params) =>
      i18n.t(name, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))),
    te: (name) => i18n.te(name),
  };
  return logText(
    error.recommendedAction,
    error.recommendedActionCode,
    error.recommendedActionParams,
    logTranslator,
  );
}
