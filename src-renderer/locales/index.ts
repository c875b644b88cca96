import { createI18n } from 'vue-i18n';
import type { Language } from '@shared/domain/settings';
import { en, type MessageSchema } from './en';
import { ko } from './ko';
import { dateTimeOptions } from '../components/format-time';

export const messages: Record<Language, MessageSchema> = { en, ko };

// The one date-and-time format (components/format-time.ts): `d(date, 'long')` agrees with it.
const dateTimeFormat = dateTimeOptions;

export function createRosterI18n(locale: Language = 'en') {
  return createI18n<[MessageSchema], Language, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages,
    datetimeFormats: {
      en: { long: dateTimeFormat },
      ko: { long: dateTimeFormat },
    },
  });
}
