import { z } from 'zod';
import {
  defaultNotificationSettings,
  notificationSettingsSchema,
  type NotificationSettings,
  type NotificationSettingsView,
} from '@shared/domain/notifications';

/** The part of the settings table notify uses: JSON values by key (store/settings-repo.ts). */
export interface KeyValueStore {
  getValue(key: string): unknown;
  setValue(key: string, value: unknown): void;
  deleteValue(key: string): void;
}

/** What SQLite holds: the settings and, of the password, only the keychain id (ARCHITECTURE.md §2 rule 6). */
export interface StoredNotificationSettings {
  settings: NotificationSettings;
  passwordSecretId: string | null;
}

/** The keychain id of the SMTP password (the "account" under service Roster). */
export const smtpPasswordSecretId = 'notifications/smtp/password';

const settingsKey = 'notifications';

const storedSchema = z.object({
  settings: notificationSettingsSchema,
  passwordSecretId: z.string().nullable(),
});

export interface NotificationSettingsStore {
  get(): StoredNotificationSettings;
  save(stored: StoredNotificationSettings): void;
}

/**
 * Notification settings in the settings table. A stored value the current schema refuses (a newer
 * Roster, a hand edit) reads as "no email" rather than failing: alerts then go to the desktop only,
 * and the admin sees empty SMTP settings to fill in again.
 */
export function createNotificationSettingsStore(
  kv: KeyValueStore,
  warn: (message: string) => void = () => {},
): NotificationSettingsStore {
  return {
    get() {
      const raw = kv.getValue(settingsKey);
      if (raw === null) return { settings: { ...defaultNotificationSettings }, passwordSecretId: null };
      const parsed = storedSchema.safeParse(raw);
      if (parsed.success) return parsed.data;
      warn(
        'The stored notification settings are not valid; email alerts are off until they are saved again.',
      );
      const secretId = (raw as { passwordSecretId?: unknown }).passwordSecretId;
      return {
        settings: { ...defaultNotificationSettings },
        passwordSecretId: typeof secretId === 'string' ? secretId : null,
      };
    },
    save(stored) {
      kv.setValue(settingsKey, stored);
    },
  };
}

export function toNotificationSettingsView(stored: StoredNotificationSettings): NotificationSettingsView {
  return { ...stored.settings, password: stored.passwordSecretId ? 'set' : 'notSet' };
}
