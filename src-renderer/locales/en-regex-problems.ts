import { regexProblemTemplates, type RegexProblemCode } from '@shared/expressions/regex-problems';
import { asI18nMessage } from './i18n-template';

/** The parameters regex problems carry; any other brace in a template is text. */
const parameterNames = new Set([
  'position',
  'token',
  'repetition',
  'limit',
  'construct',
  'size',
  'detail',
  'group',
  'names',
]);

/**
 * English texts of the regular-expression problem codes, merged into en.ts as `regexProblems`: the
 * same sentences the CLI and the logs print (src-shared/expressions/regex-problems.ts), so the two
 * never drift. A unit test checks that every code has a text here and in Korean.
 */
export const enRegexProblems = Object.fromEntries(
  Object.entries(regexProblemTemplates).map(([code, template]) => [
    code,
    asI18nMessage(template, parameterNames),
  ]),
) as Record<RegexProblemCode, string>;
