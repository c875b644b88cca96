import type { LogText } from '@shared/domain/log-messages';

/**
 * An impact item's `detail` parameter (a scope verdict, in the log's English) with the log message
 * code it was made from, so the app can say it in the admin's language: `detailCode` and each of
 * the message's parameters as `detail.<name>`. A message with a nested message as a parameter keeps
 * only its English (the renderer's translation of `detail` then falls back to reading it).
 */
export function detailParams(detail: string, message?: LogText): Record<string, string> {
  const params: Record<string, string> = { detail };
  if (!message) return params;
  const values: [string, string][] = [];
  for (const [name, value] of Object.entries(message.params)) {
    if (typeof value === 'object') return params;
    values.push([`detail.${name}`, String(value)]);
  }
  return { ...params, detailCode: message.code, ...Object.fromEntries(values) };
}
