/**
 * A problem that stops a job configuration from being saved, by JSON path, with its English sentence
 * (CLI, error text) and — where Roster words it itself — a code with parameters, so the app says it
 * in the admin's language (renderer locales `configProblems.<code>`). A problem without a code is
 * shown as written.
 */
export const configProblemCodes = [
  'usersMappingMissing',
  'mappedTwice',
  'notInTargetSchema',
  'primaryKeyTarget',
  'expressionError',
  'chooseSource',
  'noSuchConnection',
  'noSuchConnectionGuess',
  'wrongConnectionKind',
  'targetCannotDisable',
  'nameTaken',
  'scopingFilter',
] as const;

export type ConfigProblemCode = (typeof configProblemCodes)[number];

export interface ConfigProblem {
  path: string;
  message: string;
  code?: ConfigProblemCode;
  params?: Record<string, string>;
  /**
   * An expression's own diagnostic under a code (a regex problem: `regex.nothingToRepeat`), for
   * `expressionError`: the words after "line, column". For `scopingFilter`, the scoping problem's
   * own code and parameters (src-shared/scoping/scoping-problems.ts).
   */
  detail?: { code: string; params: Record<string, string> };
}
