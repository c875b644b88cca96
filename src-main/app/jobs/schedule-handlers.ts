import { refusal } from '@shared/domain/error-messages';
import type { JobRecord } from '../../store/jobs-repo';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import { toJobView } from './job-views';

type ScheduleCommands =
  | 'jobs.start'
  | 'jobs.pause'
  | 'jobs.resume'
  | 'jobs.runNow'
  | 'scheduler.getSettings'
  | 'scheduler.saveSettings';

/** Start, Pause, Resume and Run now (§12), and how many jobs may run at once. */
export function scheduleHandlers(ctx: AppContext): HandlerGroup<ScheduleCommands> {
  function mustGet(id: string): JobRecord {
    const job = ctx.store.jobs.get(id);
    if (!job) throw refusal('notFound', 'jobMissing', { id });
    return job;
  }

  /** A wizard's preview job only ever dry-runs: it is scheduled once Create made it a job. */
  function mustGetCreated(id: string): JobRecord {
    const job = mustGet(id);
    if (job.preview) throw refusal('conflict', 'previewCannotRun', { name: job.name });
    return job;
  }

  /** Start and resume are one act on the schedule; the audit trail keeps which the admin chose. */
  function start(id: string, action: 'job.start' | 'job.resume') {
    const job = mustGetCreated(id);
    const before = ctx.scheduler.scheduleOf(id);
    ctx.scheduler.startJob(id, ctx.osUser);
    recordAudit(ctx, {
      action,
      targetType: 'job',
      targetId: id,
      targetName: job.name,
      before: { schedule: before, status: job.status },
      after: { schedule: 'started' },
    });
    return toJobView(ctx, mustGet(id));
  }

  return {
    'jobs.start': async ({ id }) => start(id, 'job.start'),
    'jobs.resume': async ({ id }) => start(id, 'job.resume'),
    'jobs.pause': async ({ id }) => {
      const job = mustGet(id);
      const before = ctx.scheduler.scheduleOf(id);
      const { cancelled } = ctx.scheduler.pauseJob(id, ctx.osUser);
      recordAudit(ctx, {
        action: 'job.pause',
        targetType: 'job',
        targetId: id,
        targetName: job.name,
        before: { schedule: before },
        after: { schedule: 'paused', cycleCancelled: cancelled },
      });
      return toJobView(ctx, mustGet(id));
    },
    'jobs.runNow': async ({ id }) => {
      mustGetCreated(id);
      const run = ctx.scheduler.runNow(id, ctx.osUser);
      if (run === 'alreadyRunning') throw refusal('conflict', 'cycleNotStartedTwice');
      return { job: toJobView(ctx, mustGet(id)), run };
    },
    'scheduler.getSettings': async () => ctx.scheduler.settings(),
    'scheduler.saveSettings': async (input) => {
      const before = ctx.scheduler.settings();
      if (before.maxConcurrentJobs === input.maxConcurrentJobs) return before;
      recordAudit(ctx, {
        action: 'settings.update',
        targetType: 'settings',
        targetId: null,
        targetName: 'scheduler',
        before,
        after: input,
      });
      return ctx.scheduler.updateSettings(input);
    },
  };
}
