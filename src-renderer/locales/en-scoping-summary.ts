import {
  scopingSummaryParameters,
  scopingSummaryTemplates,
  type ScopingSummaryCode,
} from '@shared/scoping/explain-messages';
import { asI18nMessage } from './i18n-template';

const parameters = new Set<string>(scopingSummaryParameters);

/**
 * English pieces of the scoping explanation's sentence, merged into en-expressions.ts as `expressions.scoping.sentence`: the
 * same templates the log and `roster scope` print from (src-shared/scoping/explain-messages.ts).
 */
export const enScopingSummary = Object.fromEntries(
  Object.entries(scopingSummaryTemplates).map(([code, template]) => [
    code,
    asI18nMessage(template, parameters),
  ]),
) as Record<ScopingSummaryCode, string>;
