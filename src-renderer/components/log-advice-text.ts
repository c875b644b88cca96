import { useI18n } from 'vue-i18n';
import { actionCodeOf } from '@shared/domain/on-demand-messages';
import type { ErrorInformation } from '@shared/domain/provisioning';
import { translateMessage, type Translator } from './log-message';

/**
 * A log entry's advice ("What to do") in the admin's language: by its log code (`advice…`, stored
 * beside the English since migration 013), or — for provision on demand's out-of-scope advice,
 * written as one of its own fixed sentences — by that sentence's code. English, a target's own
 * words and entries written before codes show the stored English.
 */
export function logAdviceText(
  info: Pick<ErrorInformation, 'recommendedAction' | 'recommendedActionCode' | 'recommendedActionParams'>,
  i18n: Translator,
): string {
  const stored = info.recommendedAction ?? '';
  if (i18n.locale === 'en') return stored;
  if (info.recommendedActionCode)
    return (
      translateMessage(
        { code: info.recommendedActionCode, params: info.recommendedActionParams ?? {} },
        i18n,
      ) || stored
    );
  const onDemandCode = actionCodeOf(stored);
  const key = `onDemandMessages.actions.${onDemandCode ?? ''}`;
  return onDemandCode && i18n.te(key) ? i18n.t(key, {}) : stored;
}

/** `logAdviceText` bound to the current language, for templates. */
export function useLogAdviceText(): (info: ErrorInformation) => string {
  const i18n = useI18n();
  return (info) =>
    logAdviceText(info, {
      locale: i18n.locale.value,
      t: (key, params) => i18n.t(key, params),
      te: (key) => i18n.te(key),
    });
}
