import { h } from 'vue';
import { RouterLink } from 'vue-router';
import { NButton, NSpace, NTag, NTime, NTooltip, type DataTableColumns } from 'naive-ui';
import type { JobView } from '@shared/domain/job-view';
import type { CycleProgress } from '@shared/domain/provisioning';
import CycleProgressBar from '../../../components/cycle-progress-bar.vue';
import JobStatusBadge from './job-status-badge.vue';
import NextRun from './next-run.vue';
import DryRunSummary from './dry-run-summary.vue';
import ScheduleButtons from './schedule-buttons.vue';
import { cycleOutcome } from '../../../components/cycle-outcome';

export interface JobColumnsContext {
  t: (key: string, named?: Record<string, unknown>, plural?: number) => string;
  d: (value: Date, format: string) => string;
  progressOf: (jobId: string) => CycleProgress | undefined;
  run: (job: JobView, dryRun: boolean) => void;
  cancel: (job: JobView) => void;
}

function lastCycleCell(job: JobView, ctx: JobColumnsContext) {
  const progress = ctx.progressOf(job.id);
  if (job.running) {
    const phase = progress
      ? ctx.t(`provisioning.phases.${progress.phase}`)
      : ctx.t('provisioning.progress.starting');
    return h('div', { class: 'running-cell' }, [
      h('div', { class: 'running-label' }, [
        phase,
        progress?.total ? ` · ${progress.processed} / ${progress.total}` : '',
      ]),
      h(CycleProgressBar, { percent: progress?.percent ?? null, label: phase, height: 6 }),
    ]);
  }
  const cycle = job.lastCycle;
  if (!cycle) {
    // Only dry-run so far: say what the dry run found, as the job's page does.
    if (job.lastDryRun) return h(DryRunSummary, { cycle: job.lastDryRun });
    return h('span', { class: 'muted' }, ctx.t('provisioning.jobs.neverRun'));
  }
  const outcome = cycleOutcome(cycle);
  const at = new Date(cycle.endedAt ?? cycle.startedAt);
  return h(NSpace, { size: 8, align: 'center', wrap: false }, () => [
    h(NTag, { size: 'small', bordered: false, type: outcome.type }, () =>
      ctx.t(`provisioning.outcomes.${outcome.key}`, { failed: outcome.failed }),
    ),
    h(NTooltip, null, {
      trigger: () => h('span', { class: 'muted' }, h(NTime, { time: at, type: 'relative' })),
      default: () => ctx.d(at, 'long'),
    }),
  ]);
}

/** Start / Pause / Resume and Run now; beside them Cancel while a cycle runs, Dry run otherwise. */
function actionsCell(job: JobView, ctx: JobColumnsContext) {
  const side = job.running
    ? h(NButton, { size: 'small', onClick: () => ctx.cancel(job), 'data-test': `cancel-${job.name}` }, () =>
        ctx.t('provisioning.jobs.cancel'),
      )
    : h(
        NButton,
        { size: 'small', onClick: () => ctx.run(job, true), 'data-test': `dry-run-${job.name}` },
        () => ctx.t('provisioning.jobs.dryRun'),
      );
  return h(NSpace, { size: 6, wrap: false }, () => [h(ScheduleButtons, { job, size: 'small' }), side]);
}

/** The jobs table: what each job connects, its state, and what its last cycle did. */
export function jobColumns(ctx: JobColumnsContext): DataTableColumns<JobView> {
  return [
    {
      title: ctx.t('provisioning.jobs.name'),
      key: 'name',
      minWidth: 260,
      sorter: (a, b) => a.name.localeCompare(b.name),
      render: (job) =>
        h('div', { class: 'job-cell' }, [
          h(
            RouterLink,
            {
              to: { name: 'job', params: { id: job.id } },
              class: 'job-link',
              'data-test': `open-${job.name}`,
            },
            () => job.name,
          ),
          h('div', { class: 'muted flow' }, `${job.sourceConnection.name} → ${job.targetConnection.name}`),
        ]),
    },
    {
      title: ctx.t('provisioning.jobs.status'),
      key: 'status',
      width: 170,
      render: (job) => h(JobStatusBadge, { job }),
    },
    {
      title: ctx.t('provisioning.schedule.nextRun'),
      key: 'nextRunAt',
      width: 150,
      render: (job) => h('div', { class: 'muted' }, [h(NextRun, { job })]),
    },
    {
      title: ctx.t('provisioning.jobs.linked'),
      key: 'linked',
      width: 120,
      render: (job) =>
        h('div', { class: 'linked' }, [
          h('div', ctx.t('provisioning.jobs.linkedUsers', { count: job.linkedUsers }, job.linkedUsers)),
          h(
            'div',
            { class: 'muted' },
            ctx.t('provisioning.jobs.linkedGroups', { count: job.linkedGroups }, job.linkedGroups),
          ),
        ]),
    },
    {
      title: ctx.t('provisioning.jobs.lastCycle'),
      key: 'lastCycle',
      width: 240,
      render: (job) => lastCycleCell(job, ctx),
    },
    {
      title: ctx.t('common.actions'),
      key: 'actions',
      width: 300,
      fixed: 'right',
      render: (job) => actionsCell(job, ctx),
    },
  ];
}
