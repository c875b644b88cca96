import { z } from 'zod';

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

export const languageSchema = z.enum(['en', 'ko']);
export type Language = z.infer<typeof languageSchema>;

export const appSettingsSchema = z.object({
  theme: themeSchema,
  language: languageSchema,
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const defaultAppSettings: AppSettings = { theme: 'system', language: 'en' };

export const appSettingsPatchSchema = appSettingsSchema.partial().strict();
export type AppSettingsPatch = z.infer<typeof appSettingsPatchSchema>;
