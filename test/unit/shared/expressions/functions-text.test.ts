import { describe, expect, it } from 'vitest';
import { ExpressionEvaluationError } from '../../../../src-shared/expressions';
import { errorsOf, run } from './run';

describe('Append', () => {
  it('appends a suffix', () => {
    expect(run('Append([upn], ".test")', { upn: 'a@b.c' })).toBe('a@b.c.test');
  });
  it('gives null when either argument is null', () => {
    expect(run('Append([missing], "x")')).toBeNull();
    expect(run('Append("x", [missing])')).toBeNull();
  });
  it('keeps an empty string (it is not null)', () => {
    expect(run('Append([e], "x")', { e: '' })).toBe('x');
  });
  it('uses the string form of integers and dates', () => {
    expect(run('Append(-42, "!")')).toBe('-42!');
    expect(run('Append(CDate("2021-01-01"), "")')).toBe('1/1/2021 12:00:00 AM');
  });
  it('rejects a multi-valued argument and says how to reduce it', () => {
    expect(() => run('Append([m], "x")', { m: ['a', 'b'] })).toThrow(/Item\(\[x\], n\) or Join/);
  });
});

describe('Left', () => {
  it('returns the first characters', () => {
    expect(run('Left("John Doe", 3)')).toBe('Joh');
  });
  it('gives "" for 0, the whole string for a negative count or a longer count', () => {
    expect(run('Left("abc", 0)')).toBe('');
    expect(run('Left("abc", -1)')).toBe('abc');
    expect(run('Left("ab", 10)')).toBe('ab');
  });
  it('treats a null string as ""', () => {
    expect(run('Left([missing], 2)')).toBe('');
  });
  it('gives null for a null count', () => {
    expect(run('Left("abc", [missing])')).toBeNull();
  });
  it('accepts an integer string and rejects other strings', () => {
    expect(run('Left("abcdef", [n])', { n: '2' })).toBe('ab');
    expect(() => run('Left("abc", [n])', { n: '2.5' })).toThrow(ExpressionEvaluationError);
    expect(errorsOf('Left("abc", "x")')[0]?.code).toBe('invalidLiteralArgument');
  });
  it('counts UTF-16 code units', () => {
    expect(run('Left("😀x", 2)')).toBe('😀');
  });
  it('handles 64-bit counts', () => {
    expect(run('Left("abc", 9223372036854775807)')).toBe('abc');
  });
});

describe('Mid', () => {
  it('returns a 1-based range', () => {
    expect(run('Mid("John Doe", 6, 3)')).toBe('Doe');
  });
  it('returns the rest when the range runs past the end', () => {
    expect(run('Mid("abc", 2, 10)')).toBe('bc');
  });
  it('gives "" for a start beyond the end and for length 0', () => {
    expect(run('Mid("abc", 4, 1)')).toBe('');
    expect(run('Mid("abc", 1, 0)')).toBe('');
  });
  it('fails for start < 1 or a negative length', () => {
    expect(() => run('Mid("abc", [s], 1)', { s: 0 })).toThrow(/start must be 1 or more/);
    expect(() => run('Mid("abc", 1, [l])', { l: -1 })).toThrow(/length must not be negative/);
    expect(errorsOf('Mid("abc", 0, 1)')[0]?.code).toBe('invalidLiteralArgument');
  });
  it('gives null for null arguments', () => {
    expect(run('Mid([missing], 1, 1)')).toBeNull();
  });
});

describe('StripSpaces', () => {
  it('removes only U+0020', () => {
    expect(run('StripSpaces([v])', { v: ' a b\tc\u00a0d ' })).toBe('ab\tc\u00a0d');
  });
  it('keeps null as null', () => {
    expect(run('StripSpaces([missing])')).toBeNull();
  });
});

describe('Word', () => {
  it('returns the n-th word', () => {
    expect(run('Word("The quick brown fox",3," ")')).toBe('brown');
  });
  it('does not count empty runs between adjacent delimiters', () => {
    expect(run('Word("a,,b", 2, ",")')).toBe('b');
    expect(run('Word(",,a", 1, ",")')).toBe('a');
  });
  it('uses every character of delimiters', () => {
    expect(run('Word("a;b c", 3, "; ")')).toBe('c');
  });
  it('gives "" for wordNumber < 1, beyond the last word, and for a null string', () => {
    expect(run('Word("a b", 0, " ")')).toBe('');
    expect(run('Word("a b", -3, " ")')).toBe('');
    expect(run('Word("a b", 3, " ")')).toBe('');
    expect(run('Word([missing], 1, " ")')).toBe('');
  });
  it('treats the whole string as word 1 when delimiters is empty', () => {
    expect(run('Word("a b", 1, "")')).toBe('a b');
    expect(run('Word("a b", 2, "")')).toBe('');
  });
});

describe('ToLower / ToUpper', () => {
  it('uses the simple, length-preserving mapping', () => {
    expect(run('ToUpper("straße")')).toBe('STRAßE');
    expect(run('ToLower("İ")')).toBe('i');
    expect(run('ToUpper("ﬁ")')).toBe('ﬁ');
    expect(run('ToUpper("ᾳ")')).toBe('ᾼ');
  });
  it('maps sigma without the final-sigma rule, as .NET does', () => {
    expect(run('ToLower("ΟΔΟΣ")')).toBe('οδοσ');
  });
  it('applies culture rules', () => {
    expect(run('ToUpper("i", "tr-TR")')).toBe('İ');
    expect(run('ToLower("I", "tr-TR")')).toBe('ı');
    expect(run('ToLower("I", "en-US")')).toBe('i');
  });
  it('treats "" as the invariant culture', () => {
    expect(run('ToUpper("abc", "")')).toBe('ABC');
  });
  it('rejects an unknown culture: validation for a literal, evaluation for a computed value', () => {
    expect(errorsOf('ToLower("x", "xx-XX")')[0]?.code).toBe('unknownCulture');
    expect(errorsOf('ToLower("x", "not a culture")')[0]?.code).toBe('unknownCulture');
    expect(() => run('ToLower("x", [c])', { c: 'zz-QQ' })).toThrow(/not a known culture/);
  });
  it('returns null for null source', () => {
    expect(run('ToUpper([missing])')).toBeNull();
  });
});

describe('PCase', () => {
  it('lower-cases first, so ALL-CAPS words change', () => {
    expect(run('PCase("PABLO GONSALVES (SECOND)")')).toBe('Pablo Gonsalves (Second)');
  });
  it('keeps the apostrophe inside a word and does not start words at digits', () => {
    expect(run(`PCase("o'brien")`)).toBe("O'brien");
    expect(run('PCase("3rd street")')).toBe('3Rd Street');
  });
  it('treats hyphens and other punctuation as separators', () => {
    expect(run('PCase("jean-luc picard")')).toBe('Jean-Luc Picard');
  });
  it('with wordSeparators splits only at those characters', () => {
    expect(run('PCase("jean-luc picard", "-")')).toBe('Jean-Luc picard');
    expect(run('PCase("ab cd", "")')).toBe('Ab cd');
  });
  it('title-cases single-code-point digraphs', () => {
    expect(run('PCase("\u01c6emal")')).toBe('\u01c5emal');
    expect(run('PCase("\u01c4EMAL")')).toBe('\u01c5emal');
  });
  it('lower-cases with the simple mapping (no final sigma)', () => {
    expect(run('PCase("ΣΊΣΥΦΟΣ")')).toBe('Σίσυφοσ');
  });
  it('returns null for null', () => {
    expect(run('PCase([missing])')).toBeNull();
  });
});

describe('NormalizeDiacritics', () => {
  it.each([
    ['Zoë', 'Zoe'],
    ['Straße', 'Strasse'],
    ['Øystein', 'OEystein'],
    ['Łódź', 'Lodz'],
    ['Ñandú', 'Nandu'],
    ['İstanbul', 'Istanbul'],
    ['Ǣ', 'AE'],
    ['\u0101\u0301', 'a'],
    ['a\u0304\u0301', 'a'],
    ['e\u030a\u0304', 'e'],
    ['\u1e16', 'E'],
  ])('%s → %s', (input, expected) => {
    expect(run('NormalizeDiacritics([v])', { v: input })).toBe(expected);
  });
  it('leaves plain œ/Œ and characters outside the table unchanged', () => {
    expect(run('NormalizeDiacritics([v])', { v: 'Œuvre œ 中文 ç' })).toBe('Œuvre œ 中文 c');
  });
  it('returns NFC', () => {
    expect(run('NormalizeDiacritics([v])', { v: 'q\u0307' })).toBe('q\u0307'.normalize('NFC'));
  });
});

describe('ConvertToBase64 / ConvertToUTF8Hex', () => {
  it('encodes UTF-16LE bytes in base64', () => {
    expect(run('ConvertToBase64("Hello world!")')).toBe('SABlAGwAbABvACAAdwBvAHIAbABkACEA');
    expect(run('ConvertToBase64("")')).toBe('');
    expect(run('ConvertToBase64("é")')).toBe('6QA=');
  });
  it('writes UTF-8 bytes as upper-case hex', () => {
    expect(run('ConvertToUTF8Hex("Hello world!")')).toBe('48656C6C6F20776F726C6421');
    expect(run('ConvertToUTF8Hex("é😀")')).toBe('C3A9F09F9880');
  });
});

describe('CStr', () => {
  it('gives the string form of integers, booleans and dates', () => {
    expect(run('CStr(129699324000000000)')).toBe('129699324000000000');
    expect(run('CStr([b])', { b: true })).toBe('True');
    expect(run('CStr(DateFromNum(129699324000000000))')).toBe('1/1/2012 11:00:00 PM');
  });
  it('fails for a multi-valued value', () => {
    expect(() => run('CStr([m])', { m: ['a', 'b'] })).toThrow(ExpressionEvaluationError);
  });
});

describe('InStr', () => {
  it('returns the 1-based position or 0', () => {
    expect(run('InStr("The quick brown fox","quick")')).toBe('5');
    expect(run('InStr("abc","x")')).toBe('0');
  });
  it('starts at start', () => {
    expect(run('InStr("abcabc","c",4)')).toBe('6');
    expect(run('InStr("abc","b",5)')).toBe('0');
  });
  it('returns start for an empty value2', () => {
    expect(run('InStr("abc","",2)')).toBe('2');
  });
  it('compares ignoring case with vbTextCompare, "vbTextCompare" or 1', () => {
    expect(run('InStr("ABC","b",1,vbTextCompare)')).toBe('2');
    expect(run('InStr("ABC","b",,"vbTextCompare")')).toBe('2');
    expect(run('InStr("ABC","b",1,1)')).toBe('2');
    expect(run('InStr("ABC","b",1,vbBinaryCompare)')).toBe('0');
    expect(run('InStr("ABC","b",1,0)')).toBe('0');
  });
  it('rejects a start below 1 and an unknown compareType', () => {
    expect(errorsOf('InStr("abc","b",0)')[0]?.code).toBe('invalidLiteralArgument');
    expect(() => run('InStr("abc","b",[s])', { s: 0 })).toThrow(/start must be 1/);
    expect(errorsOf('InStr("abc","b",1,2)')[0]?.code).toBe('invalidLiteralArgument');
    expect(() => run('InStr("abc","b",1,[c])', { c: 'x' })).toThrow(/compareType/);
  });
  it('allows the enum words only as the 4th argument of InStr', () => {
    expect(errorsOf('Append(vbTextCompare, "x")')[0]?.code).toBe('bareWord');
  });
  it('gives null for null strings', () => {
    expect(run('InStr([missing],"a")')).toBeNull();
  });
});
