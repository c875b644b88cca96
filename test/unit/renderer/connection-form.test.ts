// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NDialogProvider, NMessageProvider, NNotificationProvider } from 'naive-ui';
import { defineComponent, h } from 'vue';
import ConnectionForm from '../../../src-renderer/views/connections/parts/connection-form.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';
import type { Result } from '@shared/domain/result';

/** A transport that records what the form sends and answers as the app would for these commands. */
function recordingTransport(answers: Record<string, Result<unknown>>) {
  const calls: { command: string; input: unknown }[] = [];
  const transport: Transport = {
    kind: 'browser',
    invoke: async (command, input) => {
      calls.push({ command, input });
      return answers[command] ?? { ok: false, error: { code: 'unknownCommand', message: command } };
    },
    subscribe: () => () => {},
  };
  return { transport, calls };
}

function mountForm(language: 'en' | 'ko' = 'en') {
  const host = defineComponent({
    setup: () => () =>
      h(NDialogProvider, () =>
        h(NNotificationProvider, () => h(NMessageProvider, () => h(ConnectionForm, { connection: null }))),
      ),
  });
  return mount(host, { global: { plugins: [createRosterI18n(language)] }, attachTo: document.body });
}

async function type(wrapper: VueWrapper, selector: string, value: string): Promise<void> {
  await wrapper.find(selector).setValue(value);
}

describe('connection form', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => (document.body.innerHTML = ''));

  it('shows each problem beside its field and sends nothing', async () => {
    const { transport, calls } = recordingTransport({});
    useTransport(transport);
    const wrapper = mountForm();
    await type(wrapper, 'input[name="field-baseUrl"]', 'http://scim.example.com');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const feedback = wrapper.findAll('.n-form-item-feedback__line').map((node) => node.text());
    expect(feedback).toContain('Give the connection a name');
    expect(feedback).toContain('Use an https:// URL (plain http:// is allowed only for this computer)');
    expect(calls).toEqual([]);
    wrapper.unmount();
  });

  it('says each field problem in Korean in the Korean UI', async () => {
    const { transport, calls } = recordingTransport({});
    useTransport(transport);
    const wrapper = mountForm('ko');
    await type(wrapper, 'input[name="field-baseUrl"]', 'http://scim.example.com');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const feedback = wrapper.findAll('.n-form-item-feedback__line').map((node) => node.text());
    expect(feedback).toContain('연결 이름을 입력하세요');
    expect(feedback).toContain(
      'https:// URL을 사용하세요(암호화되지 않은 http://는 이 컴퓨터에만 허용됩니다)',
    );
    expect(feedback.join('\n')).not.toMatch(/Give the connection|Use an https/);
    expect(calls).toEqual([]);
    wrapper.unmount();
  });

  it('says a coded problem the app reports in Korean beside its field', async () => {
    const { transport } = recordingTransport({
      'connections.create': {
        ok: false,
        error: {
          code: 'invalidInput',
          message: 'Invalid settings',
          details: {
            issues: [
              {
                path: 'settings.timeoutSeconds',
                message: 'Too big: expected number to be <=600',
                code: 'numberTooBig',
                params: { maximum: 600 },
              },
            ],
          },
        },
      },
    });
    useTransport(transport);
    const wrapper = mountForm('ko');
    await type(wrapper, 'input[name="connection-name"]', 'Slack');
    await type(wrapper, 'input[name="field-baseUrl"]', 'https://api.slack.com/scim/v2');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.findAll('.n-form-item-feedback__line').map((n) => n.text())).toContain(
      '600 이하여야 합니다',
    );
    wrapper.unmount();
  });

  it('creates a SCIM connection with its bearer token as a secret', async () => {
    const view = {
      id: 'c1',
      name: 'Slack',
      kind: 'scim',
      settings: {},
      secrets: { bearerToken: 'set' },
      createdAt: '',
      updatedAt: '',
    };
    const { transport, calls } = recordingTransport({
      'connections.create': { ok: true, value: view },
      'connections.list': { ok: true, value: [view] },
    });
    useTransport(transport);
    const wrapper = mountForm();
    await type(wrapper, 'input[name="connection-name"]', 'Slack');
    await type(wrapper, 'input[name="field-baseUrl"]', 'https://api.slack.com/scim/v2');
    await type(wrapper, 'input[name="secret-bearerToken"]', 'xoxp-123');
    // PATCH or PUT is left to what the server declares unless the admin picks one.
    expect(wrapper.find('[data-test="field-updateMethod"] .n-base-selection-label').text()).toContain(
      'As the server declares',
    );
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(calls[0]).toEqual({
      command: 'connections.create',
      input: {
        name: 'Slack',
        kind: 'scim',
        settings: {
          baseUrl: 'https://api.slack.com/scim/v2',
          authType: 'bearer',
          requestShape: 'scim2',
          timeoutSeconds: 60,
          groupReadsIncludeMembers: true,
          userDisable: 'activeFalse',
        },
        secrets: { bearerToken: 'xoxp-123' },
      },
    });
    wrapper.unmount();
  });

  it('shows a problem the app reports (a taken name) beside the name field', async () => {
    const { transport } = recordingTransport({
      'connections.create': {
        ok: false,
        error: {
          code: 'conflict',
          message: 'A connection named "Slack" already exists.',
          details: { issues: [{ path: 'name', message: 'Already in use' }] },
        },
      },
    });
    useTransport(transport);
    const wrapper = mountForm('ko');
    await type(wrapper, 'input[name="connection-name"]', 'Slack');
    await type(wrapper, 'input[name="field-baseUrl"]', 'https://api.slack.com/scim/v2');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.findAll('.n-form-item-feedback__line').map((n) => n.text())).toContain('Already in use');
    // The labels follow the chosen language.
    expect(wrapper.text()).toContain('SCIM 기본 URL');
    wrapper.unmount();
  });
});
