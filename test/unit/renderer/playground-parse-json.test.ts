import { describe, expect, it } from 'vitest';
import { parseJson, parseJsonObject } from '../../../src-renderer/views/playground/parts/parse-json';
import { jsonErrorOffset } from '../../../src-renderer/views/playground/parts/json-error-offset';
import { jsonProblemText } from '../../../src-renderer/views/playground/parts/json-problem-text';
import { createRosterI18n } from '../../../src-renderer/locales';

describe('playground JSON input', () => {
  it('reads a JSON object', () => {
    expect(parseJsonObject('{ "givenName": "Jane" }')).toEqual({ ok: true, value: { givenName: 'Jane' } });
  });

  it('refuses arrays, strings and null, which are not source objects', () => {
    for (const text of ['[]', '"x"', 'null', '3']) {
      expect(parseJsonObject(text)).toEqual({ ok: false, problem: { kind: 'notAnObject' } });
    }
  });

  it('names the line, column and character of a syntax error', () => {
    expect(parseJson('{\n  "a": 1,\n  b: 2\n}')).toEqual({
      ok: false,
      problem: { kind: 'syntax', line: 3, column: 3, found: 'b' },
    });
    expect(parseJson('{\n  "givenName": "Ann",\n  "surname": \n}')).toEqual({
      ok: false,
      problem: { kind: 'syntax', line: 4, column: 1, found: '}' },
    });
  });

  it('says when the text ends too early', () => {
    expect(parseJson('{\n  "a": 1')).toEqual({ ok: false, problem: { kind: 'syntax', line: 2, column: 9 } });
  });

  it('writes the problem in the UI language', () => {
    const { t } = createRosterI18n('en').global;
    const problem = parseJson('{ "a": 1,, }');
    if (problem.ok) throw new Error('should not parse');
    expect(jsonProblemText(problem.problem, (key, values) => t(key, values ?? {}))).toBe(
      'Not valid JSON: unexpected "," at line 1, column 10.',
    );
    const ko = createRosterI18n('ko').global.t;
    expect(jsonProblemText({ kind: 'notAnObject' }, (key) => ko(key))).toBe(
      '특성 이름을 키로 하는 JSON 개체 하나를 입력하세요.',
    );
  });
});

describe('finding where JSON goes wrong', () => {
  const cases: [string, number][] = [
    ['{"a": tru}', 6],
    ['{"a": 1 "b": 2}', 8],
    ['[1, 2,]', 6],
    ['{"a": "x\ny"}', 8],
    ['{"a": "\\q"}', 8],
    ['{"a": 01}', 7],
    ['{"a": -}', 6],
    ['{} x', 3],
    ["{'a': 1}", 1],
    ['', 0],
    ['{"a": [1, {"b": null}]', 22],
  ];
  it.each(cases)('%j fails at %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('accepts what JSON.parse accepts', () => {
    const text = '{ "a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {} }';
    expect(() => {
      JSON.parse(text);
    }).not.toThrow();
    expect(jsonErrorOffset(text)).toBe(text.length);
  });
});
