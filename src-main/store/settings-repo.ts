import { appSettingsSchema, defaultAppSettings, type AppSettings } from '@shared/domain/settings';
import type { Database } from './db';

const appSettingsKey = 'app';

export interface SettingsRepo {
  getAppSettings(): AppSettings;
  saveAppSettings(settings: AppSettings): void;
  /**
   * Other settings blocks (notifications, alert state), as parsed JSON or null when absent: the
   * caller owns the key and validates the value, so a new block needs no migration.
   */
  getValue(key: string): unknown;
  setValue(key: string, value: unknown): void;
  deleteValue(key: string): void;
}

export function createSettingsRepo(db: Database): SettingsRepo {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
  return {
    getAppSettings() {
      const row = select.get(appSettingsKey);
      if (!row) return { ...defaultAppSettings };
      // A value the current schema rejects (hand-edited, older build) falls back field by field.
      const parsed = appSettingsSchema.partial().safeParse(JSON.parse(row.value));
      return { ...defaultAppSettings, ...(parsed.success ? parsed.data : {}) };
    },
    saveAppSettings(settings) {
      upsert.run(appSettingsKey, JSON.stringify(settings));
    },
    getValue(key) {
      const row = select.get(key);
      if (!row) return null;
      try {
        return JSON.parse(row.value) as unknown;
      } catch {
        return null; // a hand-edited value that is not JSON reads as absent; the caller's defaults apply
      }
    },
    setValue(key, value) {
      upsert.run(key, JSON.stringify(value));
    },
    deleteValue(key) {
      remove.run(key);
    },
  };
}
