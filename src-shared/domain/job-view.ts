import type { ConnectionTestResult } from './connection-test';
import type { JobConfig } from './jobs';
import type { JobStatus, JobStatusKind, StoredJobStatus } from './job-status';
import type { CycleSummary } from './provisioning';

/** The status the store keeps; what the app shows is `JobView.status` / `state` (job-status.ts). */
export type JobStatusCode = StoredJobStatus;

/**
 * Fast deprovisioning (issue 9): how a started job notices a source change between its scheduled
 * cycles — the files it watches (CSV), or the directory poll and what it compares (LDAP; `by` is
 * null until the first poll answered).
 */
export type SourceWatch =
  | { kind: 'files'; files: string[] }
  | { kind: 'poll'; everySeconds: number; by: 'usn' | 'csn' | 'timestamp' | null };

export interface JobView {
  id: string;
  name: string;
  sourceConnection: { id: string; name: string; kind: string };
  targetConnection: { id: string; name: string; kind: string };
  /** §15, derived by deriveJobStatus: the one status every page, the CLI and emails show. */
  status: JobStatusKind;
  /** The whole status: schedule, next run, progress, quarantine with its hint, the last problem. */
  state: JobStatus;
  /** ISO time the next cycle is due; null when the job is not scheduled. */
  nextRunAt: string | null;
  /** A started job runs this often, counted from the previous cycle's start (§3.3). */
  intervalMinutes: number;
  /** What starts a cycle as soon as the source changes; null when nothing is watched. */
  sourceWatch: SourceWatch | null;
  quarantine: { reason: string; since: string; detail: string } | null;
  /** The next cycle is an initial one (no watermark). */
  nextCycleInitial: boolean;
  linkedUsers: number;
  linkedGroups: number;
  stagedDeletes: number;
  running: boolean;
  lastCycle: CycleSummary | null;
  /**
   * While no real cycle has run: the last dry run that completed, so the Jobs list and the dashboard
   * say what it found instead of "Never run" (null once a real cycle ran, or when there is none).
   */
  lastDryRun?: CycleSummary | null;
  updatedAt: string;
}

export interface JobDetail extends JobView {
  config: JobConfig;
}

export type { ConnectionTestResult };
