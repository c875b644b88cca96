/**
 * The target's own accounts (issue 12 item 5, "account discovery"): every account a job's target
 * holds, classified against the job, and what an admin may do with each. Also one object's link
 * (item 6, provisioning-behaviour.md §12 "Reset link").
 */
import { z } from 'zod';
import type { ObjectType, TargetValue } from './schema';

/**
 * - linked: a link of this job points at the account.
 * - unlinkedMatch: it matches an in-scope source object that has no link yet (the next cycle would
 *   link it by matching; Adopt does it now).
 * - outOfScopeMatch: it matches a source object that is out of the job's scope.
 * - unmanaged: no source object matches it.
 */
export const accountClasses = ['linked', 'unlinkedMatch', 'outOfScopeMatch', 'unmanaged'] as const;
export type AccountClass = (typeof accountClasses)[number];

/**
 * Why an account is classified as it is, beyond its class (each has a message in every locale):
 * - severalSources: several source objects match it; Roster never picks one (adopt is refused).
 * - sourceLinkedElsewhere: the source object it matches is linked to another account of the target.
 * - noMatchingValue: the account has no value in any matching attribute.
 */
export const accountNotes = ['severalSources', 'sourceLinkedElsewhere', 'noMatchingValue'] as const;
export type AccountNote = (typeof accountNotes)[number];

export const accountDecisions = ['adopted', 'disabled', 'left'] as const;
export type AccountDecisionKind = (typeof accountDecisions)[number];

export interface AccountDecision {
  kind: AccountDecisionKind;
  at: string;
  by: string;
}

/** One account of the target, as the report shows it. */
export interface AccountRow {
  seq: number;
  objectType: ObjectType;
  targetId: string;
  displayName: string;
  /** The account's value of the first matching attribute (its user name, a group's display name). */
  keyValue: string | null;
  /** Users: whether the account is active; null when the target does not say. */
  active: boolean | null;
  accountClass: AccountClass;
  note: AccountNote | null;
  /** The source object it is linked to or matches (the first, when several match). */
  source: { anchor: string; displayName: string } | null;
  /** Out of scope: why, in the scope check's words. */
  scopeDetail: string | null;
  /** The matching attribute and value that found the source object. */
  matched: { path: string; value: string } | null;
  decision: AccountDecision | null;
}

export type AccountCounts = Record<AccountClass, number> & { users: number; groups: number };

export function emptyAccountCounts(): AccountCounts {
  return { linked: 0, unlinkedMatch: 0, outOfScopeMatch: 0, unmanaged: 0, users: 0, groups: 0 };
}

/** Something the admin should know about a finished report; the renderer words it by code. */
export interface AccountReportWarning {
  /**
   * - listChanged: the target's list changed while it was read (`listed` ≠ `expected`).
   * - groupsNotListed: the job maps groups but the target lists none (it cannot list them).
   */
  code: 'listChanged' | 'groupsNotListed';
  objectType: ObjectType;
  listed: number;
  expected: number | null;
}

/** The latest discovery of a job. */
export interface AccountReport {
  jobId: string;
  status: 'running' | 'completed' | 'failed' | 'cancelled';
  startedAt: string;
  endedAt: string | null;
  startedBy: string;
  /** Accounts listed so far. */
  listed: number;
  /** What the target says it holds (users + groups), once its first page arrived. */
  expected: number | null;
  counts: AccountCounts;
  warnings: AccountReportWarning[];
  error: { code: string; message: string } | null;
}

export const accountRowsInputSchema = z
  .object({
    jobId: z.string().min(1),
    accountClass: z.enum(accountClasses).optional(),
    objectType: z.enum(['User', 'Group']).optional(),
    /** Words in the name, the key value, the target id or the source key (case-insensitive). */
    search: z.string().trim().max(200).default(''),
    /** Rows after this seq (keyset paging: stable while decisions change). */
    afterSeq: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type AccountRowsInput = z.input<typeof accountRowsInputSchema>;

export interface AccountRowsPage {
  rows: AccountRow[];
  /** Rows matching the filter in the whole report. */
  total: number;
  /** Pass as `afterSeq` for the next page; null at the end. */
  nextAfterSeq: number | null;
}

export const accountActions = ['adopt', 'disable', 'leave'] as const;
export type AccountAction = (typeof accountActions)[number];

/** At most this many accounts per action: one confirmation should not change a whole target. */
export const maxAccountsPerAction = 500;

export const accountActInputSchema = z
  .object({
    jobId: z.string().min(1),
    action: z.enum(accountActions),
    accounts: z
      .array(z.object({ objectType: z.enum(['User', 'Group']), targetId: z.string().min(1) }).strict())
      .min(1)
      .max(maxAccountsPerAction),
  })
  .strict();
export type AccountActInput = z.input<typeof accountActInputSchema>;

/**
 * Why one account of an action was not acted on (each has a message in every locale):
 * - notInReport: the latest report has no such account (run discovery again).
 * - linked: the job manages it (adopt/disable are for accounts it does not manage).
 * - noSourceMatch: adopt needs a matching source object.
 * - severalSources: several source objects match it.
 * - outOfScope: its source object is out of scope: once linked, the next cycle would deprovision it.
 * - sourceGone: its source object is no longer in the source.
 * - sourceLinked: its source object is linked (to this account or another) by now.
 * - targetLinked: another source object is linked to this account by now.
 * - noLongerMatches: the account or the source object changed; they no longer match.
 * - targetGone: the account is no longer in the target.
 * - cannotDisable: the target has no disable for this kind of account (groups, or no `active`).
 * - failed: the target refused the write (message says why).
 */
export const accountRefusals = [
  'notInReport',
  'linked',
  'noSourceMatch',
  'severalSources',
  'outOfScope',
  'sourceGone',
  'sourceLinked',
  'targetLinked',
  'noLongerMatches',
  'targetGone',
  'cannotDisable',
  'failed',
] as const;
export type AccountRefusal = (typeof accountRefusals)[number];

export interface AccountActOutcome {
  objectType: ObjectType;
  targetId: string;
  displayName: string;
  done: boolean;
  refusal: AccountRefusal | null;
  /** The target's answer or Roster's explanation, in English (the log entry has the same). */
  message: string | null;
}

export interface AccountActResult {
  /** The run id the log entries of this action carry (the log's "cycle"). */
  runId: string;
  outcomes: AccountActOutcome[];
  report: AccountReport | null;
}

// ─── One object's link (§12 "Reset link") ───────────────────────────────────

export interface LinkView {
  jobId: string;
  objectType: ObjectType;
  /** The source object's anchor (its key in the source). */
  anchor: string;
  targetId: string;
  displayName: string;
  active: boolean;
  /** target path → value last exported (the "last exported values"). */
  exported: Record<string, TargetValue>;
  /** Groups: target ids of the members Roster added. */
  members: string[];
  linkedAt: string;
  updatedAt: string;
}

export const linkFindInputSchema = z
  .object({
    jobId: z.string().min(1),
    /** A source key, a target id or words of the display name. */
    query: z.string().trim().max(200),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict();

export const linkKeyInputSchema = z
  .object({
    jobId: z.string().min(1),
    objectType: z.enum(['User', 'Group']),
    anchor: z.string().min(1).max(1000),
  })
  .strict();

export interface LinkFindResult {
  links: LinkView[];
  /** Links the job holds in all. */
  total: number;
}

/**
 * Why a link could not be deleted (details.reason of the `conflict` error; a message per locale):
 * - jobStarted: the job runs on its schedule; pause it first.
 * - jobBusy: a cycle or another run of the job holds it now.
 */
export type LinkDeleteRefusal = 'jobStarted' | 'jobBusy';

export interface LinkDeleteResult {
  /** false when there was no such link (not an error, §12). */
  deleted: boolean;
  link: LinkView | null;
}
