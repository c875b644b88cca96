import { describe, expect, it } from 'vitest';
import { cycleErrorText } from '../../../src-renderer/components/cycle-error-text';
import { translator } from './translator';

describe('a cycle error in the admin language', () => {
  const unauthorized = {
    code: 'Unauthorized',
    message: 'The target answered 401: the credentials were refused.',
  };

  it('is the cycle message itself in English, as the CLI prints it', () => {
    expect(cycleErrorText(unauthorized, translator('en'))).toEqual({
      title: unauthorized.message,
      detail: null,
    });
  });

  it('is a Korean sentence for the code in Korean, with the English message kept as the detail', () => {
    const text = cycleErrorText(unauthorized, translator('ko'));
    expect(text.title).toBe('대상 앱이 자격 증명을 거부했습니다.');
    expect(text.detail).toBe(unauthorized.message);
  });

  it('names an unknown code in Korean rather than showing English alone', () => {
    const text = cycleErrorText({ code: 'SomethingNew', message: 'boom' }, translator('ko'));
    expect(text.title).toBe('주기가 오류 SomethingNew(으)로 멈췄습니다.');
    expect(text.detail).toBe('boom');
  });

  it('has a sentence for the codes the engine itself sets on a cycle', () => {
    const ko = translator('ko');
    for (const code of [
      'Cancelled',
      'InternalError',
      'LeaseLost',
      'TooManyDeletes',
      'SourceEmpty',
      'SourceShrank',
    ]) {
      expect(ko.te(`cycleErrors.titles.${code}`), code).toBe(true);
    }
  });
});
