// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { emptyCounters, type CycleProgress, type CycleSummary } from '@shared/domain/provisioning';
import JobProgress from '../../../src-renderer/views/jobs/parts/job-progress.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';

/** A transport whose events the test sends, as the app would over IPC or SSE. */
function eventTransport() {
  let listener: ((name: string, payload: unknown) => void) | null = null;
  const transport: Transport = {
    kind: 'browser',
    invoke: async (command) => ({ ok: false, error: { code: 'unknownCommand', message: command } }),
    subscribe: (next) => {
      listener = next;
      return () => (listener = null);
    },
  };
  return { transport, emit: (name: string, payload: unknown) => listener?.(name, payload) };
}

const { transport, emit } = eventTransport();

function progress(patch: Partial<CycleProgress>): CycleProgress {
  return {
    jobId: 'job-1',
    cycleId: 'c-1',
    dryRun: false,
    phase: 'reading',
    processed: 0,
    total: null,
    percent: null,
    counters: emptyCounters(),
    ...patch,
  };
}

function mountProgress(language: 'en' | 'ko' = 'en') {
  return mount(JobProgress, {
    props: { jobId: 'job-1' },
    global: { plugins: [createRosterI18n(language)] },
  });
}

describe('job progress', () => {
  beforeEach(() => {
    useTransport(transport);
    setActivePinia(createPinia());
  });
  afterEach(() => (document.body.innerHTML = ''));

  it('waits for the first report with a moving bar', () => {
    const wrapper = mountProgress();
    expect(wrapper.find('[data-test="progress-phase"]').text()).toBe('Starting…');
    expect(wrapper.find('.indeterminate').exists()).toBe(true);
    wrapper.unmount();
  });

  it('follows jobs.progress events: phase, processed / total and the counters', async () => {
    const wrapper = mountProgress();
    emit('jobs.progress', progress({ phase: 'reading', processed: 120 }));
    await flushPromises();
    expect(wrapper.find('[data-test="progress-phase"]').text()).toBe('Reading the source');
    expect(wrapper.find('[data-test="progress-count"]').text()).toBe('120 so far');
    // The total is unknown while the source is read: the bar moves without a percentage.
    expect(wrapper.find('.indeterminate').exists()).toBe(true);

    emit(
      'jobs.progress',
      progress({
        phase: 'users',
        processed: 50,
        total: 200,
        percent: 25,
        counters: { ...emptyCounters(), read: 214, created: 48, failed: 2 },
      }),
    );
    await flushPromises();
    expect(wrapper.find('[data-test="progress-phase"]').text()).toBe('Provisioning users');
    expect(wrapper.text()).toContain('Step 4 of 8');
    expect(wrapper.find('[data-test="progress-count"]').text()).toBe('50 of 200');
    expect(wrapper.find('.indeterminate').exists()).toBe(false);
    expect(wrapper.find('[role="progressbar"]').attributes('aria-valuenow')).toBe('25');
    expect(wrapper.find('[data-test="progress-created"]').text()).toBe('48');
    expect(wrapper.find('[data-test="progress-failed"]').text()).toBe('2');
    wrapper.unmount();
  });

  it('ignores other jobs and clears when the cycle finishes', async () => {
    const wrapper = mountProgress();
    emit('jobs.progress', progress({ jobId: 'job-2', phase: 'groups' }));
    await flushPromises();
    expect(wrapper.find('[data-test="progress-phase"]').text()).toBe('Starting…');

    emit('jobs.progress', progress({ phase: 'recording', processed: 1, total: 1, percent: 100 }));
    await flushPromises();
    expect(wrapper.find('[data-test="progress-phase"]').text()).toBe('Recording the results');

    const finished: CycleSummary = {
      id: 'c-1',
      jobId: 'job-1',
      kind: 'initial',
      dryRun: false,
      status: 'completed',
      startedAt: '2026-03-10T12:00:00.000Z',
      endedAt: '2026-03-10T12:00:26.000Z',
      initiatedBy: 'admin',
      counters: emptyCounters(),
      error: null,
    };
    emit('jobs.cycleFinished', finished);
    await flushPromises();
    expect(wrapper.find('[data-test="progress-phase"]').text()).toBe('Starting…');
    wrapper.unmount();
  });

  it('speaks Korean', async () => {
    const wrapper = mountProgress('ko');
    emit('jobs.progress', progress({ phase: 'users', processed: 3, total: 10, percent: 30 }));
    await flushPromises();
    expect(wrapper.find('[data-test="progress-phase"]').text()).toBe('사용자 프로비저닝 중');
    expect(wrapper.find('[data-test="progress-count"]').text()).toBe('10개 중 3개');
    wrapper.unmount();
  });
});
