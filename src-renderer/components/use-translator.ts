import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';

/**
 * The current language as the text helpers take it (`{ locale, t, te }`: log texts, impact and
 * on-demand texts, cycle errors, expression diagnostics), so components do not each build it.
 */
export interface AppTranslator {
  locale: string;
  t: (key: string, params?: Record<string, unknown>) => string;
  te: (key: string) => boolean;
}

export function useTranslator(): ComputedRef<AppTranslator> {
  const i18n = useI18n();
  return computed(() => ({
    locale: i18n.locale.value,
    t: (key, params) => (params ? i18n.t(key, params) : i18n.t(key)),
    te: (key) => i18n.te(key),
  }));
}
