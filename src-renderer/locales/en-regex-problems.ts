import { regexProblemTemplates, type RegexProblemCode } from '@shared/expressions/regex-problems';

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
 * A shared English template as a vue-i18n message: parameters stay `{name}`, and the characters
 * vue-i18n would read as syntax (a brace that is not a parameter, `@`, `|`) become literals.
 */
function asI18nMessage(template: string): string {
  return template.replace(/\{(\w+)\}|[{}@|]/g, (whole: string, name: string | undefined) => {
    if (name !== undefined) return parameterNames.has(name) ? whole : `{'{'}${name}{'}'}`;
    return `{'${whole}'}`;
  });
}

/**
 * English texts of the regular-expression problem codes, merged into en.ts as `regexProblems`: the
 * same sentences the CLI and the logs print (src-shared/expressions/regex-problems.ts), so the two
 * never drift. A unit test checks that every code has a text here and in Korean.
 */
export const enRegexProblems = Object.fromEntries(
  Object.entries(regexProblemTemplates).map(([code, template]) => [code, asI18nMessage(template)]),
) as Record<RegexProblemCode, string>;
