import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, onEvent } from '../api';
import type {
  NotificationSettingsSave,
  NotificationSettingsView,
  TestEmailResult,
} from '@shared/domain/notifications';

/** Alert settings (SMTP, email language, desktop notifications) and "Send test email". */
export const useNotificationsStore = defineStore('notifications', () => {
  const settings = ref<NotificationSettingsView | null>(null);

  async function load(): Promise<void> {
    settings.value = await call('notifications.getSettings');
  }

  /** Rejects with the ApiError, so the form can put each problem beside its field. */
  async function save(input: NotificationSettingsSave): Promise<NotificationSettingsView> {
    settings.value = await call('notifications.saveSettings', input);
    return settings.value;
  }

  async function sendTestEmail(to: string): Promise<TestEmailResult> {
    return call('notifications.sendTestEmail', { to });
  }

  onEvent('notifications.changed', (next) => {
    settings.value = next;
  });

  return { settings, load, save, sendTestEmail };
});
