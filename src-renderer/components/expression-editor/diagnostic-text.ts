import type { Diagnostic, DiagnosticDetail } from '@shared/expressions/diagnostics';
import { REGEX_PARAMETER_PREFIX } from '@shared/expressions/evaluation-messages';
import {
  expressionMessageTemplates,
  isExpressionMessageCode,
  type ExpressionMessageCode,
} from '@shared/expressions/expression-messages';
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
 * said first, in the same language, so no English phrase ends up inside a Korean sentence. Phrases
 * nest (an evaluation error's place → its problem → the kind of value it got), so a phrase is said
 * once the phrases its own text needs are; a Replace pattern problem inside an evaluation error
 * (`regexProblemCode`, its parameters as `regex.<name>`) is said from `regexProblems.<code>`.
 */
export function expressionDetailText(
  detail: DiagnosticDetail,
  i18n: Pick<DiagnosticTranslator, 't' | 'te'>,
): string | undefined {
  if (!detail.code.startsWith('expr.')) return undefined;
  const key = `expressionMessages.${detail.code.slice('expr.'.length)}`;
  if (!i18n.te(key)) return undefined;
  const params: Record<string, string> = { ...detail.params };
  const regexCode = params['regexProblemCode'];
  if (regexCode !== undefined && !('problem' in params) && i18n.te(`regexProblems.${regexCode}`))
    params['problem'] = i18n.t(`regexProblems.${regexCode}`, regexParameters(detail.params));
  let pending = phrasesToSay(params);
  while (pending.length > 0) {
    const waiting = new Set(pending.map((p) => p.phrase));
    const ready = pending.filter((p) => !placeholders(p.code).some((name) => waiting.has(name)));
    // A cycle cannot come from the templates; stop rather than loop if one ever does.
    if (ready.length === 0) break;
    for (const { phrase, code } of ready) {
      const phraseKey = `expressionMessages.${code}`;
      if (i18n.te(phraseKey)) params[phrase] = i18n.t(phraseKey, { ...params });
    }
    pending = pending.filter((p) => !ready.includes(p));
  }
  return i18n.t(key, params);
}

/** The `<phrase>Code` parameters naming a phrase that is not given as text already. */
function phrasesToSay(
  params: Readonly<Record<string, string>>,
): { phrase: string; code: ExpressionMessageCode }[] {
  return Object.entries(params).flatMap(([name, code]) => {
    const phrase = /^(\w+)Code$/.exec(name)?.[1];
    return phrase !== undefined && !(phrase in params) && isExpressionMessageCode(code)
      ? [{ phrase, code }]
      : [];
  });
}

function placeholders(code: ExpressionMessageCode): string[] {
  return [...expressionMessageTemplates[code].matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
}

/** A regex problem's own parameters, carried as `regex.<name>` beside an evaluation error's place. */
function regexParameters(params: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([name]) => name.startsWith(REGEX_PARAMETER_PREFIX))
      .map(([name, value]) => [name.slice(REGEX_PARAMETER_PREFIX.length), value]),
  );
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
