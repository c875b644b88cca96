/** What the translation needs from vue-i18n (a test passes the real instance). */
export interface ScopingProblemTranslator {
  locale: string;
  t: (key: string, params: Record<string, string>) => string;
  te: (key: string) => boolean;
}

/**
 * A scoping-filter problem from the shared validator (`messageCode` + `params`) in the admin's
 * language. An invalid pattern's `{detail}` is the regex engine's English: it is said again from its
 * own code (`regexCode`). English, or a code this version does not know, keeps the stored sentence.
 */
export function scopingProblemText(
  problem: { message: string; messageCode?: string; params?: Readonly<Record<string, string>> },
  i18n: ScopingProblemTranslator,
): string {
  const key = `scopingProblems.${problem.messageCode ?? ''}`;
  if (i18n.locale === 'en' || !problem.messageCode || !i18n.te(key)) return problem.message;
  const params: Record<string, string> = { ...problem.params };
  const regexKey = `regexProblems.${params['regexCode'] ?? ''}`;
  if (params['regexCode'] && i18n.te(regexKey)) params['detail'] = i18n.t(regexKey, params);
  return i18n.t(key, params);
}
