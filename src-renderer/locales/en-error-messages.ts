import { errorMessageCodes, errorMessageTemplates } from '@shared/domain/error-messages';
import { asI18nMessage } from './i18n-template';

/**
 * English for a refused command's sentence by its code (merged into en.ts as `errorMessages`), made
 * from the main process's own templates (src-shared/domain/error-messages.ts): the same words.
 */
function parametersOf(template: string): Set<string> {
  return new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''));
}

export const enErrorMessages = Object.fromEntries(
  errorMessageCodes.map((code) => {
    const template = errorMessageTemplates[code];
    return [code, asI18nMessage(template, parametersOf(template))];
  }),
) as Record<keyof typeof errorMessageTemplates, string>;
