import { z } from 'zod';

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

export const languageSchema = z.enum(['en', 'ko']);
export type Language = z.infer<typeof languageSchema>;

/** Longest retention the settings accept (10 years); 0 keeps entries forever. */
export const maxLogRetentionDays = 3650;

/**
 * Days provisioning-log entries are kept (§14.3: 30 by default; 0 = keep forever). Whole days only:
 * a fraction, a negative number or a numeric string is refused, not rounded.
 */
export const logRetentionDaysSchema = z
  .number({ error: 'Enter a whole number of days.' })
  .int({ error: 'Enter a whole number of days.' })
  .min(0, { error: 'Enter 0 (keep forever) or more days.' })
  .max(maxLogRetentionDays, { error: `Enter at most ${maxLogRetentionDays} days.` });

export const appSettingsSchema = z.object({
  theme: themeSchema,
  language: languageSchema,
  logRetentionDays: logRetentionDaysSchema,
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const defaultAppSettings: AppSettings = { theme: 'system', language: 'en', logRetentionDays: 30 };

export const appSettingsPatchSchema = appSettingsSchema.partial().strict();
export type AppSettingsPatch = z.infer<typeof appSettingsPatchSchema>;
