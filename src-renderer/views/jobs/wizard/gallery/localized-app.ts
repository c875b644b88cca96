import {
  appProfileTranslationLocales,
  type AppProfileSummary,
  type AppProfileTexts,
  type AppProfileTranslationLocale,
} from '@shared/domain/app-profile';

/**
 * The profile's own texts (summary, hints, the stated rate limit) in the UI's language. A profile is
 * written in English and carries its other languages in `translations` (docs/app-profiles.md); a
 * text missing there falls back to English on its own, so a half-translated profile still reads.
 */

function isTranslationLocale(locale: string): locale is AppProfileTranslationLocale {
  return (appProfileTranslationLocales as readonly string[]).includes(locale);
}

/** The locale's translated texts, or none (English, or a locale the profiles are not written in). */
export function appTexts(app: Pick<AppProfileSummary, 'translations'>, locale: string): AppProfileTexts {
  return isTranslationLocale(locale) ? (app.translations[locale] ?? {}) : {};
}

/** The app as the gallery shows it in `locale`: each text translated where the profile has it. */
export function localizedApp(app: AppProfileSummary, locale: string): AppProfileSummary {
  const texts = appTexts(app, locale);
  const limit = app.rateLimit;
  return {
    ...app,
    vendor: texts.vendor ?? app.vendor,
    summary: texts.summary ?? app.summary,
    baseUrlHint: texts.baseUrlHint ?? app.baseUrlHint,
    credentialHint: texts.credentialHint ?? app.credentialHint,
    rateLimit:
      typeof limit === 'object' && texts.rateLimitText !== undefined
        ? { ...limit, text: texts.rateLimitText }
        : limit,
  };
}
