import {
  fieldProblemCodes,
  fieldProblemTemplates,
  type FieldProblemCode,
} from '@shared/domain/validation-issue-codes';
import { asI18nMessage } from './i18n-template';

/**
 * English for a field problem by its code (merged into en.ts as `fieldProblems`), made from the
 * shared templates (src-shared/domain/validation-issue-codes.ts): the words the app and CLI print.
 */
function parametersOf(template: string): Set<string> {
  return new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''));
}

export const enFieldProblems = Object.fromEntries(
  fieldProblemCodes.map((code) => {
    const template = fieldProblemTemplates[code];
    return [code, asI18nMessage(template, parametersOf(template))];
  }),
) as Record<FieldProblemCode, string>;
