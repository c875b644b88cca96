import type { ClauseOutcome, FilterOutcome } from './explain';

/**
 * The scoping explanation's sentence (explain.ts `summary`, what the log and `roster scope` print)
 * as codes with parameters, so the app can say it in the admin's language (renderer locales
 * `expressions.scoping.sentence.<code>`). `sayScopingSummary` puts the sentence together from
 * whichever `say` it is given: the English templates here, or the renderer's translations.
 */
const templates = {
  noFilters: 'In scope: there are no scoping filters.',
  passed: 'In scope: {filter} passed because {clauses}.',
  failed: 'Out of scope: {reasons}.',
  filter: 'filter {n}',
  filterTitled: 'filter {n} "{title}"',
  filterFailed: '{filter} failed because {clause}',
  filterWithoutClauses: '{filter} has no clauses',
  clause: '{condition} is {result} (actual value: {actual})',
  clauseBecause: '{condition} is {result} (actual value: {actual}; {reason})',
  condition: '{attribute} {operator}',
  conditionWithValue: '{attribute} {operator} "{value}"',
  resultTrue: 'true',
  resultFalse: 'false',
  absent: 'absent',
  /** Between the clauses of the filter that let an object in. */
  clauseSeparator: ', and ',
  /** Between the filters that each kept an object out. */
  reasonSeparator: '; ',
} as const;

export type ScopingSummaryCode = keyof typeof templates;
export const scopingSummaryTemplates: Readonly<Record<ScopingSummaryCode, string>> = templates;
export const scopingSummaryCodes = Object.keys(templates) as ScopingSummaryCode[];
export const scopingSummaryParameters: readonly string[] = [
  'filter',
  'clauses',
  'reasons',
  'n',
  'title',
  'clause',
  'condition',
  'result',
  'actual',
  'reason',
  'attribute',
  'operator',
  'value',
];

/** Says one piece of the sentence in some language. */
export type SayScoping = (code: ScopingSummaryCode, params?: Readonly<Record<string, string>>) => string;

/** The English of a code, as the log and the CLI print it. */
export const sayScopingEnglish: SayScoping = (code, params = {}) =>
  templates[code].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

/** Why a clause came out as it did, beyond the comparison itself; English by default. */
export type ClauseReasonText = (clause: ClauseOutcome) => string | undefined;

const englishReason: ClauseReasonText = (clause) => clause.reason;

/** An actual value as the sentence shows it: JSON, a BigInt's digits, or "absent". */
function actualValue(v: unknown, say: SayScoping): string {
  if (v === undefined) return say('absent');
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'symbol' || typeof v === 'function') return typeof v;
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return typeof v;
  }
}

/** A clause's condition as written in the filters: `department EQUALS "Sales"`. */
export function sayCondition(
  c: Pick<ClauseOutcome, 'attribute' | 'operator' | 'value'>,
  say: SayScoping = sayScopingEnglish,
): string {
  return c.value === undefined
    ? say('condition', { attribute: c.attribute, operator: c.operator })
    : say('conditionWithValue', { attribute: c.attribute, operator: c.operator, value: c.value });
}

export function sayClause(
  c: ClauseOutcome,
  say: SayScoping = sayScopingEnglish,
  reasonText: ClauseReasonText = englishReason,
): string {
  const params = {
    condition: sayCondition(c, say),
    result: say(c.result ? 'resultTrue' : 'resultFalse'),
    actual: actualValue(c.actual, say),
  };
  const reason = c.reason ? reasonText(c) : undefined;
  return reason ? say('clauseBecause', { ...params, reason }) : say('clause', params);
}

function sayFilter(f: FilterOutcome, say: SayScoping): string {
  const n = String(f.index + 1);
  return f.title ? say('filterTitled', { n, title: f.title }) : say('filter', { n });
}

/** The one sentence that says why an object is in or out of scope. */
export function sayScopingSummary(
  explanation: { readonly filters: readonly FilterOutcome[]; readonly passingFilter?: FilterOutcome },
  say: SayScoping = sayScopingEnglish,
  reasonText: ClauseReasonText = englishReason,
): string {
  const { filters, passingFilter } = explanation;
  if (filters.length === 0) return say('noFilters');
  if (passingFilter) {
    const clauses = passingFilter.clauses.map((c) => sayClause(c, say, reasonText));
    return say('passed', {
      filter: sayFilter(passingFilter, say),
      clauses: clauses.join(say('clauseSeparator')),
    });
  }
  const reasons = filters.map((f) => {
    const first = f.clauses.find((c) => !c.result);
    const filter = sayFilter(f, say);
    return first
      ? say('filterFailed', { filter, clause: sayClause(first, say, reasonText) })
      : say('filterWithoutClauses', { filter });
  });
  return say('failed', { reasons: reasons.join(say('reasonSeparator')) });
}
