import type { DiagnosticDetail } from './diagnostics';
import { expressionMessage, type ExpressionMessageCode } from './expression-messages';
import type { RegexProblem } from './regex-problems';
import { regexProblemEnglish } from './regex-problems';

/** A sentence of the language: its English and its code with parameters (`expr.<code>`, `regex.<code>`). */
export interface Said {
  readonly text: string;
  readonly detail: DiagnosticDetail;
}

/** An evaluation problem (evaluation-templates.ts), said in English with its code. */
export function said(code: ExpressionMessageCode, params: Readonly<Record<string, string>> = {}): Said {
  return expressionMessage(code, params);
}

/** A Replace pattern problem found while evaluating, with its `regex.<code>`. */
export function saidRegex(problem: RegexProblem): Said {
  return {
    text: regexProblemEnglish(problem),
    detail: { code: `regex.${problem.code}`, params: problem.params },
  };
}

/** Where a regex problem's own parameters go beside the place's (its `position` is not the argument's). */
export const REGEX_PARAMETER_PREFIX = 'regex.';

/**
 * A sentence with a phrase inside it (`evalInputFormat` around the date parser's reason): the English
 * fills `{phrase}` with the inner English; the detail names the inner code as `<phrase>Code`, its
 * parameters beside the outer ones, so the app says the inner phrase first, in the same language.
 */
export function saidAround(
  code: ExpressionMessageCode,
  params: Readonly<Record<string, string>>,
  phrase: string,
  inner: Said,
): Said {
  const text = expressionMessage(code, { ...params, [phrase]: inner.text }).text;
  const innerParams = { ...inner.detail.params, [`${phrase}Code`]: inner.detail.code.slice('expr.'.length) };
  return { text, detail: { code: `expr.${code}`, params: { ...innerParams, ...params } } };
}

/**
 * A problem said at a place (`evalInNamedArgument`: "Mid argument 2 (start): …"). The English is the
 * place's template around the problem's English; the detail is the place's code with the problem's
 * code as `problemCode` (a regex problem's as `regexProblemCode`) and its parameters beside the
 * place's, so the app says the problem first, in the admin's language.
 */
export function saidAt(
  place: ExpressionMessageCode,
  placeParams: Readonly<Record<string, string>>,
  problem: Said,
): Said {
  const inner = problem.detail;
  if (!inner.code.startsWith('regex.')) return saidAround(place, placeParams, 'problem', problem);
  const text = expressionMessage(place, { ...placeParams, problem: problem.text }).text;
  const params: Record<string, string> = {
    ...Object.fromEntries(
      Object.entries(inner.params).map(([name, value]) => [`${REGEX_PARAMETER_PREFIX}${name}`, value]),
    ),
    regexProblemCode: inner.code.slice('regex.'.length),
  };
  return { text, detail: { code: `expr.${place}`, params: { ...params, ...placeParams } } };
}
