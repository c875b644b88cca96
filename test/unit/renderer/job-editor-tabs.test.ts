// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NMessageProvider, NSwitch } from 'naive-ui';
import { defineComponent, h, reactive } from 'vue';
import { jobSettingsSchema, type JobConfig } from '@shared/domain/jobs';
import type { JobDetail } from '@shared/domain/job-view';
import type { JobImpactResult } from '@shared/domain/job-editing';
import type { Result } from '@shared/domain/result';
import SettingsTab from '../../../src-renderer/views/jobs/parts/settings-editor/settings-tab.vue';
import ScopeTab from '../../../src-renderer/views/jobs/parts/scoping-editor/scope-tab.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';

const config: JobConfig = {
  name: 'HR → Slack',
  sourceConnection: 'HR',
  targetConnection: 'Slack',
  settings: jobSettingsSchema.parse({ scope: 'all' }),
  assignments: { users: [], groups: [] },
  objectMappings: [
    {
      name: 'Users',
      enabled: true,
      sourceObject: 'User',
      targetObject: 'User',
      actions: { create: true, update: true, delete: true },
      scope: {
        filters: [{ title: '', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] }],
      },
      attributeMappings: [
        { target: 'userName', type: 'Direct', source: 'email', apply: 'Always', matchingPriority: 1 },
      ],
    },
  ],
  targetSchema: [],
};
const detail = { id: 'scim.1', name: config.name, config } as JobDetail;

const impact: JobImpactResult = {
  counts: { create: 0, update: 0, enable: 0, disable: 0, delete: 0, outOfScope: 0, unchanged: 3 },
  leavingScope: 0,
  needsFullCycle: false,
  deletionThresholdHit: false,
  items: [],
  total: 0,
  readAt: '2026-01-01T00:00:00Z',
  overlaps: [],
  problems: [],
};

function recordingTransport(update: Result<unknown>) {
  const calls: { command: string; input: Record<string, unknown> }[] = [];
  const transport: Transport = {
    kind: 'browser',
    invoke: async (command, raw) => {
      calls.push({ command, input: raw as Record<string, unknown> });
      const answer = (value: unknown): Result<unknown> => ({ ok: true, value });
      switch (command) {
        case 'targets.capabilities':
          return answer({
            kind: 'scim',
            canDisable: true,
            disableMethod: 'scimActive',
            requestShape: 'scim2',
          });
        case 'sources.schema':
          return answer({
            origin: 'people.csv',
            attributes: [{ objectType: 'User', name: 'department', type: 'String', multiValued: false }],
          });
        case 'sources.search':
          return answer({ items: [], total: 0, readAt: '2026-01-01T00:00:00Z' });
        case 'jobs.scopePreview':
          return answer({ total: 3, inScope: 1, readAt: '2026-01-01T00:00:00Z', problems: [] });
        case 'jobs.impact':
          return answer(impact);
        case 'jobs.update':
          return update;
        default:
          return { ok: false, error: { code: 'unknownCommand', message: command } };
      }
    },
    subscribe: () => () => {},
  };
  return { transport, calls };
}

function mountTab(component: typeof SettingsTab, onSaved: (d: JobDetail) => void) {
  const host = defineComponent({
    // Reactive, as the job page holds it: a copy must not choke on the proxy.
    setup: () => () => h(NMessageProvider, () => h(component, { detail: reactive(detail), onSaved })),
  });
  return mount(host, { global: { plugins: [createRosterI18n('en')] }, attachTo: document.body });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function click(selector: string): void {
  const element = document.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  element.click();
}

describe('job page editors save through the impact dialog', { timeout: 30_000 }, () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => (document.body.innerHTML = ''));

  it('Settings: shows the impact of the changed settings, then stores them with jobs.update', async () => {
    const saved = { ...detail, config: { ...config, settings: { ...config.settings, watchSource: false } } };
    const { transport, calls } = recordingTransport({ ok: true, value: saved });
    useTransport(transport);
    const savedDetails: JobDetail[] = [];
    const wrapper = mountTab(SettingsTab, (d) => savedDetails.push(d));
    await settle();
    expect(wrapper.find('[data-test="settings-save"]').attributes('disabled')).toBeDefined();
    wrapper
      .findAllComponents(NSwitch)
      .find((s) => s.attributes('data-test') === 'settings-watchSource')
      ?.vm.$emit('update:value', false);
    await settle();
    await wrapper.find('[data-test="settings-save"]').trigger('click');
    await settle();
    const asked = calls.find((c) => c.command === 'jobs.impact');
    expect(asked?.input).toMatchObject({ jobId: 'scim.1', config: { settings: { watchSource: false } } });
    expect(calls.some((c) => c.command === 'jobs.update')).toBe(false);
    click('[data-test="impact-confirm"]');
    await settle();
    const update = calls.find((c) => c.command === 'jobs.update');
    expect(update?.input).toEqual({ id: 'scim.1', config: saved.config });
    expect(savedDetails).toEqual([saved]);
    wrapper.unmount();
  });

  it('Settings: keeps a refused save on the page with the field it names', async () => {
    const { transport } = recordingTransport({
      ok: false,
      error: {
        code: 'invalidInput',
        message: 'The target cannot disable accounts.',
        details: {
          issues: [{ path: 'settings.onSourceDelete', message: 'The target cannot disable accounts' }],
        },
      },
    });
    useTransport(transport);
    const wrapper = mountTab(SettingsTab, () => {});
    await settle();
    wrapper
      .findAllComponents(NSwitch)
      .find((s) => s.attributes('data-test') === 'settings-watchSource')
      ?.vm.$emit('update:value', false);
    await settle();
    await wrapper.find('[data-test="settings-save"]').trigger('click');
    await settle();
    click('[data-test="impact-confirm"]');
    await settle();
    const failure = wrapper.find('[data-test="save-failure"]').text();
    expect(failure).toContain('The target cannot disable accounts.');
    expect(failure).toContain('settings.onSourceDelete');
    wrapper.unmount();
  });

  it('Scope: reads the filters in words, edits them and saves the one mapping through the impact dialog', async () => {
    const { transport, calls } = recordingTransport({ ok: true, value: detail });
    useTransport(transport);
    const wrapper = mountTab(ScopeTab, () => {});
    await settle();
    expect(wrapper.find('[data-test="scope-summary"]').text()).toContain('department equals “Sales”');
    await wrapper.find('[data-test="scope-edit-User"]').trigger('click');
    // The count is asked for after the editor's typing debounce (350 ms), not at once.
    await until(() => wrapper.find('[data-test="scope-count-value"]').exists());
    expect(wrapper.find('[data-test="scope-count-value"]').text()).toBe(
      '1 of 3 source objects pass the filters',
    );
    await wrapper.find('[data-test="clause-value-0-0"] input').setValue('Research');
    await settle();
    await wrapper.find('[data-test="scope-save-User"]').trigger('click');
    await settle();
    click('[data-test="impact-confirm"]');
    await settle();
    const update = calls.find((c) => c.command === 'jobs.update');
    const sent = update?.input['config'] as JobConfig;
    expect(sent.objectMappings[0]?.scope.filters).toEqual([
      { title: '', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Research' }] },
    ]);
    expect({ ...sent, objectMappings: [] }).toEqual({ ...config, objectMappings: [] });
    wrapper.unmount();
  });
});
