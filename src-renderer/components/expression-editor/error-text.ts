import type { DiagnosticDetail } from '@shared/expressions/diagnostics';
import { diagnosticText, type DiagnosticTranslator } from './diagnostic-text';
import { locateMessage } from './located-message';

/**
 * An expression error's whole message ("Line 1, column 7: CDate argument 1 …") in the admin's
 * language: the place through `expressions.editor.location`, the words from the error's detail code.
 * English keeps the message exactly as the engine and the CLI say it.
 */
export function expressionErrorText(
  message: string,
  detail: DiagnosticDetail | undefined,
  i18n: DiagnosticTranslator,
): string {
  if (i18n.locale === 'en' || !detail) return message;
  const located = locateMessage(message);
  const words = diagnosticText(located.text, { detail }, i18n);
  if (located.line === undefined) return words;
  const place = i18n.t('expressions.editor.location', {
    line: String(located.line),
    column: String(located.column ?? 1),
  });
  return `${place}: ${words}`;
}
