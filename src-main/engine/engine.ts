import { RosterError } from '@shared/domain/errors';
import type { CycleProgress, CycleSummary } from '@shared/domain/provisioning';
import { runCycle, type EngineDeps } from './run-cycle';

export interface Engine {
  /** Runs one cycle now. One cycle per job at a time: a second request is refused with `conflict`. */
  run(
    jobId: string,
    options: { dryRun: boolean; initiatedBy: { type: 'system' | 'admin'; displayName: string } },
  ): Promise<CycleSummary>;
  /** Cancels the job's running cycle: in-flight requests finish, no new object starts, no watermark is stored. */
  cancel(jobId: string): boolean;
  isRunning(jobId: string): boolean;
  runningJobs(): string[];
}

export function createEngine(deps: EngineDeps & { onProgress?: (progress: CycleProgress) => void }): Engine {
  const running = new Map<string, AbortController>();
  return {
    async run(jobId, options) {
      if (running.has(jobId))
        throw new RosterError(
          'conflict',
          'A cycle of this job is already running. Wait for it to finish, or cancel it.',
        );
      const controller = new AbortController();
      running.set(jobId, controller);
      try {
        return await runCycle(deps, jobId, {
          ...options,
          signal: controller.signal,
          ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
        });
      } finally {
        running.delete(jobId);
      }
    },
    cancel(jobId) {
      const controller = running.get(jobId);
      controller?.abort();
      return controller !== undefined;
    },
    isRunning: (jobId) => running.has(jobId),
    runningJobs: () => [...running.keys()],
  };
}
