// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NMessageProvider } from 'naive-ui';
import { defineComponent, h } from 'vue';
import LogRetentionCard from '../../../src-renderer/views/settings/parts/log-retention-card.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import { useSettingsStore } from '../../../src-renderer/stores/settings';
import { commands } from '@shared/contract';
import { defaultAppSettings, type AppSettings } from '@shared/domain/settings';

function mountCard(language: 'en' | 'ko' = 'en') {
  const host = defineComponent({ setup: () => () => h(NMessageProvider, () => h(LogRetentionCard)) });
  return mount(host, { global: { plugins: [createRosterI18n(language)] }, attachTo: document.body });
}

/**
 * Settings as the app keeps them, behind the contract's own input schema: what the card sends is
 * validated exactly as dispatch would (the app side is covered in test/integration/retention).
 */
function settingsTransport() {
  let saved: AppSettings = { ...defaultAppSettings };
  const sent: unknown[] = [];
  useTransport({
    kind: 'browser',
    invoke: async (command, input) => {
      if (command === 'settings.get') return { ok: true, value: saved };
      if (command !== 'settings.update')
        return { ok: false, error: { code: 'unknownCommand', message: command } };
      sent.push(input);
      const parsed = commands['settings.update'].input.safeParse(input);
      if (!parsed.success)
        return { ok: false, error: { code: 'invalidInput', message: parsed.error.message } };
      saved = { ...saved, ...parsed.data };
      return { ok: true, value: saved };
    },
    subscribe: () => () => {},
  });
  return { saved: () => saved, sent };
}

describe('log retention card', () => {
  let app: ReturnType<typeof settingsTransport>;
  beforeEach(async () => {
    app = settingsTransport();
    setActivePinia(createPinia());
    await useSettingsStore().load();
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  const input = (wrapper: ReturnType<typeof mountCard>) => wrapper.find('input[name="log-retention-days"]');

  it('shows the 30-day default and saves a new period to the app', async () => {
    const wrapper = mountCard();
    await flushPromises();
    expect((input(wrapper).element as HTMLInputElement).value).toBe('30');
    expect(wrapper.text()).toContain('Entries older than 30 days are removed automatically');
    expect(wrapper.find('[data-test="retention-save"]').attributes('disabled')).toBeDefined();

    await input(wrapper).setValue('90');
    await input(wrapper).trigger('blur');
    await wrapper.find('[data-test="retention-form"]').trigger('submit');
    await flushPromises();
    expect(app.sent).toEqual([{ logRetentionDays: 90 }]);
    expect(app.saved().logRetentionDays).toBe(90);
  });

  it('refuses an empty field, and explains that 0 keeps entries forever', async () => {
    const wrapper = mountCard();
    await flushPromises();
    await input(wrapper).setValue('');
    await input(wrapper).trigger('blur');
    await flushPromises();
    expect(wrapper.text()).toContain('Enter a number of days (0 keeps entries forever).');
    expect(wrapper.find('[data-test="retention-save"]').attributes('disabled')).toBeDefined();
    await wrapper.find('[data-test="retention-form"]').trigger('submit');
    await flushPromises();
    expect(app.sent).toEqual([]);

    await input(wrapper).setValue('0');
    await input(wrapper).trigger('blur');
    await flushPromises();
    expect(wrapper.text()).toContain('0 keeps every entry forever');
    await wrapper.find('[data-test="retention-form"]').trigger('submit');
    await flushPromises();
    expect(app.sent).toEqual([{ logRetentionDays: 0 }]);
    expect(app.saved().logRetentionDays).toBe(0);
  });

  it('speaks Korean', async () => {
    const wrapper = mountCard('ko');
    await flushPromises();
    expect(wrapper.text()).toContain('프로비저닝 로그');
    expect(wrapper.text()).toContain('30일이 지난 항목은');
  });
});
