import { describe, expect, it } from 'vitest';
import { regexProblemCodes } from '@shared/expressions/regex-problems';
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
});
