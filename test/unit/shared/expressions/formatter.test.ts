import { describe, expect, it } from 'vitest';
import { ExpressionSyntaxError, formatExpression, parseExpression } from '../../../../src-shared/expressions';

describe('formatExpression', () => {
  it.each([
    ['Append( [a] ,".x" )', 'Append([a], ".x")'],
    ['IIF([c]="USA",[c],[d])', 'IIF([c] = "USA", [c], [d])'],
    ['Replace([x], , "a+", , "b", , )', 'Replace([x], , "a+", , "b", ,)'],
    ['Now( )', 'Now()'],
    ['BitAnd(&hf, &HF7)', 'BitAnd(&HF, &HF7)'],
    ['"\\d"', '"\\\\d"'],
    ['"say \\"hi\\""', '"say \\"hi\\""'],
    ['InStr("a","b",,vbTextCompare)', 'InStr("a", "b", , vbTextCompare)'],
    ['-0', '0'],
  ])('%j → %j', (input, expected) => {
    expect(formatExpression(input)).toBe(expected);
  });
  it('breaks long calls one argument per line and is stable', () => {
    const text =
      'SelectUniqueValue(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"), Join("@", NormalizeDiacritics(StripSpaces(Join(".", Mid([PreferredFirstName], 1, 1), [PreferredLastName]))), "contoso.com"))';
    const once = formatExpression(text);
    expect(once.split('\n').length).toBeGreaterThan(1);
    expect(once.split('\n').every((line) => line.length <= 100)).toBe(true);
    expect(formatExpression(once)).toBe(once);
    expect(parseExpression(once)).toMatchObject({ kind: 'call', name: 'SelectUniqueValue' });
  });
  it('keeps the meaning: formatted text evaluates the same tree shape', () => {
    const text = 'Switch([s],\n , "1" , IIF([a]>=5,"x","y"), "2", "z")';
    const formatted = formatExpression(text);
    expect(formatted).toBe('Switch([s], , "1", IIF([a] >= 5, "x", "y"), "2", "z")');
  });
  it('accepts a tree', () => {
    expect(formatExpression(parseExpression('Left( "a",1)'))).toBe('Left("a", 1)');
  });
  it('throws ExpressionSyntaxError for text that does not parse', () => {
    expect(() => formatExpression('Append(')).toThrow(ExpressionSyntaxError);
  });
});
