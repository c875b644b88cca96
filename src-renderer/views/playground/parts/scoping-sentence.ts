import type { ClauseOutcome, ScopingExplanation } from '@shared/scoping';
import {
  sayClause,
  sayCondition,
  sayScopingSummary,
  type ClauseReasonText,
  type SayScoping,
} from '@shared/scoping/explain-messages';
import { falseReason, type FalseReason } from '../../jobs/parts/scoping-editor/explanation-model';

/** What the sentence needs from vue-i18n (a test passes the real instance). */
export interface ScopingSentenceTranslator {
  locale: string;
  t: (key: string, params?: Record<string, string>) => string;
}

function sayIn(i18n: ScopingSentenceTranslator): SayScoping {
  return (code, params = {}) => i18n.t(`expressions.scoping.sentence.${code}`, { ...params });
}

/**
 * Why a clause is false beyond the comparison, in the locale's words: the scoping editor's reason
 * texts by code; English keeps the evaluator's own words, so the app says what the log says.
 */
function reasonIn(i18n: ScopingSentenceTranslator): ClauseReasonText {
  return (clause) => {
    if (i18n.locale === 'en') return clause.reason;
    const code = falseReason(clause);
    return code ? i18n.t(`scopingEditor.why.reasons.${code}`) : clause.reason;
  };
}

/** The explanation's one sentence ("Out of scope: filter 1 failed because …") in the admin's language. */
export function scopingSentence(
  explanation: Pick<ScopingExplanation, 'filters' | 'passingFilter'>,
  i18n: ScopingSentenceTranslator,
): string {
  return sayScopingSummary(explanation, sayIn(i18n), reasonIn(i18n));
}

/** One clause's outcome ("department EQUALS "Sales" is false (actual value: …)") in the admin's language. */
export function clauseOutcomeText(clause: ClauseOutcome, i18n: ScopingSentenceTranslator): string {
  return sayClause(clause, sayIn(i18n), reasonIn(i18n));
}

/** The reasons for which the evaluator also writes a warning into the scoping step (scoping/evaluate.ts). */
const WARNED: ReadonlySet<FalseReason> = new Set<FalseReason>([
  'unknownOperator',
  'multiValued',
  'unsupportedValue',
  'valueNotInteger',
  'notInteger',
  'invalidPattern',
]);

/**
 * The evaluator's warnings (a clause that could not be evaluated and counts as false) in the admin's
 * language. English keeps the log's words; another language says them again from each clause's
 * reason, and falls back to the log's words should the two ever disagree on how many there are.
 */
export function clauseWarnings(
  explanation: Pick<ScopingExplanation, 'filters' | 'warnings'>,
  i18n: ScopingSentenceTranslator,
): string[] {
  if (i18n.locale === 'en') return [...explanation.warnings];
  const said = explanation.filters.flatMap((filter) =>
    filter.clauses.flatMap((clause) => {
      const reason = falseReason(clause);
      if (reason === null || !WARNED.has(reason)) return [];
      return [
        i18n.t('expressions.scoping.clauseWarning', {
          condition: sayCondition(clause, sayIn(i18n)),
          reason: i18n.t(`scopingEditor.why.reasons.${reason}`),
        }),
      ];
    }),
  );
  return said.length === explanation.warnings.length ? said : [...explanation.warnings];
}
