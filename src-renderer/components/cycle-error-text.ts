/**
 * What to show for a cycle's error: in English the cycle's own message, as the CLI and the logs
 * say it; in another language a sentence for the error's code, with the message (the connector's
 * or the target's own English words, which no catalogue can translate) kept as the detail.
 */
export interface CycleErrorLike {
  code: string;
  message: string;
}

export interface CycleErrorText {
  /** The sentence to lead with. */
  title: string;
  /** The original English message under it, or null when the title already is that message. */
  detail: string | null;
}

export interface CycleErrorTranslator {
  locale: string;
  t: (key: string, params?: Record<string, string>) => string;
  te: (key: string) => boolean;
}

export function cycleErrorText(error: CycleErrorLike, i18n: CycleErrorTranslator): CycleErrorText {
  if (i18n.locale === 'en') return { title: error.message || error.code, detail: null };
  const key = `cycleErrors.titles.${error.code}`;
  const title = i18n.te(key) ? i18n.t(key) : i18n.t('cycleErrors.other', { code: error.code });
  return { title, detail: error.message && error.message !== error.code ? error.message : null };
}
