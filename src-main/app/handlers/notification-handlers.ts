import type { NotificationSettings, NotificationSettingsView } from '@shared/domain/notifications';
import {
  createNotificationSettingsStore,
  smtpPasswordSecretId,
  toNotificationSettingsView,
  type StoredNotificationSettings,
} from '../../notify/notification-settings';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import type { HandlerGroup } from './types';

type NotificationCommands =
  'notifications.getSettings' | 'notifications.saveSettings' | 'notifications.sendTestEmail';

function sameView(a: NotificationSettingsView, b: NotificationSettingsView): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Email and desktop alert settings (§16), and "Send test email". */
export function notificationHandlers(ctx: AppContext): HandlerGroup<NotificationCommands> {
  const settingsStore = () => createNotificationSettingsStore(ctx.store.settings, (m) => ctx.log.warn(m));

  /**
   * Writes or removes the SMTP password in the keychain before SQLite changes, like connection
   * secrets: a keychain that refuses leaves the settings as they were. Without a user there is no
   * AUTH, so a stored password would only linger: it is removed.
   */
  async function applyPassword(
    before: StoredNotificationSettings,
    settings: NotificationSettings,
    password: string | null | undefined,
  ): Promise<string | null> {
    if (typeof password === 'string') {
      await ctx.vault.set(smtpPasswordSecretId, password);
      return smtpPasswordSecretId;
    }
    if ((password === null || !settings.smtp?.user) && before.passwordSecretId) {
      await ctx.vault.delete(before.passwordSecretId);
      return null;
    }
    return before.passwordSecretId;
  }

  return {
    'notifications.getSettings': async () => toNotificationSettingsView(settingsStore().get()),

    'notifications.saveSettings': async (input) => {
      const store = settingsStore();
      const before = store.get();
      const settings: NotificationSettings = {
        smtp: input.smtp,
        emailLanguage: input.emailLanguage,
        desktop: input.desktop,
      };
      const passwordChanged = typeof input.password === 'string';
      const passwordSecretId = await applyPassword(before, settings, input.password);
      const after: StoredNotificationSettings = { settings, passwordSecretId };
      const beforeView = toNotificationSettingsView(before);
      const afterView = toNotificationSettingsView(after);
      if (!passwordChanged && sameView(beforeView, afterView)) return beforeView;
      try {
        ctx.store.transaction(() => {
          store.save(after);
          recordAudit(ctx, {
            action: 'settings.update',
            targetType: 'settings',
            targetId: 'notifications',
            targetName: 'Email and desktop alerts',
            before: beforeView,
            // A replaced password is "set" before and after; say that it changed, never what it is.
            after: passwordChanged ? { ...afterView, passwordChanged } : afterView,
          });
        });
      } catch (error) {
        // The settings were not written: a password stored just now for them must not stay behind.
        if (passwordChanged && before.passwordSecretId === null)
          await ctx.vault.delete(smtpPasswordSecretId).catch(() => false);
        throw error;
      }
      ctx.events.emit('notifications.changed', afterView);
      ctx.notifier.settingsChanged();
      return afterView;
    },

    'notifications.sendTestEmail': async ({ to }) => ctx.notifier.sendTestEmail(to),
  };
}
