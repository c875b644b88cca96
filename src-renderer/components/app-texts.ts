import { useI18n } from 'vue-i18n';
import type { ConnectionTestDetail, ConnectionTestResult } from '@shared/domain/connection-test';
import type { SourceSchemaResult, TargetSchemaDiscoverResult } from '@shared/domain/job-editing';

/** What the translations need from vue-i18n (a test passes the real instance). */
export interface TextTranslator {
  locale: string;
  t: (key: string, params: Record<string, string>) => string;
  te: (key: string) => boolean;
}

/** A coded sentence the app sent, in the admin's language; the app's English when the code is unknown. */
function coded(
  i18n: TextTranslator,
  key: string | undefined,
  params: Record<string, string> | undefined,
  english: string,
): string {
  if (i18n.locale === 'en' || !key || !i18n.te(key)) return english;
  return i18n.t(key, { ...params });
}

export function connectionSummaryText(result: ConnectionTestResult, i18n: TextTranslator): string {
  const key = result.summaryCode && `connectionTest.summaries.${result.summaryCode}`;
  return coded(i18n, key, result.summaryParams, result.summary);
}

export function connectionDetailText(
  detail: ConnectionTestDetail,
  i18n: TextTranslator,
): { label: string; value: string } {
  return {
    label: coded(i18n, detail.labelCode && `connectionTest.labels.${detail.labelCode}`, {}, detail.label),
    value: coded(
      i18n,
      detail.valueCode && `connectionTest.values.${detail.valueCode}`,
      detail.valueParams,
      detail.value,
    ),
  };
}

export function discoveryText(result: TargetSchemaDiscoverResult, i18n: TextTranslator): string {
  const key = result.messageCode && `connectionTest.discovery.${result.messageCode}`;
  return coded(i18n, key, result.messageParams, result.message);
}

export function originText(
  result: Pick<SourceSchemaResult, 'origin' | 'originCode' | 'originParams'>,
  i18n: TextTranslator,
): string {
  const key = result.originCode && `connectionTest.origin.${result.originCode}`;
  return coded(i18n, key, result.originParams, result.origin);
}

/** The translations above bound to the current language, for templates. */
export function useAppTexts() {
  const i18n = useI18n();
  const translator = (): TextTranslator => ({
    locale: i18n.locale.value,
    t: (key, params) => i18n.t(key, params),
    te: (key) => i18n.te(key),
  });
  return {
    summary: (result: ConnectionTestResult) => connectionSummaryText(result, translator()),
    detail: (detail: ConnectionTestDetail) => connectionDetailText(detail, translator()),
    discovery: (result: TargetSchemaDiscoverResult) => discoveryText(result, translator()),
    origin: (result: Pick<SourceSchemaResult, 'origin' | 'originCode' | 'originParams'>) =>
      originText(result, translator()),
  };
}
