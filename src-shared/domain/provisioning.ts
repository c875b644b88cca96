import { z } from 'zod';
import type { LogMessageCode, LogMessageParam } from './log-messages';
import type { ObjectType } from './schema';

/** ARCHITECTURE.md §4 vocabulary. */
export type Situation = 'linked' | 'unlinked' | 'unmatched' | 'disputed' | 'deleted' | 'outOfScope';

export const provisioningActions = [
  'create',
  'update',
  'delete',
  'disable',
  'enable',
  'stagedDelete',
  'other',
] as const;
export type ProvisioningAction = (typeof provisioningActions)[number];

export const provisioningStatuses = ['success', 'warning', 'failure', 'skipped'] as const;
export type ProvisioningStatus = (typeof provisioningStatuses)[number];

export type StepType = 'import' | 'scoping' | 'matching' | 'processing' | 'referenceResolution' | 'export';

export interface ProvisioningStep {
  name: string;
  provisioningStepType: StepType;
  status: ProvisioningStatus;
  /** English (exports, CLI); the app shows `messageCode` with `messageParams` in the admin's language. */
  description: string;
  details: Record<string, string>;
  messageCode?: LogMessageCode;
  messageParams?: Record<string, LogMessageParam>;
}

export interface ModifiedProperty {
  displayName: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface ErrorInformation {
  errorCode: string;
  reason: string;
  /** The reason as a message code, when the engine wrote it (see log-messages.ts). */
  reasonCode?: LogMessageCode;
  reasonParams?: Record<string, LogMessageParam>;
  additionalDetails?: string;
  errorCategory: string;
  recommendedAction?: string;
  /** The advice as a message code (`advice…` in log-messages.ts), when the engine wrote it so. */
  recommendedActionCode?: LogMessageCode;
  recommendedActionParams?: Record<string, LogMessageParam>;
}

/** One entry per object per action attempt (provisioning-behaviour.md §14.1). Immutable. */
export interface ProvisioningLogEntry {
  id: string;
  activityDateTime: string;
  jobId: string;
  jobName?: string;
  cycleId: string;
  changeId: string;
  provisioningAction: ProvisioningAction;
  status: ProvisioningStatus;
  errorInformation?: ErrorInformation;
  durationInMilliseconds: number;
  initiatedBy: { type: 'system' | 'admin'; displayName: string };
  sourceIdentity: { id: string; displayName: string; identityType: ObjectType };
  targetIdentity: { id: string | null; displayName: string | null; identityType: ObjectType };
  modifiedProperties: ModifiedProperty[];
  provisioningSteps: ProvisioningStep[];
}

export type CycleKind = 'initial' | 'incremental';
export type CycleStatus = 'running' | 'completed' | 'stopped' | 'failed' | 'cancelled';

export interface CycleCounters {
  read: number;
  inScope: number;
  evaluated: number;
  created: number;
  updated: number;
  enabled: number;
  disabled: number;
  deleted: number;
  staged: number;
  skipped: number;
  failed: number;
  unchanged: number;
  membershipRequests: number;
  /** Changed objects left alone because their escrow retry is not due yet (§9.2). */
  escrowWaiting: number;
}

export function emptyCounters(): CycleCounters {
  return {
    read: 0,
    inScope: 0,
    evaluated: 0,
    created: 0,
    updated: 0,
    enabled: 0,
    disabled: 0,
    deleted: 0,
    staged: 0,
    skipped: 0,
    failed: 0,
    unchanged: 0,
    membershipRequests: 0,
    escrowWaiting: 0,
  };
}

export interface CycleSummary {
  id: string;
  jobId: string;
  kind: CycleKind;
  dryRun: boolean;
  status: CycleStatus;
  startedAt: string;
  endedAt: string | null;
  initiatedBy: string;
  counters: CycleCounters;
  error: { code: string; message: string } | null;
}

export type CyclePhase =
  'connecting' | 'reading' | 'scoping' | 'users' | 'groups' | 'references' | 'deprovisioning' | 'recording';

export interface CycleProgress {
  jobId: string;
  cycleId: string;
  dryRun: boolean;
  phase: CyclePhase;
  processed: number;
  /** null while the source read is still going (the bar is indeterminate). */
  total: number | null;
  percent: number | null;
  counters: CycleCounters;
}

/** One line of a dry run's plan: what would happen to one object. */
export interface PlanItem {
  seq: number;
  objectType: ObjectType;
  anchor: string;
  displayName: string;
  situation: Situation;
  /** `link`: a target object matches and already has every mapped value; only the link is recorded. */
  action: ProvisioningAction | 'skip' | 'link' | 'addMembers' | 'removeMembers';
  targetId: string | null;
  changes: ModifiedProperty[];
  /** English (exports, CLI); the app reads its message code back from it (log-messages.ts parseEnglish). */
  note: string | null;
}

export const logQuerySchema = z.object({
  jobId: z.string().optional(),
  cycleId: z.string().optional(),
  changeId: z.string().optional(),
  status: z.enum(provisioningStatuses).optional(),
  action: z.enum(provisioningActions).optional(),
  /** Matches source id, target id or display name (prefix, case-insensitive). */
  identity: z.string().trim().max(200).optional(),
  since: z.string().datetime().optional(),
  until: z.string().datetime().optional(),
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type LogQuery = z.infer<typeof logQuerySchema>;
export type LogQueryInput = z.input<typeof logQuerySchema>;

export interface LogPage {
  entries: (ProvisioningLogEntry & { seq: number })[];
  nextBeforeSeq: number | null;
}
