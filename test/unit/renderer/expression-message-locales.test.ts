import { describe, expect, it } from 'vitest';
import {
  expressionMessage,
  expressionMessageCodes,
  expressionMessageParameters,
  isExpressionMessageCode,
} from '@shared/expressions/expression-messages';
import { internalDiagnostic } from '@shared/expressions/diagnostics';
import { syntaxPhraseTemplates, syntaxTemplates } from '@shared/expressions/syntax-messages';
import { validateExpression } from '@shared/expressions/validate';
import { createRosterI18n } from '../../../src-renderer/locales';
import { en } from '../../../src-renderer/locales/en';
import { ko } from '../../../src-renderer/locales/ko';
import {
  diagnosticText,
  expressionDetailText,
} from '../../../src-renderer/components/expression-editor/diagnostic-text';
import { syntaxCases } from './expression-syntax-cases';
import { translator } from './translator';

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

  it('says every code in Korean with every parameter it is given', () => {
    const { t } = translator('ko');
    for (const code of expressionMessageCodes) {
      const names = [
        ...new Set([...en.expressionMessages[code].matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')),
      ];
      const params = Object.fromEntries(names.map((name) => [name, `<${name}>`]));
      const said = t(`expressionMessages.${code}`, params);
      expect(said, code).not.toBe('');
      for (const name of names) expect(said, `${code} {${name}}`).toContain(`<${name}>`);
    }
  });

  it('gives every syntax diagnostic a code whose English is the message the CLI prints', () => {
    const en = translator('en');
    const seen = new Set<string>();
    for (const expression of syntaxCases) {
      const diagnostics = validateExpression(expression);
      expect(diagnostics.length, expression).toBeGreaterThan(0);
      for (const d of diagnostics) {
        expect(d.detail?.code, `${expression}: ${d.message}`).toMatch(/^expr\./);
        if (!d.detail) continue;
        seen.add(d.detail.code.slice('expr.'.length));
        for (const [name, value] of Object.entries(d.detail.params))
          if (name.endsWith('Code')) seen.add(value);
        expect(expressionDetailText(d.detail, en), expression).toBe(words(d.message));
        const code = d.detail.code.slice('expr.'.length);
        if (!isExpressionMessageCode(code)) throw new Error(`unknown code ${code}`);
        expect(expressionMessage(code, d.detail.params).text).toBe(words(d.message));
      }
    }
    const every = [...Object.keys(syntaxTemplates), ...Object.keys(syntaxPhraseTemplates)];
    expect(every.filter((code) => !seen.has(code))).toEqual([]);
  });

  it('says syntax diagnostics in Korean, phrases included', () => {
    const ko = translator('ko');
    const korean = (expression: string): string[] =>
      validateExpression(expression).map((d) => diagnosticText(words(d.message), d, ko));
    expect(korean('Trim([a] "abcdefghijklmnopqrstuvwxyz0123456789")')).toEqual([
      'Trim 호출에서 "," 또는 ")"가 와야 하는데 문자열 "abcdefghijklmnopqrstuvwxyz…"이(가) 있습니다.',
    ]);
    expect(korean('[a] [b]')).toEqual(['식이 끝난 뒤에 예상하지 못한 특성 [b]이(가) 있습니다.']);
    expect(korean('Join(",", \u201cx\u201d)')[0]).toBe(
      '예상하지 못한 "\u201c" (U+201C): 둥근 따옴표입니다. 문자열에는 곧은 큰따옴표(")를 쓰세요.',
    );
    expect(korean('{[a]}')[0]).toBe('예상하지 못한 "{" (U+007B): "{"입니다. 이 언어에는 중괄호가 없습니다.');
    expect(korean('Join(",",\n  Append("a", "b")')).toEqual([
      '1행 5열에서 연 Join( 호출에 닫는 ")"가 없습니다.',
    ]);
    expect(korean('FormatDateTime([a], , "yyyy ffffffff", "yyyy")')).toEqual([
      'FormatDateTime: "ffffffff"은(는) 소수 자릿수를 7자리보다 많이 요구합니다.',
    ]);
    expect(korean('Join(",", "a\\q")')).toEqual([
      '"\\q"는 백슬래시가 그대로 남습니다. 그럴 의도라면 "\\\\q"로 분명히 쓰세요.',
    ]);
    const bug = internalDiagnostic(new Error('boom'));
    expect(bug.message).toBe('Line 1, column 1: Roster could not check this expression (boom).');
    expect(diagnosticText(words(bug.message), bug, ko)).toBe('Roster가 이 식을 검사하지 못했습니다(boom).');
    // No English phrase is left inside a Korean sentence.
    for (const expression of syntaxCases)
      for (const text of korean(expression))
        expect(text, expression).not.toMatch(/\b(the (string|attribute|number)|a curly|The date format)\b/);
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
