import { refusal } from '@shared/domain/error-messages';
import type { CycleSummary } from '@shared/domain/provisioning';
import type { Engine } from '../engine/engine';
import type { JobRecord, JobsRepo } from '../store/jobs-repo';
import type { SchedulerSettings, SchedulesRepo } from '../store/schedules-repo';
import { clockDrift, type ClockReading } from './clock-drift';
import { minuteMs as realMinuteMs } from '../engine/durations';
import { jobDueAt, laterOf, quarantineOf, scheduleStateOf } from './job-schedule';
import type { ScheduleState } from './next-run';
import { disableOverdueQuarantine, liftDisabled, type QuarantineNotice } from './quarantine-store';
import type { SchedulerClock, TimerHandle, Timers } from './time';
import { createChangeTriggerSet, type SourceWatchDeps } from './change-triggers/trigger-set';
import type { SourceWatch } from '@shared/domain/job-view';

export interface SchedulerLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface SchedulerDeps {
  engine: Pick<Engine, 'run' | 'cancel' | 'refusal' | 'runningJobs'>;
  store: {
    jobs: Pick<JobsRepo, 'list' | 'get' | 'setStatus'>;
    schedules: Pick<SchedulesRepo, 'get' | 'list' | 'set' | 'lastCycleStart' | 'settings' | 'saveSettings'>;
  };
  clock: SchedulerClock;
  timers: Timers;
  log: SchedulerLogger;
  /** Runs before each cycle the scheduler starts (e.g. start the built-in sandbox when it is the target). */
  prepare?: (jobId: string) => Promise<void>;
  /** Every cycle the scheduler ran, when it ends (the app emits it; `roster run` logs it). */
  onCycleFinished?: (cycle: CycleSummary) => void;
  /** A job's schedule, status or running state changed (the app emits `jobs.changed`). */
  onChanged?: (jobId: string) => void;
  /** A quarantine became Disabled or was lifted by a start (for notifications). */
  onQuarantine?: (notice: QuarantineNotice) => void;
  /**
   * Work that runs while the scheduler does and stops with it: provisioning-log retention
   * (log-retention.ts), which prunes at start and then hourly.
   */
  housekeeping?: { start(): void; stop(): Promise<void> };
  /** Longest wait between two looks at the clock (default 15 s). */
  tickMs?: number;
  /** How long a "minute" of `intervalMinutes` is; only tests shorten it. */
  minuteMs?: number;
  /** Fast deprovisioning: watch started jobs' sources and run a cycle when one changes (change-triggers/). */
  sourceWatch?: SourceWatchDeps;
}

export type RunNowResult = 'started' | 'queued' | 'alreadyRunning';

export interface Scheduler {
  /** Begins running started jobs on their schedule; overdue jobs run now. */
  start(): void;
  /** Stops scheduling, cancels running cycles at a safe point and waits until they have ended. */
  stop(): Promise<void>;
  /** The computer woke up (Electron's powerMonitor): missed cycles run once, now. */
  onResume(): void;
  /** Start (or resume) the job's schedule; the first start runs the initial cycle at once. */
  startJob(jobId: string, by: string): void;
  /** Pause the schedule; a running cycle stops at a safe point (no watermark stored). */
  pauseJob(jobId: string, by: string): { cancelled: boolean };
  /** One cycle as soon as a slot is free, outside the schedule; never a second one of the same job. */
  runNow(jobId: string, by: string): RunNowResult;
  /** A cycle now, started by the admin (dry runs too): not limited by the slots, but tracked for stop(). */
  runManual(jobId: string, options: Parameters<Engine['run']>[1]): Promise<CycleSummary>;
  scheduleOf(jobId: string): ScheduleState;
  /** What starts the job's cycle as soon as its source changes (a watched file, a directory poll), or null. */
  sourceWatchOf(jobId: string): SourceWatch | null;
  /** ISO time the job's next cycle is due (at or before now: as soon as a slot is free), or null. */
  nextRunAt(jobId: string): string | null;
  settings(): SchedulerSettings;
  updateSettings(settings: SchedulerSettings): SchedulerSettings;
  /** Resolves when no cycle the scheduler started is running (tests). */
  idle(): Promise<void>;
}

interface InFlight {
  scheduled: boolean;
  done: Promise<unknown>;
}

export const defaultTickMs = 15_000;

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { engine, store, clock, timers, log } = deps;
  const tickMs = deps.tickMs ?? defaultTickMs;
  const minuteMs = deps.minuteMs ?? realMinuteMs;
  const inFlight = new Map<string, InFlight>();
  /** Run-now requests waiting for a slot, with who asked (insertion order = order served). */
  const wanted = new Map<string, string>();
  /**
   * When this process last started each job's cycle. The store knows every cycle's start, but a
   * cycle that failed before it was recorded would otherwise be retried at once, in a loop.
   */
  const attempted = new Map<string, string>();
  let active = false;
  let stopping = false;
  let timer: TimerHandle | null = null;
  let lastReading: ClockReading | null = null;
  /**
   * Jobs whose source changed (a change trigger fired). A change while the job's cycle runs stays
   * here, so exactly one follow-up cycle runs after it, however many changes came meanwhile.
   */
  const sourceChanged = new Set<string>();
  const triggers = deps.sourceWatch
    ? createChangeTriggerSet({
        ...deps.sourceWatch,
        timers,
        log,
        watermark: (jobId) => store.jobs.get(jobId)?.watermark ?? null,
        onChange: (jobId) => {
          sourceChanged.add(jobId);
          evaluate();
        },
      })
    : null;

  const nowIso = () => clock.now().toISOString();
  const read = (): ClockReading => ({ wallMs: clock.now().getTime(), monotonicMs: clock.monotonicMs() });
  const changed = (jobId: string) => deps.onChanged?.(jobId);

  /**
   * The previous cycle's start. Starts after `now` are ignored: they happened before the clock was
   * set back, and counting from them would run the job at every look until the clock caught up.
   */
  function lastStartOf(jobId: string, now: Date): string | null {
    const iso = now.toISOString();
    const mine = attempted.get(jobId) ?? null;
    return laterOf(store.schedules.lastCycleStart(jobId, iso), mine !== null && mine <= iso ? mine : null);
  }

  function dueOf(job: JobRecord, now: Date): Date | null {
    return jobDueAt(
      {
        job,
        schedule: scheduleStateOf(store.schedules.get(job.id)),
        lastStart: lastStartOf(job.id, now),
        minuteMs,
      },
      now,
    );
  }

  function launch(
    jobId: string,
    scheduled: boolean,
    initiatedBy: Parameters<Engine['run']>[1]['initiatedBy'],
  ) {
    attempted.set(jobId, nowIso());
    wanted.delete(jobId);
    sourceChanged.delete(jobId);
    const done = (async () => {
      await deps.prepare?.(jobId);
      return engine.run(jobId, { dryRun: false, initiatedBy });
    })()
      .then(
        (cycle) => deps.onCycleFinished?.(cycle),
        // A refusal (another process took the job a moment ago) or a failure before the cycle was
        // recorded: the interval counts from this attempt, so it is not retried in a tight loop.
        (error: unknown) => log.warn(`A scheduled cycle of job ${jobId} did not start: ${String(error)}`),
      )
      .finally(() => {
        inFlight.delete(jobId);
        changed(jobId);
        evaluate();
      });
    inFlight.set(jobId, { scheduled, done });
    changed(jobId);
  }

  /**
   * Starts every due job a slot allows, then sleeps until the next one is due (at most one tick).
   * Runs from timers and promise callbacks, where a throw would end the process: a failure (the
   * store busy past its timeout, say) is logged and the next tick tries again.
   */
  function evaluate(): void {
    if (!active || stopping) return;
    if (timer) timers.clear(timer);
    timer = null;
    try {
      startDueJobs();
    } catch (error) {
      log.warn(`The scheduler could not look at the jobs; it tries again shortly: ${String(error)}`);
      if (!timer) timer = timers.set(tick, tickMs);
    }
  }

  function startDueJobs(): void {
    const now = clock.now();
    const due: { jobId: string; at: number; by: string | undefined; change?: boolean }[] = [];
    let soonest = Number.POSITIVE_INFINITY;
    const jobs = store.jobs.list();
    triggers?.sync(
      jobs.filter((job) => scheduleStateOf(store.schedules.get(job.id)) === 'started').map((job) => job.id),
    );
    for (const job of jobs) {
      const state = scheduleStateOf(store.schedules.get(job.id));
      // A change of a paused or quarantined job's source waits for its schedule (§10.3: a broken
      // target is not hammered because the source moved).
      if (
        sourceChanged.has(job.id) &&
        (state !== 'started' || quarantineOf(job) || job.status === 'Disabled')
      )
        sourceChanged.delete(job.id);
      const running = inFlight.get(job.id);
      // Paused from another process (`roster job pause`): its scheduled cycle here stops too.
      if (state === 'paused' && running?.scheduled) engine.cancel(job.id);
      if (running) continue;
      // 28 days in quarantine (§10.3): the job stops until the admin starts it again. Not while a
      // cycle runs: its end writes the job's status.
      const notice = state === 'started' ? disableOverdueQuarantine(store.jobs, job, now) : null;
      if (notice) {
        log.warn(`${job.name} has been in quarantine for 28 days and is now Disabled.`);
        deps.onQuarantine?.(notice);
        changed(job.id);
        continue;
      }
      const by = wanted.get(job.id);
      if (by !== undefined) {
        due.push({ jobId: job.id, at: Number.NEGATIVE_INFINITY, by });
        continue;
      }
      if (sourceChanged.has(job.id)) {
        due.push({ jobId: job.id, at: Number.NEGATIVE_INFINITY, by: undefined, change: true });
        continue;
      }
      const at = dueOf(job, now)?.getTime();
      if (at === undefined) continue;
      if (at <= now.getTime()) due.push({ jobId: job.id, at, by: undefined });
      else soonest = Math.min(soonest, at);
    }
    due.sort((a, b) => a.at - b.at);
    const busy = new Set([...inFlight.keys(), ...engine.runningJobs()]);
    let free = store.schedules.settings().maxConcurrentJobs - busy.size;
    for (const { jobId, by, change } of due) {
      if (free <= 0) break;
      // Running in another process (its lease is live): its cycle counts as this one's.
      if (engine.refusal(jobId)) continue;
      launch(
        jobId,
        by === undefined,
        by !== undefined
          ? { type: 'admin', displayName: by }
          : { type: 'system', displayName: change ? 'source change' : 'schedule' },
      );
      free--;
    }
    // Jobs still waiting for a slot are looked at again when a cycle ends; the tick bounds the
    // wait for everything else (jobs due soon, jobs another process holds, a changed clock).
    const wait = Math.max(0, Math.min(soonest - now.getTime(), tickMs));
    timer = timers.set(tick, wait);
  }

  function tick(): void {
    timer = null;
    const reading = read();
    if (lastReading) {
      const drift = clockDrift(lastReading, reading);
      if (drift.kind !== 'steady') wake(drift.kind, drift.byMs);
    }
    lastReading = reading;
    evaluate();
  }

  function wake(kind: 'resumed' | 'jumpedForward' | 'jumpedBack', byMs: number | null): void {
    const minutes = byMs === null ? '' : ` (${Math.round(byMs / minuteMs)} min)`;
    log.info(
      kind === 'jumpedBack'
        ? `The clock was set back${minutes}; schedules continue from now.`
        : `The computer slept or the clock moved forward${minutes}; cycles missed meanwhile run once now.`,
    );
    // Every window shows next-run times relative to now: let them refresh.
    for (const job of store.jobs.list()) changed(job.id);
  }

  function setState(jobId: string, state: 'started' | 'paused', by: string): void {
    if (!store.jobs.get(jobId)) throw new Error(`There is no job ${jobId}.`);
    store.schedules.set(jobId, state, nowIso(), by);
  }

  return {
    start() {
      if (active) return;
      active = true;
      stopping = false;
      lastReading = read();
      evaluate();
      deps.housekeeping?.start();
    },
    async stop() {
      stopping = true;
      active = false;
      const housekeeping = deps.housekeeping?.stop();
      if (timer) timers.clear(timer);
      timer = null;
      wanted.clear();
      sourceChanged.clear();
      for (const jobId of inFlight.keys()) engine.cancel(jobId);
      await Promise.allSettled([
        ...[...inFlight.values()].map((f) => f.done),
        triggers?.closeAll(),
        housekeeping,
      ]);
    },
    onResume() {
      if (!active) return;
      wake('resumed', null);
      lastReading = read();
      evaluate();
    },
    startJob(jobId, by) {
      setState(jobId, 'started', by);
      const job = store.jobs.get(jobId);
      const notice = job ? liftDisabled(store.jobs, job, clock.now()) : null;
      if (notice) deps.onQuarantine?.(notice);
      // A cycle due at once (the first start, or overdue) is the admin's: the log names them.
      const now = clock.now();
      const fresh = store.jobs.get(jobId);
      const due = fresh ? dueOf(fresh, now) : null;
      if (due && due.getTime() <= now.getTime() && !inFlight.has(jobId)) wanted.set(jobId, by);
      changed(jobId);
      evaluate();
    },
    pauseJob(jobId, by) {
      setState(jobId, 'paused', by);
      wanted.delete(jobId);
      sourceChanged.delete(jobId);
      void triggers?.close(jobId);
      // Only a cycle of this process can be stopped from here; one run by another process stops
      // when that process next looks at the schedule (within a tick).
      const cancelled = engine.cancel(jobId);
      changed(jobId);
      return { cancelled };
    },
    runNow(jobId, by) {
      if (!store.jobs.get(jobId)) throw new Error(`There is no job ${jobId}.`);
      if (inFlight.has(jobId) || engine.refusal(jobId)) return 'alreadyRunning';
      wanted.set(jobId, by);
      evaluate();
      return inFlight.has(jobId) ? 'started' : 'queued';
    },
    async runManual(jobId, options) {
      // A scheduled cycle may still be preparing (starting the sandbox) before the engine knows it.
      if (inFlight.has(jobId)) throw engine.refusal(jobId) ?? refusal('conflict', 'cycleAboutToStart');
      const done = engine.run(jobId, options).finally(() => {
        inFlight.delete(jobId);
        evaluate();
      });
      inFlight.set(jobId, { scheduled: false, done: done.catch(() => undefined) });
      return done;
    },
    scheduleOf: (jobId) => scheduleStateOf(store.schedules.get(jobId)),
    sourceWatchOf: (jobId) => triggers?.watchOf(jobId) ?? null,
    nextRunAt(jobId) {
      const job = store.jobs.get(jobId);
      return job ? (dueOf(job, clock.now())?.toISOString() ?? null) : null;
    },
    settings: () => store.schedules.settings(),
    updateSettings(settings) {
      store.schedules.saveSettings(settings);
      evaluate();
      return store.schedules.settings();
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()].map((f) => f.done));
    },
  };
}
