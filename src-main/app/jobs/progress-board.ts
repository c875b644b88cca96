import type { CycleProgress } from '@shared/domain/provisioning';

/**
 * The latest progress report of every cycle running in this process, so a job view built now (a
 * window opened mid-cycle, `jobs.list`) shows how far it is without waiting for the next event.
 */
export interface ProgressBoard {
  note(progress: CycleProgress): void;
  /** The cycle of this job ended: forget its progress. */
  clear(jobId: string): void;
  of(jobId: string): CycleProgress | null;
}

export function createProgressBoard(): ProgressBoard {
  const latest = new Map<string, CycleProgress>();
  return {
    note: (progress) => void latest.set(progress.jobId, progress),
    clear: (jobId) => void latest.delete(jobId),
    of: (jobId) => latest.get(jobId) ?? null,
  };
}
