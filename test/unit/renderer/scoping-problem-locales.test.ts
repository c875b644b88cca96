import { describe, expect, it } from 'vitest';
import { validateFilterList, type ScopingFilter } from '@shared/scoping';
import {
  scopingMessageCodes,
  scopingProblemEnglish,
  scopingProblemParameters,
} from '@shared/scoping/scoping-problems';
import { createRosterI18n } from '../../../src-renderer/locales';
import { en } from '../../../src-renderer/locales/en';
import { ko } from '../../../src-renderer/locales/ko';
import { scopingProblemText } from '../../../src-renderer/components/scoping-problem-text';
import { configProblemText } from '../../../src-renderer/components/impact/impact-text';
import { clauseProblems } from '../../../src-renderer/views/jobs/parts/scoping-editor/clause-validation';
import { clauseProblemText } from '../../../src-renderer/views/jobs/parts/scoping-editor/problem-text';
import { translator } from './translator';

const filters: ScopingFilter[] = [
  { title: 'Sales', clauses: [] },
  {
    clauses: [
      { attribute: 'department', operator: 'EQUAL', value: 'x' },
      { attribute: 'mail', operator: 'REGEX MATCH', value: '(?<=a)b' },
      { attribute: 'members', operator: 'IS NOT NULL' },
      { attribute: 'level', operator: 'Greater_Than', value: '1.5' },
    ],
  },
];

describe('scoping problem texts', () => {
  it('has an English and a Korean text for every code, with the same parameters', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of scopingMessageCodes) {
      expect(names(ko.scopingProblems[code]), code).toEqual(names(en.scopingProblems[code]));
    }
    expect(Object.keys(en.scopingProblems).sort()).toEqual([...scopingMessageCodes].sort());
  });

  it('says in English in the app exactly what the validator stores and the CLI prints', () => {
    const { t } = createRosterI18n('en').global;
    const params = Object.fromEntries(scopingProblemParameters.map((name) => [name, `<${name} | @x>`]));
    for (const code of scopingMessageCodes) {
      expect(t(`scopingProblems.${code}`, params), code).toBe(scopingProblemEnglish(code, params));
    }
    for (const problem of validateFilterList(filters)) {
      expect(scopingProblemEnglish(problem.messageCode, problem.params)).toBe(problem.message);
    }
  });

  it('says every validator problem in Korean, an invalid pattern through its regex code', () => {
    const texts = validateFilterList(filters).map((problem) => scopingProblemText(problem, translator('ko')));
    expect(texts).toEqual([
      '필터 1 “Sales”에 조건이 없습니다. 조건을 추가하거나 필터를 삭제하세요.',
      '필터 2, 조건 1: “EQUAL”은(는) 연산자가 아닙니다. “EQUALS”을(를) 말씀하신 건가요?',
      '필터 2, 조건 2: 패턴의 1번째 위치에 후방 탐색 "(?<="이(가) 있습니다. 선형 시간 엔진은 전후방 탐색을 지원하지 않습니다.',
      '필터 2, 조건 3: 그룹 구성원 특성은 필터링할 수 없습니다. 그룹은 할당으로 범위를 정하세요.',
      '필터 2, 조건 4: Greater_Than은(는) 정수를 비교하는데 “1.5”은(는) 정수가 아닙니다(숫자와 맨 앞의 선택적 “-”).',
    ]);
    const english = validateFilterList(filters).map((problem) =>
      scopingProblemText(problem, translator('en')),
    );
    expect(english).toEqual(validateFilterList(filters).map((problem) => problem.message));
  });

  it('translates a scoping problem that blocks saving, and keeps an unknown code in English', () => {
    const [problem] = validateFilterList([{ clauses: [{ attribute: '', operator: 'IS NULL' }] }]);
    if (!problem) throw new Error('expected a problem');
    const blocking = {
      path: 'objectMappings[0].scope.filters[0].clauses[0].attribute',
      message: problem.message,
      code: 'scopingFilter' as const,
      detail: { code: problem.messageCode, params: { ...problem.params } },
    };
    expect(configProblemText(blocking, translator('ko'))).toBe('필터 1, 조건 1: 특성을 고르세요.');
    expect(configProblemText(blocking, translator('en'))).toBe('Filter 1, clause 1: choose an attribute.');
    const unknown = { ...blocking, detail: { code: 'fromANewerVersion', params: {} } };
    expect(configProblemText(unknown, translator('ko'))).toBe('Filter 1, clause 1: choose an attribute.');
  });

  it('says the scoping editor’s invalid pattern through the regex problem code', () => {
    const [problem] = clauseProblems({ id: 1, attribute: 'mail', operator: 'REGEX MATCH', value: '(a' });
    if (!problem) throw new Error('expected a problem');
    const t = (locale: 'en' | 'ko') => {
      const i18n = createRosterI18n(locale).global;
      return (key: string, values?: Record<string, unknown>) => i18n.t(key, values ?? {});
    };
    expect(clauseProblemText(t('ko'), problem)).toBe('패턴에 짝이 되는 ")"가 없는 "("가 있습니다.');
    expect(clauseProblemText(t('en'), problem)).toBe('The pattern contains a "(" with no matching ")".');
  });
});
