import { useI18n } from 'vue-i18n';
import type { FieldProblem } from '@shared/domain/validation-issue-codes';

/**
 * A field problem in the admin's language, from its code and params (locales/*-field-problems.ts).
 * The English catalogue is made from the same templates the app's messages are, so English reads
 * exactly as the app and the CLI say it.
 */
export function useFieldProblemText(): (problem: FieldProblem) => string {
  const i18n = useI18n();
  return (problem) => {
    const key = `fieldProblems.${problem.code}`;
    return i18n.te(key, 'en') ? i18n.t(key, problem.params) : problem.message;
  };
}

/** Every problem of a form (`path` → problem) as `path` → text in the admin's language. */
export function useFieldProblemTexts(): (problems: Record<string, FieldProblem>) => Record<string, string> {
  const text = useFieldProblemText();
  return (problems) =>
    Object.fromEntries(Object.entries(problems).map(([path, problem]) => [path, text(problem)]));
}
