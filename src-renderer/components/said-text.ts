import { useI18n } from 'vue-i18n';
import { saidOf, type SaidMessage } from '@shared/domain/error-messages';
import { ApiError } from '../api/api-error';

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

/**
 * What went wrong with a command, for a page that shows it beside its cause: a refusal in the
 * admin's language when the app gave its code, otherwise the error's own text.
 */
export function useErrorText(): (error: unknown) => string {
  const saidText = useSaidText();
  return (error) => {
    if (error instanceof ApiError) return saidText(error.message, saidOf(error.details));
    return error instanceof Error ? error.message : String(error);
  };
}
