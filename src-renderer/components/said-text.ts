import { useI18n } from 'vue-i18n';
import type { SaidMessage } from '@shared/domain/error-messages';

/**
 * A refused command's sentence in the admin's language: English as the app said it (the CLI's
 * words); another language from the code the app gave with it (`details.said`), when it gave one.
 */
export function useSaidText(): (message: string, said: SaidMessage | null | undefined) => string {
  const i18n = useI18n();
  return (message, said) => {
    if (i18n.locale.value === 'en' || !said) return message;
    const key = `errorMessages.${said.code}`;
    return i18n.te(key) ? i18n.t(key, said.params) : message;
  };
}
