import { appSettingsSchema, defaultAppSettings, type AppSettings } from '@shared/domain/settings';
import type { Database } from './db';

const appSettingsKey = 'app';

export interface SettingsRepo {
  getAppSettings(): AppSettings;
  saveAppSettings(settings: AppSettings): void;
}

export function createSettingsRepo(db: Database): SettingsRepo {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
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
  };
}
