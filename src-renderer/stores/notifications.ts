import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, onEvent } from '../api';
import type {
  NotificationSettingsSave,
  NotificationSettingsView,
  TestEmailResult,
} from '@shared/domain/notifications';
import { newestValue } from './newest-value';

/** Alert settings (SMTP, email language, desktop notifications) and "Send test email". */
export const useNotificationsStore = defineStore('notifications', () => {
  const settings = ref<NotificationSettingsView | null>(null);
  const current = newestValue(settings);

  async function load(): Promise<void> {
    await current.read(() => call('notifications.getSettings'));
  }

  /** Rejects with the ApiError, so the form can put each problem beside its field. */
  async function save(input: NotificationSettingsSave): Promise<NotificationSettingsView> {
    const saved = await call('notifications.saveSettings', input);
    current.set(saved);
    return saved;
  }

  async function sendTestEmail(to: string): Promise<TestEmailResult> {
    return call('notifications.sendTestEmail', { to });
  }

  onEvent('notifications.changed', (next) => current.set(next));

  return { settings, load, save, sendTestEmail };
});
