// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NSelect } from 'naive-ui';
import type { ScopingFilter } from '@shared/scoping';
import { explainScoping, isInScope } from '@shared/scoping';
import type { ScopePreviewResult, SourceObjectSample } from '@shared/domain/job-editing';
import type { Result } from '@shared/domain/result';
import ScopingFilterEditor from '../../../src-renderer/views/jobs/parts/scoping-editor/scoping-filter-editor.vue';
import ObjectPicker from '../../../src-renderer/views/jobs/parts/scoping-editor/object-picker.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';

const people: SourceObjectSample[] = [
  {
    objectType: 'User',
    anchor: 'E1',
    displayName: 'Ada Lovelace',
    attributes: { department: 'Sales', level: '7' },
  },
  {
    objectType: 'User',
    anchor: 'E2',
    displayName: 'Alan Turing',
    attributes: { department: 'Research', level: '5' },
  },
  {
    objectType: 'User',
    anchor: 'E3',
    displayName: 'Grace Hopper',
    attributes: { department: 'Sales', level: '' },
  },
];

/** Answers as the app would: the filters really evaluated over the three people above. */
function sourceTransport() {
  const calls: { command: string; input: Record<string, unknown> }[] = [];
  const transport: Transport = {
    kind: 'browser',
    invoke: async (command, raw) => {
      const input = raw as Record<string, unknown>;
      calls.push({ command, input });
      const answer = (value: unknown): Result<unknown> => ({ ok: true, value });
      if (command === 'sources.schema')
        return answer({
          origin: 'the header of people.csv',
          attributes: [
            { objectType: 'User', name: 'department', type: 'String', multiValued: false },
            { objectType: 'User', name: 'level', type: 'Integer', multiValued: false },
          ],
        });
      if (command === 'sources.search')
        return answer({ items: people, total: 3, readAt: '2026-01-01T00:00:00Z' });
      if (command === 'jobs.scopePreview') {
        const filters = input['filters'] as ScopingFilter[];
        const picked = people.find((p) => p.anchor === input['explainAnchor']);
        const result: ScopePreviewResult = {
          total: people.length,
          inScope: people.filter((p) => isInScope(filters, p.attributes)).length,
          readAt: '2026-01-01T00:00:00Z',
          problems: [],
          ...(picked
            ? {
                explanation: {
                  ...explainScoping(filters, picked.attributes),
                  anchor: picked.anchor,
                  displayName: picked.displayName,
                },
              }
            : {}),
        };
        return answer(result);
      }
      return { ok: false, error: { code: 'unknownCommand', message: command } };
    },
    subscribe: () => () => {},
  };
  return { transport, calls };
}

const twoGroups: ScopingFilter[] = [
  { title: 'Sales', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] },
  {
    title: '',
    clauses: [
      { attribute: 'department', operator: 'EQUALS', value: 'Research' },
      { attribute: 'level', operator: 'Greater_Than', value: '4' },
    ],
  },
];

function mountEditor(filters: ScopingFilter[], language: 'en' | 'ko' = 'en') {
  return mount(ScopingFilterEditor, {
    props: { filters, sourceConnection: 'HR', objectType: 'User', previewDelayMs: 0 },
    global: { plugins: [createRosterI18n(language)] },
    attachTo: document.body,
  });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function lastFilters(wrapper: ReturnType<typeof mountEditor>): ScopingFilter[] {
  const events = wrapper.emitted('update:filters') ?? [];
  return events[events.length - 1]?.[0] as ScopingFilter[];
}

describe('scoping filter editor', { timeout: 30_000 }, () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => (document.body.innerHTML = ''));

  it('shows groups ORed and conditions ANDed, in words, with the live count', async () => {
    const { transport } = sourceTransport();
    useTransport(transport);
    const wrapper = mountEditor(twoGroups);
    await settle();
    expect(wrapper.findAll('[data-test^="scope-group-"]')).toHaveLength(2);
    expect(wrapper.findAll('[data-test="scope-or"]').map((n) => n.text())).toEqual(['OR']);
    expect(wrapper.find('[data-test="scope-group-1"]').text()).toContain('AND');
    expect(wrapper.find('[data-test="scope-group-0"]').text()).not.toContain('AND');
    expect(wrapper.text()).toContain('An object is in scope when it passes at least one group');
    expect(wrapper.find('[data-test="scope-count-value"]').text()).toBe(
      '3 of 3 source objects pass the filters',
    );
    expect(wrapper.text()).toContain('Attributes from the header of people.csv');
    wrapper.unmount();
  });

  it('adds and removes conditions and groups, emitting the job’s stored shape', async () => {
    const { transport } = sourceTransport();
    useTransport(transport);
    const wrapper = mountEditor(twoGroups);
    await settle();
    await wrapper.find('[data-test="clause-add-0"]').trigger('click');
    expect(lastFilters(wrapper)[0]?.clauses).toEqual([
      { attribute: 'department', operator: 'EQUALS', value: 'Sales' },
      { attribute: '', operator: 'EQUALS', value: '' },
    ]);
    await wrapper.find('[data-test="clause-remove-0-1"]').trigger('click');
    await wrapper.find('[data-test="clause-remove-1-0"]').trigger('click');
    expect(lastFilters(wrapper)).toEqual([
      twoGroups[0],
      { title: '', clauses: [{ attribute: 'level', operator: 'Greater_Than', value: '4' }] },
    ]);
    await wrapper.find('[data-test="group-remove-0"]').trigger('click');
    await wrapper.find('[data-test="group-add"]').trigger('click');
    expect(lastFilters(wrapper)).toHaveLength(2);
    expect(lastFilters(wrapper)[1]).toEqual({
      title: '',
      clauses: [{ attribute: '', operator: 'EQUALS', value: '' }],
    });
    await wrapper.find('[data-test="group-remove-0"]').trigger('click');
    await wrapper.find('[data-test="group-remove-0"]').trigger('click');
    expect(lastFilters(wrapper)).toEqual([]);
    expect(wrapper.find('[data-test="scope-empty"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('checks the value beside its field, holds the count, and reports the filters invalid', async () => {
    const { transport, calls } = sourceTransport();
    useTransport(transport);
    const wrapper = mountEditor(twoGroups);
    await settle();
    const asked = calls.filter((c) => c.command === 'jobs.scopePreview').length;
    await wrapper.find('[data-test="clause-value-1-1"] input').setValue('four');
    await settle();
    const feedback = wrapper.find('[data-test="scope-clause-1-1"]').findAll('.n-form-item-feedback__line');
    expect(feedback.map((n) => n.text())).toEqual([
      '“four” is not a whole number (digits with an optional leading -).',
    ]);
    expect(wrapper.find('[data-test="scope-problem-count"]').text()).toBe('1 problem to fix before saving');
    expect(wrapper.emitted('update:valid')?.at(-1)).toEqual([false]);
    expect(calls.filter((c) => c.command === 'jobs.scopePreview')).toHaveLength(asked);
    expect(wrapper.find('[data-test="scope-count"]').text()).toContain(
      'Fix the problems above to count again.',
    );
    await wrapper.find('[data-test="clause-value-1-1"] input').setValue('6');
    await settle();
    expect(wrapper.emitted('update:valid')?.at(-1)).toEqual([true]);
    expect(wrapper.find('[data-test="scope-count-value"]').text()).toBe(
      '2 of 3 source objects pass the filters',
    );
    wrapper.unmount();
  });

  it('says which attribute was meant, and keeps or clears the value as the operator changes', async () => {
    const { transport } = sourceTransport();
    useTransport(transport);
    const wrapper = mountEditor([
      { title: '', clauses: [{ attribute: 'departmnt', operator: 'EQUALS', value: 'Sales' }] },
    ]);
    await settle();
    expect(wrapper.find('[data-test="scope-clause-0-0"]').text()).toContain(
      'The source has no attribute “departmnt”. Did you mean “department”?',
    );
    const operator = wrapper
      .findAllComponents(NSelect)
      .find((select) => select.attributes('data-test') === 'clause-operator-0-0');
    operator?.vm.$emit('update:value', 'NOT EQUALS');
    await settle();
    expect(lastFilters(wrapper)[0]?.clauses[0]).toEqual({
      attribute: 'departmnt',
      operator: 'NOT EQUALS',
      value: 'Sales',
    });
    operator?.vm.$emit('update:value', 'Greater_Than_OR_EQUALS');
    await settle();
    expect(lastFilters(wrapper)[0]?.clauses[0]).toEqual({
      attribute: 'departmnt',
      operator: 'Greater_Than_OR_EQUALS',
      value: '',
    });
    operator?.vm.$emit('update:value', 'IS NULL');
    await settle();
    expect(lastFilters(wrapper)[0]?.clauses[0]).toEqual({ attribute: 'departmnt', operator: 'IS NULL' });
    expect(wrapper.find('[data-test="clause-value-0-0"] input').attributes('disabled')).toBeDefined();
    wrapper.unmount();
  });

  it('explains why one picked object is in or out, condition by condition with its actual value', async () => {
    const { transport, calls } = sourceTransport();
    useTransport(transport);
    const wrapper = mountEditor([
      {
        title: '',
        clauses: [
          { attribute: 'department', operator: 'EQUALS', value: 'Sales' },
          { attribute: 'level', operator: 'Greater_Than', value: '4' },
        ],
      },
    ]);
    await settle();
    wrapper.findComponent(ObjectPicker).vm.$emit('pick', people[2]);
    await settle();
    expect(calls.at(-1)).toMatchObject({ command: 'jobs.scopePreview', input: { explainAnchor: 'E3' } });
    expect(wrapper.find('[data-test="scope-why-verdict"]').text()).toBe('Out of scope');
    const rows = wrapper
      .find('[data-test="scope-why-group-0"]')
      .findAll('tbody tr')
      .map((row) => row.findAll('td').map((cell) => cell.text()));
    expect(rows).toEqual([
      ['department equals “Sales”', 'Sales', 'true'],
      ['level is greater than 4', '(empty)', 'false (the attribute is empty)'],
    ]);
    expect(wrapper.text()).toContain('No group lets it in');
    wrapper.findComponent(ObjectPicker).vm.$emit('pick', people[0]);
    await settle();
    expect(wrapper.find('[data-test="scope-why-verdict"]').text()).toBe('In scope');
    expect(wrapper.text()).toContain('Group 1 lets it in');
    wrapper.unmount();
  });

  it('speaks Korean', async () => {
    const { transport } = sourceTransport();
    useTransport(transport);
    const wrapper = mountEditor(twoGroups, 'ko');
    await settle();
    expect(wrapper.find('[data-test="scope-count-value"]').text()).toBe(
      '원본 개체 3개 중 3개가 필터를 통과합니다',
    );
    expect(wrapper.findAll('[data-test="scope-or"]').map((n) => n.text())).toEqual(['또는']);
    wrapper.unmount();
  });
});
