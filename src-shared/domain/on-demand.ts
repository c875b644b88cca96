/**
 * Provision on demand (provisioning-behaviour.md §13): one user, or one group with up to five of its
 * members, through the whole pipeline now, outside the schedule. The run reports each step as it
 * happens (test connection when it fails, import, scope check, match, action), so every surface — the
 * job page, the CLI, the tests — shows the same steps.
 */
import { z } from 'zod';
import type { OnDemandActionCode, OnDemandMessageCode } from './on-demand-messages';
import type { LogMessage, LogMessageCode, LogMessageParam } from './log-messages';
import type { ModifiedProperty, ProvisioningStatus, StepType } from './provisioning';
import type { ObjectType } from './schema';

/** §13: a group is provisioned with at most this many of its members. */
export const maxOnDemandMembers = 5;
/** How long a run waits by default for a cycle of the same job to end before it gives up. */
export const defaultOnDemandWaitSeconds = 120;

const query = z.string().trim().min(1).max(300);
const common = {
  jobId: z.string().min(1),
  /** Chosen by the caller, so it can listen for the run's steps before the command answers. */
  runId: z.uuid().optional(),
  /** 0: refuse at once when a cycle of the job is running; otherwise wait up to this long for it. */
  waitSeconds: z.number().int().min(0).max(600).default(defaultOnDemandWaitSeconds),
};

export const onDemandRunInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), query, ...common }).strict(),
  z
    .object({
      kind: z.literal('group'),
      query,
      members: z.array(query).max(maxOnDemandMembers).default([]),
      ...common,
    })
    .strict(),
]);
export type OnDemandRunInput = z.output<typeof onDemandRunInputSchema>;

export const onDemandSearchInputSchema = z
  .object({
    jobId: z.string().min(1),
    kind: z.enum(['user', 'group']),
    query: z.string().trim().max(300),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict();

export interface OnDemandObjectRef {
  type: ObjectType;
  anchor: string;
  displayName: string;
}

/** One search hit: enough to tell two people with the same name apart. */
export interface OnDemandCandidate extends OnDemandObjectRef {
  /** The values it was found by and the usual identifiers (email, user name…), label → value. */
  fields: { label: string; value: string }[];
  /** Which field matched the query, and how. */
  matchedOn: string;
  linked: boolean;
  disabled: boolean;
  /** Groups only: the user members (for choosing up to five). */
  members?: OnDemandObjectRef[];
}

export interface OnDemandSearchResult {
  candidates: OnDemandCandidate[];
  /** How many objects of the kind the source holds (for "12 of 3,400"). */
  searched: number;
  sourceName: string;
}

export type OnDemandStepKind = 'wait' | 'connection' | 'import' | 'scope' | 'match' | 'action' | 'references';
export type OnDemandStepStatus = ProvisioningStatus | 'waiting';

export interface OnDemandError {
  code: string;
  message: string;
  /** The message under its log code, when the engine wrote it so (the app translates it). */
  reasonCode?: LogMessageCode;
  reasonParams?: Record<string, LogMessageParam>;
  /** The message under a code of provision on demand's own (on-demand-messages.ts), when it wrote it. */
  messageCode?: OnDemandMessageCode;
  messageParams?: Record<string, string>;
  recommendedAction: string;
  /** The advice under its code, when it is one of provision on demand's own (the app translates it). */
  actionCode?: OnDemandActionCode;
  /** The advice under its log code, when the log entry it comes from carries one (log-messages.ts). */
  recommendedActionCode?: LogMessageCode;
  recommendedActionParams?: Record<string, LogMessageParam>;
  additionalDetails?: string;
}

/** One scoping-filter clause as §13 shows it: `{filter title} {attribute} {operator} {value}` → result. */
export interface ScopeClauseLine {
  filter: string;
  attribute: string;
  operator: string;
  value: string;
  /** The source value the clause saw. */
  actual: string;
  result: boolean;
  reason?: string;
}

/** One matching-attribute query: the value looked for and the target objects found. */
export interface MatchQuery {
  attribute: string;
  value: string;
  found: { id: string; displayName: string | null }[];
}

/** One of the engine's own log steps, as the provisioning log holds it (codes for translation too). */
export interface OnDemandLine {
  step: string;
  type?: StepType;
  status: ProvisioningStatus;
  description: string;
  messageCode?: LogMessageCode;
  messageParams?: Record<string, LogMessageParam>;
  details?: Record<string, string>;
}

export type OnDemandStepDetail =
  | {
      kind: 'wait';
      holder: string;
      since: string;
      cycleId: string | null;
      /** When the run gives up waiting. */
      until: string;
    }
  | {
      kind: 'connection';
      target: string;
      /** The connection test's English; the app says `summaryCode` (connectionTest.summaries) instead. */
      summary: string;
      summaryCode?: string;
      summaryParams?: Record<string, string>;
    }
  | {
      kind: 'import';
      source: string;
      origin: string | null;
      attributes: { name: string; value: string }[];
      /** The values of the matching attributes (empty: ImportSkipped for an unlinked object). */
      matchingValues: { attribute: string; value: string }[];
    }
  | {
      kind: 'scope';
      inScope: boolean;
      reason: string;
      activeInSource: boolean;
      /** scopeAll: the job takes every object; assigned / notAssigned: the job takes assigned ones. */
      assignment: 'scopeAll' | 'assigned' | 'notAssigned';
      clauses: ScopeClauseLine[];
      summary: string;
      /** `summary` under its log code, for the admin's language. */
      message?: LogMessage;
    }
  | {
      kind: 'match';
      outcome: 'linked' | 'matched' | 'none' | 'disputed' | 'noValue' | 'notNeeded';
      targetId: string | null;
      queries: MatchQuery[];
      description: string;
      /** `description` under its log code, for the admin's language. */
      message?: LogMessage;
    }
  | {
      kind: 'action';
      action: 'create' | 'update' | 'enable' | 'disable' | 'delete' | 'skip' | 'link';
      targetId: string | null;
      /** The attributes sent (or that the failed request tried to send). */
      attributes: ModifiedProperty[];
      /** The engine's own steps for this object, as the provisioning log holds them. */
      lines: OnDemandLine[];
      logEntryId: string | null;
    }
  | {
      kind: 'references';
      lines: OnDemandLine[];
      logEntryIds: string[];
    };

export interface OnDemandStep {
  runId: string;
  jobId: string;
  /** 1, 2, 3… in the order the steps happened. */
  seq: number;
  at: string;
  /** The object the step is about (null for the wait and the connection check). */
  object: OnDemandObjectRef | null;
  status: OnDemandStepStatus;
  /** One English line, as the CLI prints it; the UI builds its own from `detail`. */
  summary: string;
  detail: OnDemandStepDetail;
  error?: OnDemandError;
}

export interface OnDemandResult {
  runId: string;
  jobId: string;
  status: ProvisioningStatus;
  startedAt: string;
  endedAt: string;
  initiatedBy: string;
  steps: OnDemandStep[];
  /** The run failed as a whole (not found, the job busy, the target unreachable). */
  error?: OnDemandError;
}
