import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../src-shared/expressions';

describe('tokenize', () => {
  it('gives kinds, offsets and 1-based line/column for every token', () => {
    const tokens = tokenize('IIF([a] <> "x",\n  -5, &HFF)');
    expect(tokens.map((t) => [t.kind, t.text, t.start, t.end, t.line, t.column])).toEqual([
      ['name', 'IIF', 0, 3, 1, 1],
      ['openParen', '(', 3, 4, 1, 4],
      ['attribute', '[a]', 4, 7, 1, 5],
      ['operator', '<>', 8, 10, 1, 9],
      ['string', '"x"', 11, 14, 1, 12],
      ['comma', ',', 14, 15, 1, 15],
      ['integer', '-5', 18, 20, 2, 3],
      ['comma', ',', 20, 21, 2, 5],
      ['integer', '&HFF', 22, 26, 2, 7],
      ['closeParen', ')', 26, 27, 2, 11],
    ]);
  });
  it('decodes values', () => {
    const [attr, str, int, hex] = tokenize('[given Name] "a\\"b\\\\c" -12 &hff');
    expect(attr?.value).toBe('given Name');
    expect(str?.value).toBe('a"b\\c');
    expect(int?.integer).toBe(-12n);
    expect(hex?.integer).toBe(255n);
  });
  it('keeps a backslash before any other character and warns', () => {
    const [token] = tokenize('"\\d"');
    expect(token?.value).toBe('\\d');
    expect(token?.problems?.[0]).toMatchObject({ code: 'backslashEscape', severity: 'warning' });
  });
  it('allows line breaks inside strings and counts CRLF as one line break', () => {
    const tokens = tokenize('"a\r\nb"\r\n[x]');
    expect(tokens[0]?.value).toBe('a\r\nb');
    expect(tokens[1]).toMatchObject({ line: 3, column: 1 });
  });
  it('reads full-width hex as 64-bit two’s complement and rejects wider values', () => {
    expect(tokenize('&HFFFFFFFFFFFFFFFF')[0]?.integer).toBe(-1n);
    expect(tokenize('&H10000000000000000')[0]?.problems?.[0]?.code).toBe('integerOutOfRange');
  });
  it('checks the signed 64-bit range of decimal literals', () => {
    expect(tokenize('-9223372036854775808')[0]?.integer).toBe(-(2n ** 63n));
    expect(tokenize('9223372036854775808')[0]?.problems?.[0]?.code).toBe('integerOutOfRange');
  });
  it.each([
    ['"abc', 'unterminatedString'],
    ['[abc', 'unterminatedAttribute'],
    ['[]', 'emptyAttribute'],
    ['1.5', 'invalidInteger'],
    ['&H', 'invalidInteger'],
    ['“x”', 'invalidCharacter'],
    ["'x'", 'invalidCharacter'],
    ['a + b', 'invalidCharacter'],
    ['a\u00a0b', 'invalidCharacter'],
    ['_x', 'invalidCharacter'],
  ])('reports a problem in %j', (text, code) => {
    const problems = tokenize(text).flatMap((t) => t.problems ?? []);
    expect(problems.map((p) => p.code)).toContain(code);
  });
  it('explains pasted typography', () => {
    const problem = tokenize('“x”')[0]?.problems?.[0];
    expect(problem?.message).toMatch(/straight double quotes/);
  });
  it('explains == and != ', () => {
    expect(tokenize('a == b')[1]?.problems?.[0]?.message).toMatch(/single "="/);
    expect(tokenize('a != b')[1]?.problems?.[0]?.message).toMatch(/"<>"/);
  });
  it('never throws and produces no token for whitespace', () => {
    expect(tokenize(' \t\r\n ')).toEqual([]);
  });
});
