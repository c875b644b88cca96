/**
 * The engine's decisions, as data (ARCHITECTURE.md §4; provisioning-behaviour.md §2.3, §4, §6, §8).
 * One pure function, `decide`, reads the first row of `decisionTable` that fits an object's
 * situation, its scope and the job's settings, and returns the action. Nothing here does I/O: the
 * apply and record code only carries the action out. Each row says where the behaviour comes from,
 * so a reader can check the table against the reference line by line, and the tests cover it row
 * by row.
 */
import type { ObjectType } from '@shared/domain/schema';
import { say, type LogMessageCode, type LogText } from '@shared/domain/log-messages';

/**
 * Where a source object stands against the target.
 * - `unknown`: not linked and not looked up yet. In scope, the action is `match`, after which the
 *   object is decided again as `unlinked`, `unmatched`, `disputed` or `unmatchable`.
 * - `linked`: Roster knows its target id. `deleted`: linked, but gone from the source or out of scope.
 * - `unmatchable`: every matching attribute was empty, so no lookup could be made safely (§4 step 5).
 */
export type Situation =
  'unknown' | 'linked' | 'unlinked' | 'unmatched' | 'disputed' | 'unmatchable' | 'deleted';

/** The scope verdict as far as a decision needs it; `gone` is a hard delete in the source. */
export type ScopeState = 'in' | 'out' | 'gone';

export interface DecisionFacts {
  situation: Situation;
  scope: ScopeState;
  objectType: ObjectType;
  /** The object mapping's target object actions (§6). */
  createOn: boolean;
  updateOn: boolean;
  deleteOn: boolean;
  skipOutOfScopeDeletions: boolean;
  onSourceDelete: 'disable' | 'delete';
  /** The target can disable (SCIM `active`, AD userAccountControl, a configured LDAP attribute). */
  targetCanDisable: boolean;
  /** A mapping of this object type reads IsSoftDeleted (§8: without one Roster never disables). */
  readsSoftDeleted: boolean;
  /** Linked and already disabled in the target by Roster. */
  alreadyDisabled: boolean;
}

export type Action = 'match' | 'update' | 'link' | 'create' | 'disable' | 'delete' | 'skip' | 'fail';

export interface Decision {
  action: Action;
  /** The log's reason or error code for `skip` and `fail` (§9.1, §14). */
  code: string | null;
  /** Whether the skip deserves a log entry (an already-disabled leaver does not, every cycle). */
  logged: boolean;
  /** The sentence for the log's processing step (English), and under its message code. */
  why: string;
  message: LogText;
  /** Where the rule comes from. */
  source: string;
}

type Condition = (facts: DecisionFacts) => boolean;

interface Row {
  situation: Situation | readonly Situation[];
  scope: ScopeState | readonly ScopeState[] | 'any';
  when?: Condition;
  decision: Decision;
}

const outOfScope = ['out', 'gone'] as const;

function row(
  situation: Row['situation'],
  scope: Row['scope'],
  action: Action,
  why: LogMessageCode,
  source: string,
  extra: { when?: Condition; code?: string; logged?: boolean } = {},
): Row {
  const message = say(why);
  return {
    situation,
    scope,
    ...(extra.when ? { when: extra.when } : {}),
    decision: {
      action,
      code: extra.code ?? null,
      logged: extra.logged ?? true,
      why: message.text,
      message,
      source,
    },
  };
}

const wantsDelete: Condition = (f) =>
  f.objectType === 'Group' || (f.scope === 'gone' && f.onSourceDelete === 'delete');

/** First row that fits wins. Order matters only where rows overlap; each overlap is commented. */
export const decisionTable: readonly Row[] = [
  // ── not linked ──
  row('unknown', 'in', 'match', 'decideLookUp', '§3.1 step 4, §4'),
  row('unknown', outOfScope, 'skip', 'decideOutOfScopeNever', '§2.3, §8 last rule', {
    code: 'OutOfScope',
    logged: false,
  }),
  row('unlinked', 'in', 'link', 'decideLink', '§4 step 3', {}),
  row('unmatched', 'in', 'create', 'decideCreate', '§4 step 4', {
    when: (f) => f.createOn,
  }),
  row('unmatched', 'in', 'skip', 'decideCreateOff', '§6 Create', {
    code: 'CreateDisabled',
  }),
  row('disputed', 'in', 'fail', 'decideDisputed', '§4 step 3', {
    code: 'DuplicateTargetEntries',
  }),
  row('unmatchable', 'in', 'skip', 'decideUnmatchable', '§4 step 5', {
    code: 'ImportSkipped',
  }),

  // ── linked, in scope ──
  row('linked', 'in', 'update', 'decideUpdate', '§3.1 step 5, §5.6'),

  // ── linked, leaving the target's care (§8). Suppression comes first: it wins over every action. ──
  row('deleted', 'any', 'skip', 'decideSkipOutOfScopeDeletions', '§8 skipOutOfScopeDeletions', {
    when: (f) => f.skipOutOfScopeDeletions,
    code: 'SkipOutOfScopeDeletions',
  }),
  row('deleted', 'any', 'delete', 'decideDelete', '§8 rows 5–6', {
    when: (f) => wantsDelete(f) && f.deleteOn,
  }),
  row('deleted', 'any', 'skip', 'decideDeleteOff', '§6 Delete', {
    when: wantsDelete,
    code: 'DeleteDisabled',
  }),
  // A target that cannot disable: delete only when the admin chose delete (Roster decision: never
  // delete silently when the job says disable; the job is refused at save for this reason too).
  row('deleted', 'any', 'delete', 'decideDeleteCannotDisable', '§8 row 7', {
    when: (f) => !f.targetCanDisable && f.onSourceDelete === 'delete' && f.deleteOn,
  }),
  row('deleted', 'any', 'skip', 'decideCannotDisable', 'Roster decision (issue 8)', {
    when: (f) => !f.targetCanDisable,
    code: 'TargetCannotDisable',
  }),
  row('deleted', 'any', 'skip', 'decideAlreadyDisabled', '§8 (idempotent disable)', {
    when: (f) => f.alreadyDisabled,
    code: 'AlreadyDisabled',
    logged: false,
  }),
  row('deleted', 'any', 'skip', 'decideNoSoftDeleteMapping', '§8 last row', {
    when: (f) => !f.readsSoftDeleted,
    code: 'NoSoftDeleteMapping',
  }),
  row('deleted', 'any', 'skip', 'decideUpdateOffNoDisable', '§6 Update', {
    when: (f) => !f.updateOn,
    code: 'UpdateDisabled',
  }),
  row('deleted', 'any', 'disable', 'decideDisable', '§8 rows 1–3'),
];

function fits(r: Row, facts: DecisionFacts): boolean {
  const situations: readonly Situation[] = typeof r.situation === 'string' ? [r.situation] : r.situation;
  if (!situations.includes(facts.situation)) return false;
  if (r.scope !== 'any') {
    const scopes: readonly ScopeState[] = typeof r.scope === 'string' ? [r.scope] : r.scope;
    if (!scopes.includes(facts.scope)) return false;
  }
  return r.when ? r.when(facts) : true;
}

/** The action for one object (first fitting row of `decisionTable`). */
export function decide(facts: DecisionFacts): Decision {
  const found = decisionTable.find((r) => fits(r, facts));
  if (!found) {
    // Only reachable through a situation/scope pair the engine never produces (e.g. linked + out,
    // which is `deleted`); failing loudly beats guessing.
    throw new Error(`No decision for situation ${facts.situation} in scope ${facts.scope}`);
  }
  return found.decision;
}

/** Situation before any lookup: linked objects out of scope (or gone) are `deleted`. */
export function situationBeforeMatch(linked: boolean, scope: ScopeState): Situation {
  if (!linked) return 'unknown';
  return scope === 'in' ? 'linked' : 'deleted';
}
