import type { Diagnostic } from '@shared/expressions/diagnostics';

/** What a translation needs from vue-i18n. */
export interface DiagnosticTranslator {
  locale: string;
  t: (key: string, params: Record<string, string>) => string;
  te: (key: string) => boolean;
}

/**
 * The words of a diagnostic (after "Line 3, column 12: ") in the admin's language. A diagnostic
 * with a coded detail is translated from it: the checker's own sentences (`expr.unknownFunction`)
 * from `expressionMessages.<code>`; a regex problem (`regex.nothingToRepeat`) from
 * `regexProblems.<code>`, keeping the function name the English text starts with ("Replace: ").
 * The parser's and the literal checks' messages have no code yet and stay English.
 */
export function diagnosticText(
  text: string,
  diagnostic: Pick<Diagnostic, 'detail'>,
  i18n: DiagnosticTranslator,
): string {
  const detail = diagnostic.detail;
  if (i18n.locale === 'en' || !detail) return text;
  if (detail.code.startsWith('expr.')) {
    const key = `expressionMessages.${detail.code.slice('expr.'.length)}`;
    return i18n.te(key) ? i18n.t(key, { ...detail.params }) : text;
  }
  if (!detail.code.startsWith('regex.')) return text;
  const key = `regexProblems.${detail.code.slice('regex.'.length)}`;
  if (!i18n.te(key)) return text;
  const fn = /^([A-Za-z]+): /.exec(text)?.[1];
  const translated = i18n.t(key, { ...detail.params });
  return fn ? `${fn}: ${translated}` : translated;
}
