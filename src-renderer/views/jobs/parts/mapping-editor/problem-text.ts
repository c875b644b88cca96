import { detailText, hasDetailText } from '../../../../components/expression-editor/diagnostic-text';
import type { MappingField, MappingProblem } from './mapping-problems';

type Translate = (key: string, values: Record<string, unknown>) => string;

/**
 * A problem in the admin's language. An expression error's words are said from its detail code, as
 * the expression editor says them; the English locale's texts are made from the same templates as
 * the checker's English, so English reads exactly as before.
 */
export function problemText(t: Translate, problem: MappingProblem): string {
  const message = problem.values['message'];
  if (!problem.detail || typeof message !== 'string')
    return t(`mappings.problems.${problem.code}`, problem.values);
  const said = detailText(message, problem.detail, {
    t: (key, params) => t(key, params),
    te: hasDetailText,
  });
  return t(`mappings.problems.${problem.code}`, { ...problem.values, message: said ?? message });
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
