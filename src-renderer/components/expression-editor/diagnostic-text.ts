import type { Diagnostic, DiagnosticDetail } from '@shared/expressions/diagnostics';
import { isExpressionMessageCode, withPhrases } from '@shared/expressions/expression-messages';
import { regexProblemTemplates } from '@shared/expressions/regex-problems';

/** What a translation needs from vue-i18n. */
export interface DiagnosticTranslator {
  locale: string;
  t: (key: string, params: Record<string, string>) => string;
  te: (key: string) => boolean;
}

/**
 * An `expr.<code>` detail in the locale's words, or undefined when this version has no text for it.
 * A phrase parameter given by its code (`foundCode: 'tokenString'`, `hintCode`, `problemCode`) is
 * said first, in the same language, so no English phrase ends up inside a Korean sentence.
 */
export function expressionDetailText(
  detail: DiagnosticDetail,
  i18n: Pick<DiagnosticTranslator, 't' | 'te'>,
): string | undefined {
  if (!detail.code.startsWith('expr.')) return undefined;
  const key = `expressionMessages.${detail.code.slice('expr.'.length)}`;
  if (!i18n.te(key)) return undefined;
  const params = withPhrases(detail.params, (code, values) => {
    const phrase = `expressionMessages.${code}`;
    return i18n.te(phrase) ? i18n.t(phrase, { ...values }) : undefined;
  });
  return i18n.t(key, params);
}

/**
 * A coded detail in the words of `i18n`'s locale, or undefined when this version has no text for
 * its code: an `expr.<code>` from `expressionMessages.<code>`; a regex problem
 * (`regex.nothingToRepeat`) from `regexProblems.<code>`, keeping the function name `text` starts
 * with ("Replace: ").
 */
export function detailText(
  text: string,
  detail: DiagnosticDetail,
  i18n: Pick<DiagnosticTranslator, 't' | 'te'>,
): string | undefined {
  if (detail.code.startsWith('expr.')) return expressionDetailText(detail, i18n);
  if (!detail.code.startsWith('regex.')) return undefined;
  const key = `regexProblems.${detail.code.slice('regex.'.length)}`;
  if (!i18n.te(key)) return undefined;
  const fn = /^([A-Za-z]+): /.exec(text)?.[1];
  const translated = i18n.t(key, { ...detail.params });
  return fn ? `${fn}: ${translated}` : translated;
}

/**
 * Whether the locales have a text for a coded detail's key, known without asking vue-i18n: the
 * English `expressionMessages` and `regexProblems` are made from the shared templates and the
 * Korean ones are typed against them (test/unit/renderer/locales.test.ts checks both have every
 * key), so a key exists exactly when its code is one this version knows.
 */
export function hasDetailText(key: string): boolean {
  const [group, code, ...rest] = key.split('.');
  if (code === undefined || rest.length > 0) return false;
  if (group === 'expressionMessages') return isExpressionMessageCode(code);
  return group === 'regexProblems' && Object.hasOwn(regexProblemTemplates, code);
}

/**
 * The words of a diagnostic (after "Line 3, column 12: ") in the admin's language. A diagnostic
 * with a coded detail is translated from it: the lexer's, the parser's and the checker's sentences
 * (`expr.unknownFunction`) from `expressionMessages.<code>`; a regex problem
 * (`regex.nothingToRepeat`) from `regexProblems.<code>`, keeping the function name the English text
 * starts with ("Replace: "). English keeps the text as the checker wrote it (the CLI's words).
 */
export function diagnosticText(
  text: string,
  diagnostic: Pick<Diagnostic, 'detail'>,
  i18n: DiagnosticTranslator,
): string {
  const detail = diagnostic.detail;
  if (i18n.locale === 'en' || !detail) return text;
  return detailText(text, detail, i18n) ?? text;
}
