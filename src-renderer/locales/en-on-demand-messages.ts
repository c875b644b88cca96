import {
  onDemandActionTexts,
  onDemandMessageParameters,
  onDemandMessageTemplates,
  type OnDemandActionCode,
  type OnDemandMessageCode,
} from '@shared/domain/on-demand-messages';
import { asI18nMessage } from './i18n-template';

const parameters = new Set<string>(onDemandMessageParameters);
const noParameters = new Set<string>();

function asMessages<Code extends string>(
  texts: Readonly<Record<Code, string>>,
  names: ReadonlySet<string>,
): Record<Code, string> {
  return Object.fromEntries(
    Object.entries<string>(texts).map(([code, text]) => [code, asI18nMessage(text, names)]),
  ) as Record<Code, string>;
}

/**
 * English texts of provision on demand's own messages and advice, merged into en.ts as
 * `onDemandMessages`: made from the shared sentences the CLI prints
 * (src-shared/domain/on-demand-messages.ts), so the two never drift.
 */
export const enOnDemandMessages: {
  messages: Record<OnDemandMessageCode, string>;
  actions: Record<OnDemandActionCode, string>;
} = {
  messages: asMessages(onDemandMessageTemplates, parameters),
  actions: asMessages(onDemandActionTexts, noParameters),
};
