import { useI18n } from 'vue-i18n';
import { unknownKeyLine, type FieldProblem } from '@shared/domain/validation-issue-codes';

/**
 * A field problem in the admin's language, from its code and params (locales/*-field-problems.ts).
 * The English catalogue is made from the same templates the app's messages are, so English reads
 * exactly as the app and the CLI say it.
 */
export function useFieldProblemText(): (problem: FieldProblem) => string {
  const i18n = useI18n();
  const say = (code: string, params: FieldProblem['params'], english: string) => {
    const key = `fieldProblems.${code}`;
    return i18n.te(key, 'en') ? i18n.t(key, params) : english;
  };
  return (problem) => {
    if (problem.code !== 'unknownKeys' || i18n.locale.value === 'en')
      return say(problem.code, problem.params, problem.message);
    // Several unknown keys: one line per key, each said by its own code (a line no code fits stays English).
    return problem.message
      .split('\n')
      .map((line) => {
        const coded = unknownKeyLine(line);
        return coded ? say(coded[0], coded[1], line) : line;
      })
      .join('\n');
  };
}

/** Every problem of a form (`path` → problem) as `path` → text in the admin's language. */
export function useFieldProblemTexts(): (problems: Record<string, FieldProblem>) => Record<string, string> {
  const text = useFieldProblemText();
  return (problems) =>
    Object.fromEntries(Object.entries(problems).map(([path, problem]) => [path, text(problem)]));
}
