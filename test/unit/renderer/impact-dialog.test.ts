// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { defineComponent, h, ref } from 'vue';
import type { JobImpactResult } from '@shared/domain/job-editing';
import type { ConfigProblem } from '@shared/domain/config-problems';
import { jobConfigSchema, type JobConfig } from '@shared/domain/jobs';
import type { Result } from '@shared/domain/result';
import ImpactDialog from '../../../src-renderer/components/impact/impact-dialog.vue';
import { impactWarnings } from '../../../src-renderer/components/impact/impact-model';
import { impactReasonText } from '../../../src-renderer/components/impact/impact-text';
import { logText } from '../../../src-renderer/components/log-message';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';

const config: JobConfig = jobConfigSchema.parse({
  name: 'HR → Slack',
  sourceConnection: 'HR',
  targetConnection: 'Slack',
  objectMappings: [
    {
      name: 'Users',
      sourceObject: 'User',
      targetObject: 'User',
      attributeMappings: [{ target: 'userName', type: 'Direct', source: 'mail', matchingPriority: 1 }],
    },
  ],
});

function impact(extra: Partial<JobImpactResult> = {}): JobImpactResult {
  return {
    counts: { create: 2, update: 5, enable: 0, disable: 3, delete: 0, outOfScope: 3, unchanged: 40 },
    leavingScope: 3,
    needsFullCycle: true,
    deletionThresholdHit: false,
    items: [
      {
        objectType: 'User',
        anchor: 'E100',
        displayName: 'Jane Doe',
        action: 'disable',
        reason: 'department equals "Sales" no longer holds',
        changes: [{ attribute: 'active', before: 'true', after: 'false' }],
      },
    ],
    total: 10,
    readAt: '2025-03-01T09:00:00.000Z',
    overlaps: [{ jobId: 'j2', jobName: 'AD → Slack', attributes: ['title'], accounts: 12 }],
    problems: [],
    ...extra,
  };
}

function transportAnswering(answer: (input: unknown) => Result<unknown>) {
  const calls: { command: string; input: unknown }[] = [];
  const transport: Transport = {
    kind: 'electron',
    invoke: async (command, input) => {
      calls.push({ command, input });
      return command === 'jobs.impact'
        ? answer(input)
        : { ok: false, error: { code: 'internal', message: command } };
    },
    subscribe: () => () => {},
  };
  return { transport, calls };
}

function mountDialog(language: 'en' | 'ko' = 'en') {
  const confirmed = ref(0);
  const show = ref(true);
  const host = defineComponent({
    setup: () => () =>
      h(ImpactDialog, {
        show: show.value,
        jobId: 'j1',
        config,
        title: 'Save mappings',
        'onUpdate:show': (value: boolean) => (show.value = value),
        onConfirm: () => confirmed.value++,
      }),
  });
  const wrapper = mount(host, { global: { plugins: [createRosterI18n(language)] }, attachTo: document.body });
  return { wrapper, confirmed, show };
}

const find = (selector: string) => document.body.querySelector<HTMLElement>(selector);

describe('impact dialog', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => (document.body.innerHTML = ''));

  it('asks jobs.impact for the job and the changed config, and shows the count of each action', async () => {
    const { transport, calls } = transportAnswering(() => ({ ok: true, value: impact() }));
    useTransport(transport);
    mountDialog();
    await flushPromises();
    expect(calls[0]).toMatchObject({ command: 'jobs.impact', input: { jobId: 'j1', config, offset: 0 } });
    expect(find('[data-test="impact-count-create"]')?.textContent).toContain('2');
    expect(find('[data-test="impact-count-disable"]')?.textContent).toContain('3');
    expect(find('[data-test="impact-count-unchanged"]')?.textContent).toContain('40');
    expect(find('[data-test="impact-shown"]')?.textContent).toContain('1 of 10 objects listed');
  });

  it('warns about leavers, disables, the full cycle and another job writing the same accounts', async () => {
    useTransport(transportAnswering(() => ({ ok: true, value: impact() })).transport);
    mountDialog();
    await flushPromises();
    expect(find('[data-test="impact-warning-leavingScope"]')?.textContent).toContain(
      '3 objects that are in scope today would fall out of scope',
    );
    expect(find('[data-test="impact-warning-disables"]')?.textContent).toContain(
      '3 accounts would be disabled',
    );
    expect(find('[data-test="impact-warning-fullCycle"]')?.textContent).toContain('full (initial)');
    expect(find('[data-test="impact-warning-overlaps"]')?.textContent).toContain('AD → Slack');
    expect(find('[data-test="impact-warning-deletionThreshold"]')).toBeNull();
    expect(find('[data-test="impact-confirm"]')?.textContent).toContain('Save and disable 3');
  });

  it('refuses to save a config with problems and lists them by path', async () => {
    const problems = [
      { path: 'objectMappings[0].attributeMappings[1].source', message: 'line 1, column 5: …' },
    ];
    useTransport(transportAnswering(() => ({ ok: true, value: impact({ problems }) })).transport);
    const { confirmed } = mountDialog();
    await flushPromises();
    expect(find('[data-test="impact-problems"]')?.textContent).toContain(
      'objectMappings[0].attributeMappings[1].source',
    );
    const save = find('[data-test="impact-confirm"]') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    save.click();
    expect(confirmed.value).toBe(0);
  });

  it('filters by action when a count is chosen, and asks again', async () => {
    const { transport, calls } = transportAnswering(() => ({ ok: true, value: impact() }));
    useTransport(transport);
    mountDialog();
    await flushPromises();
    find('[data-test="impact-count-disable"]')?.click();
    await flushPromises();
    expect(find('[data-test="impact-count-disable"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(calls.at(-1)?.input).toMatchObject({ action: 'disable', offset: 0 });
  });

  it('emits confirm on Save and closes on Cancel', async () => {
    useTransport(
      transportAnswering(() => ({ ok: true, value: impact({ counts: { ...impact().counts, disable: 0 } }) }))
        .transport,
    );
    const { confirmed, show } = mountDialog();
    await flushPromises();
    expect(find('[data-test="impact-confirm"]')?.textContent?.trim()).toBe('Save');
    find('[data-test="impact-confirm"]')?.click();
    expect(confirmed.value).toBe(1);
    find('[data-test="impact-cancel"]')?.click();
    expect(show.value).toBe(false);
  });

  it('says when the impact cannot be worked out, and still lets the admin save knowingly', async () => {
    useTransport(
      transportAnswering(() => ({ ok: false, error: { code: 'internal', message: 'HR.csv cannot be read' } }))
        .transport,
    );
    const { confirmed } = mountDialog();
    await flushPromises();
    expect(find('[data-test="impact-failed"]')?.textContent).toContain('HR.csv cannot be read');
    const save = find('[data-test="impact-confirm"]') as HTMLButtonElement;
    expect(save.textContent).toContain('Save without a preview');
    save.click();
    expect(confirmed.value).toBe(1);
  });

  it('lists the problems in Korean, from their codes', async () => {
    const problems: ConfigProblem[] = [
      {
        path: 'objectMappings[0].attributeMappings[1].source',
        message: 'displayName: Line 1, column 16: Replace: The pattern contains an atomic group…',
        code: 'expressionError',
        params: {
          attribute: 'displayName',
          line: '1',
          column: '16',
          text: 'Replace: The pattern contains an atomic group "(?>" at position 1 (a .NET construct).',
        },
        detail: { code: 'regex.atomicGroup', params: { position: '1' } },
      },
      {
        path: 'targetConnection',
        message: 'No such connection; did you mean "Slack"?',
        code: 'noSuchConnectionGuess',
        params: { name: 'Slak', guess: 'Slack' },
      },
    ];
    useTransport(transportAnswering(() => ({ ok: true, value: impact({ problems }) })).transport);
    mountDialog('ko');
    await flushPromises();
    const listed = find('[data-test="impact-problems"]')?.textContent ?? '';
    expect(listed).toContain(
      'displayName, 1행 16열: Replace: 패턴의 1번째 위치에 원자 그룹 "(?>"가 있습니다',
    );
    expect(listed).toContain('“Slak”(이)라는 연결이 없습니다. “Slack”을(를) 말씀하신 건가요?');
    expect(listed).not.toContain('did you mean');
  });

  it('speaks Korean', async () => {
    useTransport(transportAnswering(() => ({ ok: true, value: impact() })).transport);
    mountDialog('ko');
    await flushPromises();
    expect(find('[data-test="impact-warning-disables"]')?.textContent).toContain('계정 3개가 비활성화됩니다');
  });
});

describe('impact warnings', () => {
  it('puts problems and the deletion threshold first, and says nothing for a harmless change', () => {
    const keys = impactWarnings(
      impact({ deletionThresholdHit: true, problems: [{ path: 'a', message: 'b' }] }),
    ).map((w) => w.key);
    expect(keys.slice(0, 2)).toEqual(['problems', 'deletionThreshold']);
    const harmless = impact({
      counts: { create: 1, update: 0, enable: 0, disable: 0, delete: 0, outOfScope: 0, unchanged: 9 },
      leavingScope: 0,
      needsFullCycle: false,
      overlaps: [],
    });
    expect(impactWarnings(harmless)).toEqual([]);
  });
});

describe('impact reasons in the admin’s language', () => {
  function translator(language: 'en' | 'ko') {
    const i18n = createRosterI18n(language).global;
    const te = (key: string) => i18n.te(key);
    const t = (key: string, params: Record<string, string | number>) => i18n.t(key, params);
    return {
      i18n: { locale: language, t, te },
      logText: (stored: string) => logText(stored, undefined, undefined, { locale: language, t, te }),
    };
  }

  it('translates a disable from its code and its scope detail through the log’s own sentences', () => {
    const { i18n, logText: log } = translator('ko');
    const item = {
      reason: 'Left scope or disabled in the source: disable it: Gone from the source',
      reasonCode: 'Disable',
      reasonParams: { detail: 'Gone from the source' },
    };
    expect(impactReasonText(item, i18n, log)).toBe('비활성화: 원본에서 사라짐');
  });

  it('translates an update with its count and attributes', () => {
    const { i18n, logText: log } = translator('ko');
    const item = {
      reason: '1 attribute(s) differ from what Roster last sent: title',
      reasonCode: 'Update',
      reasonParams: { count: '1', attributes: 'title' },
    };
    expect(impactReasonText(item, i18n, log)).toBe('Roster가 마지막으로 보낸 값과 다른 속성 1개: title');
  });

  it('shows the English the app sent in English, and for a code it does not know', () => {
    const english = translator('en');
    const item = { reason: 'Not linked yet: created', reasonCode: 'Create' };
    expect(impactReasonText(item, english.i18n, english.logText)).toBe('Not linked yet: created');
    const ko = translator('ko');
    expect(
      impactReasonText({ reason: 'Something new', reasonCode: 'FromTheFuture' }, ko.i18n, ko.logText),
    ).toBe('Something new');
  });
});
