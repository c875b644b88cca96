import { RosterError } from '@shared/domain/errors';
import { jobSettingsSchema } from '@shared/domain/jobs';
import { emptyCounters, type CycleStatus, type CycleSummary } from '@shared/domain/provisioning';
import type { JobRecord, JobStatusInfo } from '../../../../src-main/store/jobs-repo';
import {
  defaultSchedulerSettings,
  type JobSchedule,
  type SchedulerSettings,
} from '../../../../src-main/store/schedules-repo';
import {
  createScheduler,
  type Scheduler,
  type SchedulerDeps,
} from '../../../../src-main/scheduler/scheduler';
import type { FakeTime } from './fake-time';

interface Running {
  cycle: CycleSummary;
  finish: (status: CycleStatus) => void;
}

/**
 * A fake engine and store around the scheduler: cycles take `cycleMs` of fake time (per job), are
 * recorded like the real engine records them (a row with its start), and stop when cancelled.
 */
export class FakeWorld {
  readonly jobs = new Map<string, JobRecord>();
  readonly schedules = new Map<string, JobSchedule>();
  readonly cycles: CycleSummary[] = [];
  readonly running = new Map<string, Running>();
  /** Jobs whose lease another process holds. */
  readonly elsewhere = new Set<string>();
  readonly cycleMs = new Map<string, number>();
  readonly log: string[] = [];
  readonly finished: CycleSummary[] = [];
  settings: SchedulerSettings = { ...defaultSchedulerSettings };
  readonly scheduler: Scheduler;

  constructor(
    readonly time: FakeTime,
    overrides: Partial<SchedulerDeps> = {},
  ) {
    this.scheduler = createScheduler({
      engine: {
        run: (jobId, options) => this.run(jobId, options.dryRun, options.initiatedBy.displayName),
        cancel: (jobId) => {
          const running = this.running.get(jobId);
          running?.finish('cancelled');
          return running !== undefined;
        },
        refusal: (jobId) =>
          this.running.has(jobId) || this.elsewhere.has(jobId)
            ? new RosterError('conflict', `job ${jobId} is running`)
            : null,
        runningJobs: () => [...this.running.keys()],
      },
      store: {
        jobs: {
          list: () => [...this.jobs.values()],
          get: (id) => this.jobs.get(id) ?? null,
          setStatus: (id, status, info) => {
            const job = this.jobs.get(id);
            if (job) this.jobs.set(id, { ...job, status, statusInfo: info });
          },
        },
        schedules: {
          get: (id) => this.schedules.get(id) ?? null,
          list: () => [...this.schedules.values()],
          set: (jobId, state, changedAt, changedBy) =>
            void this.schedules.set(jobId, { jobId, state, changedAt, changedBy }),
          lastCycleStart: (jobId, notAfter) =>
            this.cycles
              .filter((c) => c.jobId === jobId && !c.dryRun && c.startedAt <= notAfter)
              .map((c) => c.startedAt)
              .sort()
              .at(-1) ?? null,
          settings: () => this.settings,
          saveSettings: (settings) => void (this.settings = settings),
        },
      },
      clock: time,
      timers: time,
      log: { info: (m) => this.log.push(m), warn: (m) => this.log.push(m) },
      onCycleFinished: (cycle) => this.finished.push(cycle),
      ...overrides,
    });
  }

  addJob(
    id: string,
    options: {
      intervalMinutes?: number;
      status?: JobRecord['status'];
      info?: JobStatusInfo;
      cycleMs?: number;
    } = {},
  ): void {
    const at = this.time.now().toISOString();
    this.jobs.set(id, {
      id,
      name: `Job ${id}`,
      sourceConnectionId: 's',
      targetConnectionId: 't',
      config: {
        settings: jobSettingsSchema.parse({ intervalMinutes: options.intervalMinutes ?? 40 }),
        assignments: { users: [], groups: [] },
        objectMappings: [],
        targetSchema: [],
      },
      status: options.status ?? 'NotRun',
      statusInfo: options.info ?? {},
      watermark: null,
      createdAt: at,
      updatedAt: at,
    });
    this.cycleMs.set(id, options.cycleMs ?? 60_000);
  }

  /** A cycle recorded earlier (e.g. before the app was launched). */
  addPastCycle(jobId: string, startedAt: string): void {
    this.cycles.push(this.cycle(jobId, startedAt, false, 'system'));
    const last = this.cycles.at(-1);
    if (last) Object.assign(last, { status: 'completed', endedAt: startedAt });
  }

  /** Start times of the real cycles of a job, as ISO strings. */
  startsOf(jobId: string): string[] {
    return this.cycles.filter((c) => c.jobId === jobId && !c.dryRun).map((c) => c.startedAt);
  }

  private cycle(jobId: string, startedAt: string, dryRun: boolean, by: string): CycleSummary {
    return {
      id: `c${this.cycles.length + 1}`,
      jobId,
      kind: 'incremental',
      dryRun,
      status: 'running',
      startedAt,
      endedAt: null,
      initiatedBy: by,
      counters: emptyCounters(),
      error: null,
    };
  }

  private run(jobId: string, dryRun: boolean, by: string): Promise<CycleSummary> {
    if (this.running.has(jobId) || this.elsewhere.has(jobId))
      return Promise.reject(new RosterError('conflict', `job ${jobId} is running`));
    const cycle = this.cycle(jobId, this.time.now().toISOString(), dryRun, by);
    this.cycles.push(cycle);
    return new Promise((resolve) => {
      const finish = (status: CycleStatus) => {
        if (!this.running.has(jobId)) return;
        this.time.clear(timer);
        this.running.delete(jobId);
        cycle.status = status;
        cycle.endedAt = this.time.now().toISOString();
        if (status === 'completed') {
          const job = this.jobs.get(jobId);
          if (job && job.status === 'NotRun') this.jobs.set(jobId, { ...job, status: 'Active' });
        }
        resolve(cycle);
      };
      const timer = this.time.set(() => finish('completed'), this.cycleMs.get(jobId) ?? 60_000);
      this.running.set(jobId, { cycle, finish });
    });
  }
}
