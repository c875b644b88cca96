// @vitest-environment happy-dom
/* eslint-disable vue/one-component-per-file -- the test's stub page and provider host are components too */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h, type VNode } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { NDialogProvider, NMessageProvider } from 'naive-ui';
import { deriveJobStatus } from '@shared/domain/job-status';
import type { JobView } from '@shared/domain/job-view';
import { emptyCounters, type CycleSummary } from '@shared/domain/provisioning';
import type { UnfinishedSetup } from '@shared/domain/unfinished-setup';
import JobsSummary from '../../../src-renderer/views/dashboard/parts/jobs-summary.vue';
import UnfinishedSetups from '../../../src-renderer/views/jobs/parts/unfinished-setups.vue';
import { jobColumns } from '../../../src-renderer/views/jobs/parts/job-columns';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';
import { useJobsStore } from '../../../src-renderer/stores/jobs';

const dryRun: CycleSummary = {
  id: 'c1',
  jobId: 'j1',
  kind: 'initial',
  dryRun: true,
  status: 'completed',
  startedAt: '2026-12-03T05:00:00.000Z',
  endedAt: '2026-12-03T05:00:04.000Z',
  initiatedBy: 'alice',
  counters: { ...emptyCounters(), read: 200, created: 198, disabled: 1 },
  error: null,
};

function job(over: Partial<JobView> = {}): JobView {
  const state = deriveJobStatus({
    stored: { status: 'NotRun', quarantine: null },
    gaps: [],
    schedule: 'notStarted',
    nextRunAt: null,
    running: false,
    progress: null,
    lastCycle: null,
  });
  return {
    id: 'j1',
    name: 'HR → App',
    sourceConnection: { id: 's', name: 'HR', kind: 'csv' },
    targetConnection: { id: 't', name: 'App', kind: 'scim' },
    status: state.code,
    state,
    nextRunAt: null,
    intervalMinutes: 40,
    sourceWatch: null,
    quarantine: null,
    nextCycleInitial: true,
    linkedUsers: 0,
    linkedGroups: 0,
    stagedDeletes: 0,
    running: false,
    lastCycle: null,
    lastDryRun: null,
    updatedAt: '2026-12-03T05:00:00.000Z',
    ...over,
  };
}

const calls: { command: string; input: unknown }[] = [];
let unfinished: UnfinishedSetup[] = [];

const transport: Transport = {
  kind: 'browser',
  invoke: async (command, input) => {
    calls.push({ command, input });
    if (command === 'jobs.unfinished') return { ok: true, value: unfinished };
    if (command === 'jobs.discardSetup') {
      unfinished = [];
      return { ok: true, value: { id: (input as { id: string }).id } };
    }
    if (command === 'jobs.list') return { ok: true, value: [] };
    return { ok: true, value: null };
  },
  subscribe: () => () => {},
};

function makeRouter(): Router {
  const page = defineComponent({ render: () => h('div') });
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'dashboard', component: page },
      { path: '/jobs', name: 'jobs', component: page },
      { path: '/jobs/new', name: 'job-new', component: page },
      { path: '/jobs/:id', name: 'job', component: page },
    ],
  });
}

function mountIn(render: () => VNode, router: Router, language: 'en' | 'ko' = 'en') {
  const Host = defineComponent({
    render: () => h(NDialogProvider, null, () => h(NMessageProvider, null, render)),
  });
  return mount(Host, {
    global: { plugins: [createRosterI18n(language), router] },
    attachTo: document.body,
  });
}

function lastCycleCell(view: JobView): () => VNode {
  const columns = jobColumns({
    t: (key) => key,
    d: (value) => value.toISOString(),
    progressOf: () => undefined,
    run: () => {},
    cancel: () => {},
  });
  const column = columns.find((c) => 'key' in c && c.key === 'lastCycle');
  if (!column || !('render' in column) || !column.render) throw new Error('no lastCycle column');
  const render = column.render;
  return () => render(view, 0) as VNode;
}

describe('a job only dry-run, in the Jobs list and on the dashboard', () => {
  beforeEach(() => {
    calls.length = 0;
    unfinished = [];
    useTransport(transport);
    setActivePinia(createPinia());
  });
  afterEach(() => (document.body.innerHTML = ''));

  it('the Jobs list says what the last dry run found, not "Never run"', async () => {
    const router = makeRouter();
    const wrapper = mountIn(lastCycleCell(job({ lastDryRun: dryRun })), router);
    await flushPromises();
    expect(wrapper.text()).toContain('Dry run only');
    expect(wrapper.text()).toContain('Would do: 198 to create, 1 to disable');
    expect(wrapper.text()).not.toContain('neverRun');

    const never = mountIn(lastCycleCell(job()), router);
    expect(never.text()).toContain('provisioning.jobs.neverRun');
  });

  it('the dashboard says it too, in English and Korean', async () => {
    const jobs = useJobsStore();
    jobs.items = [job({ lastDryRun: dryRun }), job({ id: 'j2', name: 'Untouched' })];
    const router = makeRouter();
    const en = mountIn(() => h(JobsSummary), router);
    await flushPromises();
    const [dryRunOnly, untouched] = en.findAll('[data-test="jobs-summary"] li');
    expect(dryRunOnly?.text()).toContain('Dry run only');
    expect(dryRunOnly?.text()).toContain('198 to create, 1 to disable');
    expect(dryRunOnly?.text()).not.toContain('Never run');
    expect(untouched?.text()).toContain('Never run');

    const ko = mountIn(() => h(JobsSummary), router, 'ko');
    await flushPromises();
    expect(ko.find('[data-test="dry-run-summary"]').text()).toContain('만들기 198건, 비활성화 1건');
  });
});

describe('an unfinished setup on the Jobs page', () => {
  beforeEach(() => {
    calls.length = 0;
    useTransport(transport);
    setActivePinia(createPinia());
  });
  afterEach(() => (document.body.innerHTML = ''));

  const setup: UnfinishedSetup = {
    id: 'p1',
    name: 'New app',
    sourceConnection: 'HR',
    targetConnection: 'Sandbox',
    createdAt: '2026-12-03T05:00:00.000Z',
    updatedAt: '2026-12-03T05:01:00.000Z',
    resumable: true,
    lastDryRun: dryRun,
  };

  it('offers to resume it in the wizard without asking again', async () => {
    unfinished = [setup];
    const router = makeRouter();
    await router.push('/jobs');
    const wrapper = mountIn(() => h(UnfinishedSetups), router);
    await flushPromises();
    const card = wrapper.find('[data-test="unfinished-setups"]');
    expect(card.text()).toContain('Unfinished setup');
    expect(card.text()).toContain('New app (HR → Sandbox)');
    expect(card.text()).toContain('198 to create');
    await wrapper.find('[data-test="unfinished-resume"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('job-new');
    expect(router.currentRoute.value.query).toEqual({ resume: '1' });
  });

  it('discards it after a confirmation, and says when it can no longer be resumed', async () => {
    unfinished = [{ ...setup, resumable: false, lastDryRun: null }];
    const router = makeRouter();
    const wrapper = mountIn(() => h(UnfinishedSetups), router);
    await flushPromises();
    expect(wrapper.find('[data-test="unfinished-resume"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('cannot be resumed');
    expect(wrapper.text()).toContain('Not dry-run yet.');

    await wrapper.find('[data-test="unfinished-discard"]').trigger('click');
    await flushPromises();
    expect(calls.some((c) => c.command === 'jobs.discardSetup')).toBe(false);
    const confirm = [...document.body.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Discard setup'),
    );
    expect(confirm).toBeDefined();
    confirm?.click();
    await flushPromises();
    expect(calls.find((c) => c.command === 'jobs.discardSetup')?.input).toEqual({ id: 'p1' });
    expect(wrapper.find('[data-test="unfinished-setups"]').exists()).toBe(false);
  });
});
