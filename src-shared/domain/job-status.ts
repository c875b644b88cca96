import type { CycleProgress, CycleSummary } from './provisioning';

/**
 * One status model (provisioning-behaviour.md §15, issue 9): what a job is doing, derived by one pure
 * function from the stored job, its latest cycle and the scheduler. The job view carries it, and the
 * Dashboard, the job page, `roster job list` and emails all read it, so they never disagree.
 */
export const jobStatusCodes = [
  'NotConfigured',
  'NotRun',
  'Active',
  'Running',
  'Paused',
  'Quarantine',
  'Disabled',
] as const;
export type JobStatusKind = (typeof jobStatusCodes)[number];

/** The status the store keeps for a job (written by the engine and the scheduler). */
export type StoredJobStatus = 'NotRun' | 'Active' | 'Paused' | 'Quarantine' | 'Disabled';

/** Whether the job runs on its schedule: never started, started, or paused by the admin. */
export type ScheduleState = 'notStarted' | 'started' | 'paused';

/** Quarantine reasons (§10.1), and what the admin should look at for each. */
export const quarantineReasons = [
  'EncounteredQuarantineException',
  'EncounteredEscrowProportionThreshold',
  'EncounteredBaseEscrowThreshold',
  'EncounteredTotalEscrowThreshold',
  'TooManyDeletes',
] as const;

export type QuarantineHint = 'checkConnection' | 'reviewFailures' | 'reviewDeletes';

const hintByReason: Readonly<Record<string, QuarantineHint>> = {
  EncounteredQuarantineException: 'checkConnection',
  EncounteredEscrowProportionThreshold: 'reviewFailures',
  EncounteredBaseEscrowThreshold: 'reviewFailures',
  EncounteredTotalEscrowThreshold: 'reviewFailures',
  TooManyDeletes: 'reviewDeletes',
  // Short names some stored statuses use.
  CredentialsInvalid: 'checkConnection',
  TargetUnreachable: 'checkConnection',
  EscrowThreshold: 'reviewFailures',
};

export function quarantineHint(reason: string): QuarantineHint {
  return hintByReason[reason] ?? 'checkConnection';
}

/** Why a job cannot run: a connection is gone, or a secret its authentication needs is not set. */
export interface ConfigurationGap {
  role: 'source' | 'target';
  problem: 'connectionMissing' | 'secretNotSet';
  /** The secret field, for secretNotSet. */
  field?: string;
}

export interface JobStatus {
  code: JobStatusKind;
  schedule: ScheduleState;
  /** ISO time the next cycle is due (at or before now: as soon as a slot is free); null when not scheduled. */
  nextRunAt: string | null;
  /** The running cycle's latest report (Running only; null until the first one arrives). */
  progress: CycleProgress | null;
  quarantine: {
    reason: string;
    since: string;
    detail: string;
    nextAttemptAt: string | null;
    hint: QuarantineHint;
  } | null;
  /**
   * The latest real cycle did not complete: it shows, with its reason, until a cycle completes —
   * so a job never reads "Active" (or "Not run yet") right after a stopped cycle.
   */
  problem: {
    cycleId: string;
    outcome: 'stopped' | 'failed' | 'cancelled';
    code: string;
    message: string;
    at: string;
  } | null;
  /** What is missing, for NotConfigured. */
  gaps: ConfigurationGap[];
}

export interface JobStatusInput {
  stored: {
    status: StoredJobStatus;
    quarantine: { reason: string; since: string; detail: string } | null;
  };
  gaps: ConfigurationGap[];
  schedule: ScheduleState;
  nextRunAt: string | null;
  running: boolean;
  progress: CycleProgress | null;
  /** The job's latest real (not dry-run) cycle, running or ended. */
  lastCycle: CycleSummary | null;
}

/**
 * The status code, in order of what matters most: a job that cannot run says so first; a running
 * cycle is shown as such; then the states an admin (or 28 days of quarantine) put the job in.
 */
function codeOf(input: JobStatusInput): JobStatusKind {
  if (input.gaps.length > 0) return 'NotConfigured';
  if (input.running) return 'Running';
  if (input.stored.status === 'Disabled') return 'Disabled';
  if (input.stored.status === 'Quarantine' && input.stored.quarantine) return 'Quarantine';
  if (input.schedule === 'paused') return 'Paused';
  // No cycle has completed yet (§15); the schedule says whether one is coming.
  if (input.stored.status === 'NotRun') return 'NotRun';
  // Ran (by hand) but never started: like a paused job, it runs only when someone presses Run.
  if (input.schedule === 'notStarted') return 'Paused';
  return 'Active';
}

function problemOf(cycle: CycleSummary | null): JobStatus['problem'] {
  if (!cycle || cycle.dryRun) return null;
  if (cycle.status !== 'stopped' && cycle.status !== 'failed' && cycle.status !== 'cancelled') return null;
  return {
    cycleId: cycle.id,
    outcome: cycle.status,
    code: cycle.error?.code ?? cycle.status,
    message: cycle.error?.message ?? '',
    at: cycle.endedAt ?? cycle.startedAt,
  };
}

export function deriveJobStatus(input: JobStatusInput): JobStatus {
  const code = codeOf(input);
  const stored = input.stored.quarantine;
  const quarantined = input.stored.status === 'Quarantine' || input.stored.status === 'Disabled';
  // Only a started job that can run has a next run (or quarantine attempt), whatever the caller computed.
  const nextRunAt =
    input.schedule === 'started' && code !== 'Disabled' && code !== 'NotConfigured' ? input.nextRunAt : null;
  return {
    code,
    schedule: input.schedule,
    nextRunAt,
    progress: code === 'Running' ? input.progress : null,
    quarantine:
      quarantined && stored
        ? {
            ...stored,
            nextAttemptAt: input.stored.status === 'Quarantine' ? nextRunAt : null,
            hint: quarantineHint(stored.reason),
          }
        : null,
    problem: code === 'Running' ? null : problemOf(input.lastCycle),
    gaps: input.gaps,
  };
}

/** The one word a list shows for a status, and its colour. */
export type StatusLabel = JobStatusKind | 'NotStarted' | 'Stopped' | 'Failed' | 'Cancelled';
export type StatusTone = 'default' | 'info' | 'success' | 'warning' | 'error';

const problemLabels = {
  stopped: { label: 'Stopped', tone: 'warning' },
  failed: { label: 'Failed', tone: 'error' },
  cancelled: { label: 'Cancelled', tone: 'default' },
} as const satisfies Record<
  NonNullable<JobStatus['problem']>['outcome'],
  { label: StatusLabel; tone: StatusTone }
>;

const codeTones: Readonly<Record<JobStatusKind, StatusTone>> = {
  NotConfigured: 'warning',
  NotRun: 'default',
  Active: 'success',
  Running: 'info',
  Paused: 'warning',
  Quarantine: 'error',
  Disabled: 'error',
};

/**
 * What the badge says. A cycle that did not complete outranks "Active" and "Not run yet" until the
 * next good cycle; a job the admin paused says Paused (the job page still shows the last problem).
 */
export function statusBadge(status: Pick<JobStatus, 'code' | 'schedule' | 'problem'>): {
  label: StatusLabel;
  tone: StatusTone;
} {
  const idle = status.code === 'Active' || status.code === 'NotRun';
  const neverStarted = status.code === 'Paused' && status.schedule === 'notStarted';
  if (status.problem && (idle || neverStarted)) return problemLabels[status.problem.outcome];
  if (neverStarted) return { label: 'NotStarted', tone: 'default' };
  return { label: status.code, tone: codeTones[status.code] };
}

/** The badge words in English, for the CLI and logs (the UI has its own, per language). */
export const statusLabelWords: Readonly<Record<StatusLabel, string>> = {
  NotConfigured: 'Not configured',
  NotRun: 'Not run yet',
  NotStarted: 'Not started',
  Active: 'Active',
  Running: 'Running',
  Paused: 'Paused',
  Quarantine: 'Quarantine',
  Disabled: 'Disabled',
  Stopped: 'Stopped',
  Failed: 'Failed',
  Cancelled: 'Cancelled',
};
