import {
  expressionMessageParameters,
  expressionMessageTemplates,
  type ExpressionMessageCode,
} from '@shared/expressions/expression-messages';
import { asI18nMessage } from './i18n-template';

const parameters = new Set<string>(expressionMessageParameters);

/**
 * English texts of the expression checker's message codes, merged into en.ts as
 * `expressionMessages`: the same sentences the CLI prints (src-shared/expressions/
 * expression-messages.ts), so the two never drift.
 */
export const enExpressionMessages = Object.fromEntries(
  Object.entries(expressionMessageTemplates).map(([code, template]) => [
    code,
    asI18nMessage(template, parameters),
  ]),
) as Record<ExpressionMessageCode, string>;
