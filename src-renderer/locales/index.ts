import { createI18n } from 'vue-i18n';
import type { Language } from '@shared/domain/settings';
import { en, type MessageSchema } from './en';
import { ko } from './ko';

export const messages: Record<Language, MessageSchema> = { en, ko };

const dateTimeFormat = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
} as const;

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
