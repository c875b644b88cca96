// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NDialogProvider, NMessageProvider, NNotificationProvider } from 'naive-ui';
import { defineComponent, h } from 'vue';
import type { NotificationSettingsView } from '@shared/domain/notifications';
import type { Result } from '@shared/domain/result';
import AlertsCard from '../../../src-renderer/views/settings/parts/alerts-card.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';

const savedView: NotificationSettingsView = {
  smtp: { host: 'smtp.example.com', port: 587, tls: 'starttls', user: 'roster', from: 'roster@example.com' },
  emailLanguage: 'en',
  desktop: true,
  password: 'set',
};

/** A transport that records what the card sends and answers as the app would. */
function recordingTransport(answers: Record<string, (input: unknown) => Result<unknown>>) {
  const calls: { command: string; input: unknown }[] = [];
  const transport: Transport = {
    kind: 'electron',
    invoke: async (command, input) => {
      calls.push({ command, input });
      const answer = answers[command];
      return answer ? answer(input) : { ok: false, error: { code: 'unknownCommand', message: command } };
    },
    subscribe: () => () => {},
  };
  return { transport, calls };
}

function mountCard(language: 'en' | 'ko' = 'en') {
  const host = defineComponent({
    setup: () => () =>
      h(NDialogProvider, () => h(NNotificationProvider, () => h(NMessageProvider, () => h(AlertsCard)))),
  });
  return mount(host, { global: { plugins: [createRosterI18n(language)] }, attachTo: document.body });
}

describe('alerts settings card', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => (document.body.innerHTML = ''));

  it('turns email on, shows problems beside their fields, then saves the settings and the password', async () => {
    const empty: NotificationSettingsView = {
      smtp: null,
      emailLanguage: 'en',
      desktop: true,
      password: 'notSet',
    };
    const { transport, calls } = recordingTransport({
      'notifications.getSettings': () => ({ ok: true, value: empty }),
      'notifications.saveSettings': () => ({ ok: true, value: savedView }),
    });
    useTransport(transport);
    const wrapper = mountCard();
    await flushPromises();
    expect(wrapper.find('input[name="smtp-host"]').exists()).toBe(false);

    await wrapper.find('[data-test="alerts-email-enabled"]').trigger('click');
    await wrapper.find('input[name="smtp-host"]').setValue('smtp.example.com');
    await wrapper.find('input[name="smtp-from"]').setValue('roster');
    await wrapper.find('[data-test="alerts-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.text()).toContain('Enter an email address such as');
    expect(calls.filter((c) => c.command === 'notifications.saveSettings')).toEqual([]);

    await wrapper.find('input[name="smtp-from"]').setValue('roster@example.com');
    await wrapper.find('input[name="smtp-user"]').setValue('roster');
    await wrapper.find('input[name="secret-smtpPassword"]').setValue('s3cret');
    await wrapper.find('[data-test="alerts-form"]').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.command === 'notifications.saveSettings')?.input).toEqual({
      emailLanguage: 'en',
      desktop: true,
      smtp: {
        host: 'smtp.example.com',
        port: 587,
        tls: 'starttls',
        from: 'roster@example.com',
        user: 'roster',
      },
      password: 's3cret',
    });
    wrapper.unmount();
  });

  it('moves the port along with the TLS mode', async () => {
    const { transport } = recordingTransport({
      'notifications.getSettings': () => ({ ok: true, value: savedView }),
    });
    useTransport(transport);
    const wrapper = mountCard();
    await flushPromises();
    await wrapper.find('[data-test="smtp-tls-implicit"] input').setValue(true);
    await flushPromises();
    expect((wrapper.find('input[name="smtp-port"]').element as HTMLInputElement).value).toBe('465');
    wrapper.unmount();
  });

  it('sends a test email and shows the result beside the button, in words for the problem', async () => {
    const { transport, calls } = recordingTransport({
      'notifications.getSettings': () => ({ ok: true, value: savedView }),
      'notifications.sendTestEmail': () => ({
        ok: true,
        value: {
          ok: false,
          summary:
            'The certificate of smtp.example.com:587 is not trusted (unable to verify the first certificate).',
          problem: { code: 'certificate', message: '…' },
        },
      }),
    });
    useTransport(transport);
    const wrapper = mountCard('ko');
    await flushPromises();
    expect((wrapper.find('input[name="test-email-to"]').element as HTMLInputElement).value).toBe(
      'roster@example.com',
    );
    await wrapper.find('input[name="test-email-to"]').setValue('it-team@example.com');
    await wrapper.find('[data-test="send-test-email"]').trigger('click');
    await flushPromises();
    expect(calls.map((c) => c.command)).toEqual(['notifications.getSettings', 'notifications.sendTestEmail']);
    expect(calls[1]?.input).toEqual({ to: 'it-team@example.com' });
    const result = wrapper.find('[data-test="test-email-result"]');
    expect(result.attributes('aria-live')).toBe('polite');
    expect(result.text()).toContain('서버 인증서를 신뢰할 수 없습니다');
    expect(result.text()).toContain('is not trusted');
    wrapper.unmount();
  });
});
