import type { OnDemandError } from '@shared/domain/on-demand';

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
  return i18n.t(key, { ...error.messageParams });
}

/** The advice in the admin's language; the app's English when it has no code this version knows. */
export function onDemandActionText(error: OnDemandError, i18n: OnDemandTranslator): string {
  const key = `onDemandMessages.actions.${error.actionCode ?? ''}`;
  if (i18n.locale === 'en' || !error.actionCode || !i18n.te(key)) return error.recommendedAction;
  return i18n.t(key, {});
}
