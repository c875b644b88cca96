import { useI18n } from 'vue-i18n';

/**
 * Roster's one date-and-time format, in the admin's language: "Dec 3, 2026, 14:05:09" /
 * "2026년 12월 3일 14:05:09". 24-hour everywhere, because logs and audit entries are compared by the
 * second and "02:05 PM" next to "14:05" reads as two different times. vue-i18n's `long` format
 * (locales/index.ts) uses these same options, so `d(date, 'long')` and this helper agree.
 */
export const dateTimeOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
} as const satisfies Intl.DateTimeFormatOptions;

const formats = new Map<string, Intl.DateTimeFormat>();

/** An ISO string or a Date in the one format; '' for null (the caller shows its own "never"). */
export function formatDateTime(value: string | Date | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, dateTimeOptions);
    formats.set(locale, format);
  }
  return format.format(date);
}

/** The formatter for the current language, for templates and render functions. */
export function useFormatTime(): (value: string | Date | null | undefined) => string {
  const { locale } = useI18n();
  return (value) => formatDateTime(value, locale.value);
}
