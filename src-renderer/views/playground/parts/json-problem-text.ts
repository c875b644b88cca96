import type { JsonProblem } from './parse-json';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The sentence for a JSON problem, in the UI language. */
export function jsonProblemText(problem: JsonProblem, t: Translate): string {
  if (problem.kind === 'notAnObject') return t('expressions.playground.notAnObject');
  const where = { line: problem.line, column: problem.column };
  if (problem.found === undefined) return t('expressions.playground.jsonEnd', where);
  // Show invisible characters by their code.
  const found = /^\s$/.test(problem.found)
    ? `U+${(problem.found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
    : `"${problem.found}"`;
  return t('expressions.playground.jsonSyntax', { ...where, found });
}
