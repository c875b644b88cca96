// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NMessageProvider } from 'naive-ui';
import { deriveJobStatus, type JobStatusInput } from '@shared/domain/job-status';
import type { JobView } from '@shared/domain/job-view';
import { emptyCounters } from '@shared/domain/provisioning';
import JobStatusBadge from '../../../src-renderer/views/jobs/parts/job-status-badge.vue';
import NextRun from '../../../src-renderer/views/jobs/parts/next-run.vue';
import ScheduleButtons from '../../../src-renderer/views/jobs/parts/schedule-buttons.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';

const calls: { command: string; input: unknown }[] = [];

function job(over: Partial<JobStatusInput> = {}): JobView {
  const state = deriveJobStatus({
    stored: { status: 'Active', quarantine: null },
    gaps: [],
    schedule: 'started',
    nextRunAt: new Date(Date.now() + 25 * 60_000).toISOString(),
    running: false,
    progress: null,
    lastCycle: null,
    ...over,
  });
  return {
    id: 'j1',
    name: 'HR → App',
    sourceConnection: { id: 's', name: 'HR', kind: 'csv' },
    targetConnection: { id: 't', name: 'App', kind: 'scim' },
    status: state.code,
    state,
    nextRunAt: state.nextRunAt,
    intervalMinutes: 40,
    sourceWatch: null,
    quarantine: null,
    nextCycleInitial: false,
    linkedUsers: 0,
    linkedGroups: 0,
    stagedDeletes: 0,
    running: over.running ?? false,
    lastCycle: null,
    updatedAt: '2026-03-02T09:00:00.000Z',
  };
}

const transport: Transport = {
  kind: 'browser',
  invoke: async (command, input) => {
    calls.push({ command, input });
    const value =
      command === 'jobs.runNow'
        ? { job: job(), run: 'queued' }
        : job({ schedule: command === 'jobs.pause' ? 'paused' : 'started' });
    return { ok: true, value };
  },
  subscribe: () => () => {},
};

function mountIn(component: unknown, props: Record<string, unknown>, language: 'en' | 'ko' = 'en') {
  const Host = defineComponent({
    render: () => h(NMessageProvider, null, () => h(component as never, props)),
  });
  return mount(Host, { global: { plugins: [createRosterI18n(language)] }, attachTo: document.body });
}

describe('job schedule in the UI', () => {
  beforeEach(() => {
    calls.length = 0;
    useTransport(transport);
    setActivePinia(createPinia());
  });
  afterEach(() => (document.body.innerHTML = ''));

  it('labels the status from the one model: a stopped cycle reads Stopped, with its reason on hover', () => {
    const stopped = job({
      lastCycle: {
        id: 'c1',
        jobId: 'j1',
        kind: 'incremental',
        dryRun: false,
        status: 'stopped',
        startedAt: '2026-03-02T09:00:00.000Z',
        endedAt: '2026-03-02T09:01:00.000Z',
        initiatedBy: 'schedule',
        counters: emptyCounters(),
        error: { code: 'EmptySource', message: 'The source file is empty' },
      },
    });
    expect(mountIn(JobStatusBadge, { job: stopped }).find('[data-test="job-status"]').text()).toBe('Stopped');
    expect(mountIn(JobStatusBadge, { job: job() }).find('[data-test="job-status"]').text()).toBe('Active');
    expect(mountIn(JobStatusBadge, { job: job({ schedule: 'notStarted' }) }).text()).toBe('Not started');
    expect(mountIn(JobStatusBadge, { job: job({ running: true }) }, 'ko').text()).toBe('실행 중');
    const quarantined = job({
      stored: {
        status: 'Quarantine',
        quarantine: { reason: 'EncounteredQuarantineException', since: 's', detail: '401 from the app' },
      },
    });
    expect(mountIn(JobStatusBadge, { job: quarantined }).text()).toBe(
      'Quarantine · the app refused the connection',
    );
  });

  it('shows the next run as a time, "waiting" when due, or "not scheduled"', () => {
    const soon = mountIn(NextRun, { job: job() }).find('[data-test="next-run"]');
    expect(soon.attributes('data-at')).not.toBe('');
    expect(soon.text()).toMatch(/minutes/);
    const due = job({ nextRunAt: new Date(Date.now() - 1000).toISOString() });
    expect(mountIn(NextRun, { job: due }).text()).toBe('due now, waiting for a free slot');
    expect(mountIn(NextRun, { job: job({ schedule: 'paused' }) }).text()).toBe('not scheduled');
  });

  it('offers Start, Pause or Resume by the schedule, and Run now, as keyboard-reachable buttons', async () => {
    const started = mountIn(ScheduleButtons, { job: job() });
    expect(started.find('[data-test="job-pause"]').element.tagName).toBe('BUTTON');
    await started.find('[data-test="job-pause"]').trigger('click');
    await flushPromises();
    expect(calls).toEqual([{ command: 'jobs.pause', input: { id: 'j1' } }]);

    const paused = mountIn(ScheduleButtons, { job: job({ schedule: 'paused' }) });
    expect(paused.find('[data-test="job-resume"]').exists()).toBe(true);
    const fresh = mountIn(ScheduleButtons, { job: job({ schedule: 'notStarted' }) });
    await fresh.find('[data-test="job-start"]').trigger('click');
    await fresh.find('[data-test="job-run"]').trigger('click');
    await flushPromises();
    expect(calls.slice(1).map((c) => c.command)).toEqual(['jobs.start', 'jobs.runNow']);

    const running = mountIn(ScheduleButtons, { job: job({ running: true }) });
    expect(running.find('[data-test="job-run"]').attributes('disabled')).toBeDefined();
    const quarantined = job({
      stored: { status: 'Quarantine', quarantine: { reason: 'TooManyDeletes', since: 's', detail: '' } },
    });
    expect(mountIn(ScheduleButtons, { job: quarantined }).find('[data-test="job-run"]').text()).toBe(
      'Retry now',
    );
  });
});
