import { describe, expect, it } from 'vitest';
import { impactReasonText } from '../../../src-renderer/components/impact/impact-text';
import { logText } from '../../../src-renderer/components/log-message';
import { createRosterI18n } from '../../../src-renderer/locales';

function translator(language: 'en' | 'ko') {
  const i18n = createRosterI18n(language).global;
  const te = (key: string) => i18n.te(key);
  const t = (key: string, params: Record<string, string | number>) => i18n.t(key, params);
  const translate = { locale: language, t, te };
  return {
    i18n: translate,
    logText: (stored: string, code?: Parameters<typeof logText>[1], params?: Parameters<typeof logText>[2]) =>
      logText(stored, code, params, translate),
  };
}

const summary =
  'Out of scope: filter 1 failed because department EQUALS "Sales" is false (actual value: "Engineering").';
const clauses = 'department EQUALS "Sales" → false ("Engineering")';

describe('an impact item’s scope detail in the admin’s language', () => {
  it('says an out-of-scope disable in Korean from the code, in English as sent', () => {
    const item = {
      reason: `Left scope: disable it: ${summary}`,
      reasonCode: 'Disable',
      // What src-main/engine/impact-detail.ts sends for a scope verdict (its own test checks that).
      reasonParams: { detail: summary, detailCode: 'scopeFilteredOut', 'detail.clauses': clauses },
    };
    const ko = translator('ko');
    expect(impactReasonText(item, ko.i18n, ko.logText)).toBe(`비활성화: 범위 밖: ${clauses}`);
    const en = translator('en');
    expect(impactReasonText(item, en.i18n, en.logText)).toBe(item.reason);
  });

  it('reads the English detail back, as before codes, when the code is one this version does not know', () => {
    const item = {
      reason: `Left scope: disable it: ${summary}`,
      reasonCode: 'Disable',
      reasonParams: { detail: summary, detailCode: 'fromTheFuture', 'detail.clauses': clauses },
    };
    const ko = translator('ko');
    expect(impactReasonText(item, ko.i18n, ko.logText)).toBe(
      `비활성화: 범위 밖: ${summary.slice('Out of scope: '.length)}`,
    );
  });

  it('says which filter and clause left an out-of-scope object out, in Korean as in English', () => {
    const failed = `#1 "Sales only": ${clauses}`;
    const item = {
      reason: summary,
      reasonCode: 'Scope.filteredOut',
      reasonParams: { detail: summary, detailCode: 'scopeFilteredOut', 'detail.clauses': failed },
    };
    const ko = translator('ko');
    expect(impactReasonText(item, ko.i18n, ko.logText)).toBe(`범위 밖: ${failed}`);
    const en = translator('en');
    expect(impactReasonText(item, en.i18n, en.logText)).toBe(summary);
  });

  it('puts the scope verdict before the reason of a skipped out-of-scope object, as the English does', () => {
    const item = {
      reason: `${summary}; The target cannot disable, and the job says disable: the account is left as it is`,
      reasonCode: 'Skip.TargetCannotDisable',
      reasonParams: { detail: summary, detailCode: 'scopeFilteredOut', 'detail.clauses': clauses },
    };
    const ko = translator('ko');
    expect(impactReasonText(item, ko.i18n, ko.logText)).toBe(
      `범위 밖: ${clauses}. 범위 밖이지만 대상이 비활성화할 수 없고 작업이 비활성화로 설정되어 있어 그대로 둡니다`,
    );
    // A skip with no scope verdict (create turned off) says only its reason.
    const createOff = { reason: 'Create is turned off', reasonCode: 'Skip.CreateDisabled' };
    expect(impactReasonText(createOff, ko.i18n, ko.logText)).toBe('이 개체 매핑에서 만들기가 꺼져 있습니다');
  });
});
