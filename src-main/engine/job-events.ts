import type { Store } from '../store/store';
import type { CycleHealth } from './cycle-health';
import { nextJobStatus } from './job-status-update';
import { quarantineOf } from './quarantine-state';
import type { QuarantineNotice } from './quarantine';

/** What a cycle tells the app after it has been recorded, for alerts (§16). */
export type EngineJobEvent =
  | { kind: 'quarantine'; notice: QuarantineNotice }
  | {
      kind: 'deletesHeldBack';
      jobId: string;
      jobName: string;
      count: number;
      threshold: number;
      /** When the quarantine series began (alerts tell a new quarantine apart from the same one). */
      quarantineBegan?: string;
      at: string;
    };

/**
 * Writes the job's status after a real cycle (inside the caller's transaction, so the status and
 * the watermark or cycle record land together) and returns the quarantine change, if any. The job
 * is read again: an admin may have changed it while the cycle ran.
 */
export function updateStatus(
  store: Store,
  jobId: string,
  health: CycleHealth,
  at: string,
  completed: { cycleId: string; steady: boolean } | null,
): QuarantineNotice | null {
  const job = store.jobs.get(jobId);
  if (!job) return null;
  const next = nextJobStatus(job, health, at, completed);
  store.jobs.setStatus(jobId, next.status, next.info, at);
  return next.notice;
}

/** The stored quarantine's series start, if the job is quarantined. */
export function quarantineBeganOf(store: Store, jobId: string): string | null {
  const job = store.jobs.get(jobId);
  return job ? (quarantineOf(job)?.seriesBegan ?? null) : null;
}
