import { describe, expect, it } from 'vitest';
import { say, type LogMessageCode } from '@shared/domain/log-messages';
import { onDemandActionTexts } from '@shared/domain/on-demand-messages';
import { logAdviceText } from '../../../src-renderer/components/log-advice-text';
import { translator } from './translator';

/** What the engine wrote as advice before it had codes: the log, its CSV export and the CLI keep it. */
const englishBeforeCodes: Record<string, string> = {
  adviceRequiredMissing: 'Give the mapping a default value, or fix the source data.',
  adviceEntryConflict:
    'Check the matching attributes: the target already has an object with one of these values.',
  adviceResetLink:
    'Reset the link of this object (or run `roster reset <job> --full`) so that Roster matches or creates it again.',
  adviceDuplicateTarget:
    'Make the matching attribute unique in the target, or change the matching attributes.',
  adviceTooManyDeletes:
    'Check why so many objects left scope. If it is intended, use "Allow deletes"; otherwise fix the cause and restart.',
  adviceAccountGone: 'Run account discovery again: the account is no longer in the target.',
  adviceCheckTargetAnswer: 'Check the target’s answer, then try again.',
};

const koreanAdvice: Record<string, string> = {
  adviceRequiredMissing: '매핑에 기본값을 주거나 원본 데이터를 고치세요.',
  adviceEntryConflict: '일치 특성을 확인하세요. 대상에 이 값 중 하나를 가진 개체가 이미 있습니다.',
  adviceResetLink:
    '이 개체의 연결을 초기화하세요(또는 `roster reset <작업> --full` 실행). 그러면 Roster가 다시 일치시키거나 새로 만듭니다.',
  adviceDuplicateTarget: '대상에서 일치 특성이 고유하도록 하거나, 일치 특성을 바꾸세요.',
  adviceTooManyDeletes:
    '왜 이렇게 많은 개체가 범위를 벗어났는지 확인하세요. 의도한 것이라면 “삭제 허용”을 쓰고, 아니라면 원인을 고친 뒤 다시 시작하세요.',
  adviceAccountGone: '계정 검색을 다시 실행하세요. 이 계정은 더 이상 대상에 없습니다.',
  adviceCheckTargetAnswer: '대상의 응답을 확인한 뒤 다시 시도하세요.',
};

function adviceOf(code: LogMessageCode) {
  const advice = say(code);
  return {
    recommendedAction: advice.text,
    recommendedActionCode: advice.code,
    recommendedActionParams: advice.params,
  };
}

describe('the advice of a log entry (“What to do”)', () => {
  it('keeps, under each code, the English the engine always wrote', () => {
    for (const [code, english] of Object.entries(englishBeforeCodes))
      expect(say(code as LogMessageCode).text, code).toBe(english);
  });

  it('says each advice in Korean from its code, and in English exactly as stored', () => {
    for (const [code, korean] of Object.entries(koreanAdvice)) {
      const info = adviceOf(code as LogMessageCode);
      expect(logAdviceText(info, translator('ko')), code).toBe(korean);
      expect(logAdviceText(info, translator('en')), code).toBe(englishBeforeCodes[code]);
    }
  });

  it('shows the English of an entry written before codes, and a target’s own words, as they are', () => {
    const old = { recommendedAction: englishBeforeCodes['adviceResetLink'] };
    expect(logAdviceText(old, translator('ko'))).toBe(old.recommendedAction);
    expect(logAdviceText({ recommendedAction: 'Ask the vendor.' }, translator('ko'))).toBe('Ask the vendor.');
    expect(logAdviceText({}, translator('ko'))).toBe('');
  });

  it('says provision on demand’s out-of-scope advice, one of its own fixed sentences, in Korean', () => {
    const info = { recommendedAction: onDemandActionTexts.outOfScope };
    expect(logAdviceText(info, translator('ko'))).toMatch(/^의도한 것이라면 고칠 것이 없습니다/);
    expect(logAdviceText(info, translator('en'))).toBe(onDemandActionTexts.outOfScope);
  });

  it('falls back to the English for a code this version does not know', () => {
    const info = {
      recommendedAction: 'Do what the future says.',
      recommendedActionCode: 'adviceFromTheFuture' as LogMessageCode,
      recommendedActionParams: {},
    };
    expect(logAdviceText(info, translator('ko'))).toBe('Do what the future says.');
  });
});
