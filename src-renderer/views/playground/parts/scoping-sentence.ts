import type { ClauseOutcome, ScopingExplanation } from '@shared/scoping';
import {
  sayClause,
  sayScopingSummary,
  type ClauseReasonText,
  type SayScoping,
} from '@shared/scoping/explain-messages';
import { falseReason } from '../../jobs/parts/scoping-editor/explanation-model';

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
