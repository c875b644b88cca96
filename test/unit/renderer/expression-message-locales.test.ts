import { describe, expect, it } from 'vitest';
import {
  expressionMessage,
  expressionMessageCodes,
  expressionMessageParameters,
} from '@shared/expressions/expression-messages';
import { validateExpression } from '@shared/expressions/validate';
import { createRosterI18n } from '../../../src-renderer/locales';
import { en } from '../../../src-renderer/locales/en';
import { ko } from '../../../src-renderer/locales/ko';
import { diagnosticText } from '../../../src-renderer/components/expression-editor/diagnostic-text';

function translator(locale: 'en' | 'ko') {
  const { t, te } = createRosterI18n(locale).global;
  return {
    locale,
    t: (key: string, params: Record<string, string>) => t(key, params),
    te: (key: string) => te(key),
  };
}

/** What the editor shows after "Line 1, column 1: ". */
function words(message: string): string {
  return message.replace(/^Line \d+, column \d+: /, '');
}

describe('expression checker messages', () => {
  it('has a Korean text for every code, with the same parameters', () => {
    const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    for (const code of expressionMessageCodes)
      expect(names(ko.expressionMessages[code]), code).toEqual(names(en.expressionMessages[code]));
    expect(Object.keys(en.expressionMessages).sort()).toEqual([...expressionMessageCodes].sort());
  });

  it('says in English in the app exactly what the checker stores and the CLI prints', () => {
    const { t } = createRosterI18n('en').global;
    const params = Object.fromEntries(expressionMessageParameters.map((name) => [name, `<${name} | @x>`]));
    for (const code of expressionMessageCodes)
      expect(t(`expressionMessages.${code}`, params), code).toBe(expressionMessage(code, params).text);
  });

  it('says the checker’s diagnostics in Korean by code, English as the checker wrote them', () => {
    const cases: [string, string][] = [
      ['Joinn(",", [a])', '알 수 없는 함수 Joinn입니다. Join을(를) 말씀하신 건가요?'],
      ['join(",", [a])', '알 수 없는 함수 join입니다. 함수 이름은 대소문자를 구분합니다: Join(으)로 쓰세요.'],
      ['Left([a])', 'Left은(는) 인수 2개를 받는데 1개가 주어졌습니다: Left(string, numChars).'],
      [
        'Sales',
        '“Sales”은(는) 값이 아닙니다. 텍스트는 큰따옴표로(“Sales”), 특성은 대괄호로([Sales]) 쓰세요.',
      ],
    ];
    for (const [expression, korean] of cases) {
      const [diagnostic] = validateExpression(expression);
      if (!diagnostic) throw new Error(`expected a diagnostic for ${expression}`);
      expect(diagnostic.detail?.code, expression).toMatch(/^expr\./);
      expect(diagnosticText(words(diagnostic.message), diagnostic, translator('ko')), expression).toBe(
        korean,
      );
      expect(diagnosticText(words(diagnostic.message), diagnostic, translator('en'))).toBe(
        words(diagnostic.message),
      );
    }
    const [unknown] = validateExpression('[departmnt]', { sourceAttributes: ['department'] });
    expect(unknown?.message).toBe(
      'Line 1, column 1: The source schema has no attribute [departmnt]; did you mean [department]?',
    );
  });
});
