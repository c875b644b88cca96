import { describe, expect, it } from 'vitest';
import { regexProblemCodes, regexProblemEnglish } from '@shared/expressions/regex-problems';
import { createRosterI18n } from '../../../src-renderer/locales';
import { en } from '../../../src-renderer/locales/en';
import { ko } from '../../../src-renderer/locales/ko';

describe('regex problem texts', () => {
  it('has an English and a Korean text for every code, with the same parameters', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of regexProblemCodes) {
      expect(en.regexProblems[code], code).toBeTypeOf('string');
      expect(names(ko.regexProblems[code]), code).toEqual(names(en.regexProblems[code]));
    }
    expect(Object.keys(en.regexProblems).sort()).toEqual([...regexProblemCodes].sort());
  });

  it('says in English in the app exactly what the CLI and the logs print', () => {
    const { t } = createRosterI18n('en').global;
    const params = {
      position: '7',
      token: '*',
      repetition: '{3,1}',
      limit: '1000',
      construct: '(?=',
      size: '5000',
      detail: 'bad | thing @ x',
      group: 'first',
      names: 'a, b',
    };
    for (const code of regexProblemCodes) {
      expect(t(`regexProblems.${code}`, params), code).toBe(regexProblemEnglish({ code, params }));
    }
  });
});
