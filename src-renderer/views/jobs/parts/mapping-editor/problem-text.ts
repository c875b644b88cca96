import type { MappingField, MappingProblem } from './mapping-problems';

type Translate = (key: string, values: Record<string, unknown>) => string;

/** A problem in the admin's language. */
export function problemText(t: Translate, problem: MappingProblem): string {
  return t(`mappings.problems.${problem.code}`, problem.values);
}

/** The problems of one field, as naive-ui's form item wants it: a status and the text beside the field. */
export function fieldFeedback(
  t: Translate,
  problems: readonly MappingProblem[],
  field: MappingField,
): { status: 'error' | 'warning' | undefined; feedback: string | undefined } {
  const mine = problems.filter((p) => p.field === field);
  const first = mine[0];
  if (!first) return { status: undefined, feedback: undefined };
  // Errors come first; the status follows the loudest.
  return { status: first.severity, feedback: mine.map((p) => problemText(t, p)).join(' ') };
}
