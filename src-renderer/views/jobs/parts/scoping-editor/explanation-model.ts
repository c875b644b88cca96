import {
  OPERATOR_INFO,
  isScopingOperator,
  type ClauseOutcome,
  type ScopingExplanation,
} from '@shared/scoping';
import { clauseInteger, parseInteger, readClauseInput } from '@shared/scoping/source-value';
import { compileRegex } from '@shared/expressions/regex';

/**
 * Why a clause came out false when the comparison itself is not the reason, as a code the locales
 * translate (the shared evaluator says it in English for the log).
 */
export type FalseReason =
  | 'empty'
  | 'multiValued'
  | 'unsupportedValue'
  | 'notBoolean'
  | 'notInteger'
  | 'valueNotInteger'
  | 'invalidPattern'
  | 'unknownOperator';

export interface ClauseRow {
  key: string;
  attribute: string;
  operator: string;
  value: string | undefined;
  /** The source value as the admin would read it; null when the object has none. */
  actual: string | null;
  result: boolean;
  reason: FalseReason | null;
}

export interface GroupRow {
  index: number;
  title: string;
  passed: boolean;
  clauses: ClauseRow[];
}

/** How an actual source value reads in the table: text as is, lists joined, nothing as null. */
export function actualText(actual: unknown): string | null {
  if (actual === undefined || actual === null || actual === '') return null;
  if (Array.isArray(actual)) {
    const parts = actual.map(actualText).filter((part): part is string => part !== null);
    return parts.length === 0 ? null : parts.join(', ');
  }
  switch (typeof actual) {
    case 'string':
      return actual;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(actual);
    default:
      return JSON.stringify(actual) ?? null;
  }
}

/** The reason code for a false clause, worked out from what the evaluator saw. */
export function falseReason(outcome: ClauseOutcome): FalseReason | null {
  if (outcome.result || outcome.reason === undefined) return null;
  if (!isScopingOperator(outcome.operator)) return 'unknownOperator';
  const input = readClauseInput(outcome.actual);
  if (input.kind === 'empty') return 'empty';
  if (input.kind === 'unsupported') return Array.isArray(outcome.actual) ? 'multiValued' : 'unsupportedValue';
  const info = OPERATOR_INFO[outcome.operator];
  if (outcome.operator === 'IS TRUE' || outcome.operator === 'IS FALSE') return 'notBoolean';
  if (info.numeric) {
    if (parseInteger(outcome.value ?? '') === undefined) return 'valueNotInteger';
    if (clauseInteger(input) === undefined) return 'notInteger';
  }
  if (info.regex && !compileRegex(outcome.value ?? '').ok) return 'invalidPattern';
  return null;
}

export function groupRows(explanation: ScopingExplanation): GroupRow[] {
  return explanation.filters.map((filter) => ({
    index: filter.index,
    title: filter.title,
    passed: filter.passed,
    clauses: filter.clauses.map((clause) => ({
      key: `${clause.filterIndex}-${clause.clauseIndex}`,
      attribute: clause.attribute,
      operator: clause.operator,
      value: clause.value,
      actual: actualText(clause.actual),
      result: clause.result,
      reason: falseReason(clause),
    })),
  }));
}
