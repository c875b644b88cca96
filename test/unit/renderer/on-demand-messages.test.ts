import { describe, expect, it } from 'vitest';
import type { OnDemandError } from '@shared/domain/on-demand';
import {
  actionCodeOf,
  adviceCodeFor,
  onDemandActionTexts,
  onDemandMessageEnglish,
  onDemandMessageParameters,
  onDemandMessageTemplates,
  type OnDemandActionCode,
  type OnDemandMessageCode,
} from '@shared/domain/on-demand-messages';
import { createRosterI18n } from '../../../src-renderer/locales';
import { en } from '../../../src-renderer/locales/en';
import { ko } from '../../../src-renderer/locales/ko';
import {
  onDemandActionText,
  onDemandMessageText,
} from '../../../src-renderer/components/on-demand-error-text';

const messageCodes = Object.keys(onDemandMessageTemplates) as OnDemandMessageCode[];
const actionCodes = Object.keys(onDemandActionTexts) as OnDemandActionCode[];

function translator(locale: 'en' | 'ko') {
  const { t, te } = createRosterI18n(locale).global;
  return {
    locale,
    t: (key: string, params: Record<string, string>) => t(key, params),
    te: (key: string) => te(key),
  };
}

describe('provision on demand’s own messages', () => {
  it('has a Korean text for every code, with the same parameters', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of messageCodes)
      expect(names(ko.onDemandMessages.messages[code]), code).toEqual(
        names(en.onDemandMessages.messages[code]),
      );
    for (const code of actionCodes) expect(names(ko.onDemandMessages.actions[code]), code).toEqual([]);
  });

  it('says in English in the app exactly what the engine stores and the CLI prints', () => {
    const { t } = createRosterI18n('en').global;
    const params = Object.fromEntries(onDemandMessageParameters.map((name) => [name, `<${name} | @x>`]));
    for (const code of messageCodes)
      expect(t(`onDemandMessages.messages.${code}`, params), code).toBe(onDemandMessageEnglish(code, params));
    for (const code of actionCodes)
      expect(t(`onDemandMessages.actions.${code}`), code).toBe(onDemandActionTexts[code]);
  });

  it('says a not-found failure and its advice in Korean, and English as sent', () => {
    const params = { query: 'ann', source: 'HR', group: '', suggestions: 'Ann Lee (E1)' };
    const error: OnDemandError = {
      code: 'NotFound',
      message: onDemandMessageEnglish('notFoundUserGuess', params),
      messageCode: 'notFoundUserGuess',
      messageParams: params,
      recommendedAction: onDemandActionTexts.notFound,
      actionCode: 'notFound',
    };
    expect(onDemandMessageText(error, translator('ko'))).toBe(
      'HR에 “ann” 사용자가 없습니다. 이것을 찾으셨나요: Ann Lee (E1)?',
    );
    expect(onDemandActionText(error, translator('ko'))).toMatch(/^이름, 성, 표시 이름/);
    expect(onDemandMessageText(error, translator('en'))).toBeNull();
    expect(onDemandActionText(error, translator('en'))).toBe(error.recommendedAction);
    expect(error.message).toBe('No user "ann" in HR. Did you mean: Ann Lee (E1)?');
  });

  it('keeps a target’s own advice in English, and knows its own advice written into a log entry', () => {
    const foreign: OnDemandError = { code: 'X', message: 'm', recommendedAction: 'Ask the vendor.' };
    expect(onDemandActionText(foreign, translator('ko'))).toBe('Ask the vendor.');
    expect(actionCodeOf(onDemandActionTexts.outOfScope)).toBe('outOfScope');
    expect(actionCodeOf('Ask the vendor.')).toBeUndefined();
    expect(adviceCodeFor('TooManyRequests')).toBe('tooManyRequests');
    expect(adviceCodeFor('SomethingElse')).toBe('general');
  });
});
