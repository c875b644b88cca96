import { evaluateClause } from './evaluate';
import { sayClause, sayScopingSummary } from './explain-messages';
import type { ScopingClause, ScopingFilter } from './schema';
import { lookupAttribute } from './source-value';

export interface ClauseOutcome {
  readonly filterIndex: number;
  readonly clauseIndex: number;
  readonly attribute: string;
  readonly operator: string;
  readonly value: string | undefined;
  /** The raw source value the clause saw (undefined when absent). */
  readonly actual: unknown;
  readonly result: boolean;
  readonly reason?: string;
}

export interface FilterOutcome {
  readonly index: number;
  readonly title: string;
  readonly passed: boolean;
  readonly clauses: readonly ClauseOutcome[];
}

export interface ScopingExplanation {
  readonly inScope: boolean;
  /**
   * In scope: every clause of the first filter that passed. Out of scope: the first false clause of each
   * filter (each one is why that filter failed). Empty when there are no filters.
   */
  readonly decidingClauses: readonly ClauseOutcome[];
  /** The filter that let the object in, if any. */
  readonly passingFilter?: FilterOutcome;
  readonly filters: readonly FilterOutcome[];
  /** Warnings for the scoping step of the log (non-integer values for numeric operators…). */
  readonly warnings: readonly string[];
  /**
   * One sentence for the log and the CLI, in English; the app says it in the admin's language from
   * the same structure (explain-messages.ts `sayScopingSummary`).
   */
  readonly summary: string;
}

/** One clause's outcome in English, as `roster scope` prints it. */
export function describeClause(c: ClauseOutcome): string {
  return sayClause(c);
}

/** Evaluates every clause of every filter and says which clauses decided the outcome for this object. */
export function explainScoping(
  filters: readonly ScopingFilter[],
  source: Readonly<Record<string, unknown>>,
): ScopingExplanation {
  const warnings: string[] = [];
  const outcomes: FilterOutcome[] = filters.map((filter, index) => {
    const clauses = filter.clauses.map((clause: ScopingClause, clauseIndex): ClauseOutcome => {
      const actual = lookupAttribute(source, clause.attribute);
      const r = evaluateClause(clause, actual);
      if (r.warning) warnings.push(r.warning);
      return {
        filterIndex: index,
        clauseIndex,
        attribute: clause.attribute,
        operator: clause.operator,
        value: clause.value,
        actual,
        result: r.result,
        ...(r.reason ? { reason: r.reason } : {}),
      };
    });
    return {
      index,
      title: filter.title ?? '',
      passed: clauses.length > 0 && clauses.every((c) => c.result),
      clauses,
    };
  });
  if (outcomes.length === 0) {
    return {
      inScope: true,
      decidingClauses: [],
      filters: [],
      warnings,
      summary: sayScopingSummary({ filters: [] }),
    };
  }
  const passing = outcomes.find((f) => f.passed);
  if (passing) {
    return {
      inScope: true,
      decidingClauses: passing.clauses,
      passingFilter: passing,
      filters: outcomes,
      warnings,
      summary: sayScopingSummary({ filters: outcomes, passingFilter: passing }),
    };
  }
  const failing = outcomes.flatMap((f) => {
    const first = f.clauses.find((c) => !c.result);
    return first ? [first] : [];
  });
  return {
    inScope: false,
    decidingClauses: failing,
    filters: outcomes,
    warnings,
    summary: sayScopingSummary({ filters: outcomes }),
  };
}
