import type { ClauseProblem } from './clause-validation';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A clause problem in the admin's language, with "did you mean" when there is a likely guess. */
export function clauseProblemText(t: Translate, problem: ClauseProblem): string {
  const regexCode = problem.code === 'invalidRegex' ? problem.params['regexCode'] : undefined;
  if (regexCode) return t(`regexProblems.${regexCode}`, problem.params);
  const guessed =
    (problem.code === 'unknownAttribute' || problem.code === 'unknownOperator') && problem.params['guess'];
  return t(`scopingEditor.problems.${problem.code}${guessed ? 'Guess' : ''}`, problem.params);
}
