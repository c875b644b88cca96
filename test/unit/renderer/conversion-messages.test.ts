import { describe, expect, it } from 'vitest';
import { toTargetValue } from '@shared/expressions';
import type { TargetAttributeType } from '@shared/expressions';
import type { Value } from '@shared/expressions/values';
import { expressionDetailText } from '../../../src-renderer/components/expression-editor/diagnostic-text';
import { translator } from './translator';

/** Each way a conversion to the target type fails, with the English it has always said. */
const failures: { name: string; value: Value; type: TargetAttributeType; multi: boolean; english: string }[] =
  [
    { name: 'no value', value: null, type: 'String', multi: false, english: 'There is no value to convert.' },
    {
      name: 'app role list',
      value: { kind: 'roleList', roles: [] },
      type: 'String',
      multi: false,
      english: 'The app role list must go through a role function.',
    },
    {
      name: 'too many values',
      value: { kind: 'multi', items: ['a', 'b'] },
      type: 'String',
      multi: false,
      english: 'The expression gave 2 values but the target attribute holds one.',
    },
    {
      name: 'boolean',
      value: 'yes',
      type: 'Boolean',
      multi: false,
      english: '"yes" is not "True" or "False".',
    },
    { name: 'integer', value: '12a', type: 'Integer', multi: false, english: '"12a" is not an integer.' },
    { name: 'date', value: 'soon', type: 'DateTime', multi: true, english: '"soon" is not a date.' },
  ];

const korean: Record<string, string> = {
  'no value': '바꿀 값이 없습니다.',
  'app role list': '앱 역할 목록은 역할 함수를 거쳐야 합니다.',
  'too many values': '식이 값 2개를 냈지만 대상 특성에는 값이 하나만 들어갑니다.',
  boolean: '"yes"은(는) "True"도 "False"도 아닙니다.',
  integer: '"12a"은(는) 정수가 아닙니다.',
  date: '"soon"은(는) 날짜가 아닙니다.',
};

describe('toTargetValue failures under expr.convert… codes', () => {
  for (const f of failures) {
    it(`${f.name}: the same English as before, and the code says it in English and Korean`, () => {
      const converted = toTargetValue(f.value, f.type, f.multi);
      expect(converted.ok).toBe(false);
      if (converted.ok) return;
      expect(converted.message).toBe(f.english);
      expect(converted.detail.code).toMatch(/^expr\.convert/);
      expect(expressionDetailText(converted.detail, translator('en'))).toBe(f.english);
      expect(expressionDetailText(converted.detail, translator('ko'))).toBe(korean[f.name]);
    });
  }
});
