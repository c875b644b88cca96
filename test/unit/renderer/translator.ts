import { createRosterI18n } from '../../../src-renderer/locales';

/**
 * The app's real catalogues in one language, as the text helpers under test take them
 * (`{ locale, t, te }`): one definition for every locale test.
 */
export function translator(locale: 'en' | 'ko') {
  const { t, te } = createRosterI18n(locale).global;
  return {
    locale,
    t: (key: string, params: Record<string, string | number> = {}) => t(key, params),
    te: (key: string) => te(key),
  };
}
