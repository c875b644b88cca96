// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { evaluateExpressionSync, ExpressionEvaluationError } from '@shared/expressions';
import { createNodeEvaluator } from '@shared/expressions/evaluate-node';
import { evaluationTemplates } from '@shared/expressions/evaluation-templates';
import { parseExpression } from '@shared/expressions/parser';
import { readSourceValue } from '@shared/expressions/source-values';
import { createRosterI18n } from '../../../src-renderer/locales';
import {
  diagnosticText,
  expressionDetailText,
} from '../../../src-renderer/components/expression-editor/diagnostic-text';
import { computePreview } from '../../../src-renderer/components/expression-editor/preview';
import ExpressionPreview from '../../../src-renderer/components/expression-editor/expression-preview.vue';
import MappingFlowPreview from '../../../src-renderer/views/jobs/parts/mapping-editor/mapping-flow-preview.vue';
import { englishBefore, evaluationCases, type EvaluationCase } from './expression-evaluation-cases';
import { translator } from './translator';

const words = (message: string) => message.replace(/^Line \d+, column \d+: /, '');

function failure(c: EvaluationCase): ExpressionEvaluationError {
  if (c.noCrypto) vi.stubGlobal('crypto', undefined);
  try {
    const source = c.source ?? {};
    if (c.unchecked)
      createNodeEvaluator(
        { nowTicks: () => 0n, randomBytes: (n) => new Uint8Array(n), warn: () => {} },
        { read: (name) => readSourceValue(name, source[name] ?? null) },
      ).evaluate(parseExpression(c.expression));
    else
      evaluateExpressionSync(c.expression, {
        source,
        ...(c.isTaken ? { isTaken: c.isTaken } : {}),
        ...(c.randomBytes ? { randomBytes: c.randomBytes } : {}),
      });
  } catch (error) {
    if (error instanceof ExpressionEvaluationError) return error;
    throw error;
  } finally {
    vi.unstubAllGlobals();
  }
  throw new Error(`${c.site}: ${c.expression} did not fail`);
}

afterEach(() => vi.unstubAllGlobals());

describe('evaluation errors carry a code', () => {
  it('says in English exactly what it said before, for every failure site', () => {
    for (const c of evaluationCases) expect(failure(c).message, c.site).toBe(englishBefore[c.site]);
  });

  it('says the same English from the app’s English locale', () => {
    const en = translator('en');
    for (const c of evaluationCases) {
      const error = failure(c);
      expect(error.detail.code, c.site).toMatch(/^expr\./);
      expect(expressionDetailText(error.detail, en), c.site).toBe(words(error.message));
      expect(diagnosticText(words(error.message), error, en), c.site).toBe(words(error.message));
    }
  });

  it('says every failure in Korean, the problem inside its place in Korean too', () => {
    const ko = translator('ko');
    for (const c of evaluationCases) {
      const error = failure(c);
      const korean = diagnosticText(words(error.message), error, ko);
      expect(korean, c.site).not.toBe(words(error.message));
      expect(korean, c.site).toMatch(/[가-힣]/);
      // No English sentence is left inside the Korean one (names, values and identifiers stay).
      expect(korean, `${c.site}: ${korean}`).not.toMatch(
        /\b(argument|got|must|is not|the pattern|value is required|removes every|already taken|failed|expected|unexpected|out of range|does not match)\b/,
      );
    }
    const say = (site: string) => {
      const c = evaluationCases.find((x) => x.site === site);
      if (!c) throw new Error(site);
      const error = failure(c);
      return diagnosticText(words(error.message), error, ko);
    };
    expect(say('coerce not a date')).toBe(
      'CDate의 인수 1(expression): "Jane"은(는) 날짜가 아닙니다(2021-08-24, 2009-06-15T01:45:30-07:00, 8/25/2021 5:41:18 PM 같은 형식이어야 합니다).',
    );
    expect(say('coerce role objects')).toBe(
      'Left의 인수 1(string): 역할 개체 목록이(가) 있습니다. 이 값은 앱 역할 함수만 쓸 수 있습니다.',
    );
    expect(say('random avoid class')).toBe(
      'RandomString의 인수 6(CharactersToAvoid): CharactersToAvoid가 숫자을(를) 모두 빼는데, 최소 1개가 필요합니다.',
    );
    expect(say('node comparison')).toMatch(/^비교 "=": 값 하나가 필요한 곳에 여러 값\(2개\)이 있습니다\./);
    expect(say('replace regex')).toMatch(/^Replace의 인수 3\(regexPattern\): [^A-Za-z]*"\("/);
    expect(say('dates format')).toBe(
      'FormatDateTime의 인수 3(inputFormat): "ffffffff"은(는) 소수 자릿수를 7자리보다 많이 요구합니다.',
    );
    expect(say('evaluate all taken')).toBe('SelectUniqueValue: 후보 값 2개가 모두 이미 쓰이고 있습니다.');
    expect(say('node roles not a list')).toBe('[appRoleAssignments]: 역할 개체 목록이어야 합니다.');
    expect(say('dates input format')).toBe(
      'FormatDateTime의 인수 1(source): 값이 입력 형식과 맞지 않습니다: "Jane"의 1번째 위치에 연도이(가) 와야 합니다.',
    );
    expect(say('dates day name')).toBe(
      'FormatDateTime의 인수 1(source): 값이 입력 형식과 맞지 않습니다: "Monday 2021-01-01"에서 요일 이름이 날짜와 맞지 않습니다.',
    );
  });

  it('uses every evaluation code, as the sentence or as a phrase inside one', () => {
    const seen = new Set<string>();
    for (const c of evaluationCases) {
      const { detail } = failure(c);
      seen.add(detail.code.slice('expr.'.length));
      for (const [name, value] of Object.entries(detail.params)) if (name.endsWith('Code')) seen.add(value);
    }
    // The random-string classes other than digits, and the date fields other than the year, are
    // phrases of a sentence the cases already say (each phrase renders in en and ko in
    // expression-message-locales.test.ts).
    for (const code of Object.keys(evaluationTemplates))
      if (/^(evalClass|dateField)/.test(code)) seen.add(code);
    // Refused by the checker before evaluation starts: IgnoreFlowIfNullOrEmpty() with no argument, and
    // an argument beyond a function's parameters (the only place without a parameter name).
    seen.add('evalNeedsArgument');
    seen.add('evalInArgument');
    // A warning, not a failure: said in the preview's warning test below.
    seen.add('evalSingleRole');
    expect(Object.keys(evaluationTemplates).filter((code) => !seen.has(code))).toEqual([]);
  });
});

describe('the expression preview in Korean', () => {
  it('says an evaluation error against the sample in Korean, at its place', () => {
    const preview = computePreview({ expression: 'CDate([givenName])', sample: { givenName: 'Jane' } });
    expect(preview).toMatchObject({ status: 'error', detail: { code: 'expr.evalInNamedArgument' } });
    const korean = mount(ExpressionPreview, {
      props: { preview, pending: false },
      global: { plugins: [createRosterI18n('ko')] },
    });
    const text = korean.get('[data-test="expression-result"]').text();
    expect(text).toContain(
      createRosterI18n('ko').global.t('expressions.editor.location', { line: 1, column: 7 }),
    );
    expect(text).toContain('CDate의 인수 1(expression): "Jane"은(는) 날짜가 아닙니다');
    expect(text).not.toContain('is not a date');
    const english = mount(ExpressionPreview, {
      props: { preview, pending: false },
      global: { plugins: [createRosterI18n('en')] },
    });
    expect(english.get('[data-test="expression-result"]').text()).toContain(
      'CDate argument 1 (expression): "Jane" is not a date (expected forms like 2021-08-24',
    );
  });
});

describe('the mapping dialog’s preview on a real source object, in Korean', () => {
  it('says the evaluation error of the mapping in Korean and in English as the engine logs it', () => {
    const props = {
      mapping: {
        target: 'displayName',
        type: 'Expression' as const,
        source: 'Mid([givenName], [start], 2)',
        apply: 'Always' as const,
        matchingPriority: 0,
      },
      sample: {
        objectType: 'User' as const,
        anchor: 'u1',
        displayName: 'Jane',
        attributes: { givenName: 'Jane', start: '0' },
      },
      attribute: undefined,
    };
    const korean = mount(MappingFlowPreview, { props, global: { plugins: [createRosterI18n('ko')] } });
    expect(korean.get('[data-test="mapping-flow-create"]').text()).toBe(
      '실패: 1줄 18열: Mid의 인수 2(start): start는 1 이상이어야 합니다(받은 값: 0).',
    );
    const english = mount(MappingFlowPreview, { props, global: { plugins: [createRosterI18n('en')] } });
    expect(english.get('[data-test="mapping-flow-create"]').text()).toBe(
      'fails: Line 1, column 18: Mid argument 2 (start): start must be 1 or more (got 0).',
    );
  });
});

describe('a warning of the evaluation, in the preview', () => {
  it('says SingleAppRoleAssignment’s warning in Korean, and in English as the log says it', () => {
    const preview = computePreview({
      expression: 'SingleAppRoleAssignment([appRoleAssignments])',
      sample: { appRoleAssignments: [{ value: 'b' }, { value: 'a' }] },
    });
    expect(preview).toMatchObject({
      status: 'value',
      warnings: ['SingleAppRoleAssignment: the object holds 2 roles; "a" (the lowest value) was used.'],
      warningDetails: [{ code: 'expr.evalSingleRole', params: { count: '2', value: 'a' } }],
    });
    const korean = mount(ExpressionPreview, {
      props: { preview, pending: false },
      global: { plugins: [createRosterI18n('ko')] },
    });
    expect(korean.get('[data-test="expression-warning"]').text()).toBe(
      'SingleAppRoleAssignment: 개체에 역할이 2개 있어 가장 작은 값인 "a"을(를) 썼습니다.',
    );
    const english = mount(ExpressionPreview, {
      props: { preview, pending: false },
      global: { plugins: [createRosterI18n('en')] },
    });
    expect(english.get('[data-test="expression-warning"]').text()).toBe(
      'SingleAppRoleAssignment: the object holds 2 roles; "a" (the lowest value) was used.',
    );
  });
});
