import { describe, expect, it } from 'vitest';
import { compileRegex, regexTest } from '../../../../src-shared/expressions';
import { translatePattern } from '../../../../src-shared/expressions/regex-translate';

function matches(pattern: string, input: string): boolean {
  const compiled = compileRegex(pattern);
  if (!compiled.ok) throw new Error(compiled.message);
  return regexTest(compiled.regex, input);
}

describe('pattern translation to RE2 (expressions.md §7)', () => {
  it('turns .NET named groups into RE2 named groups', () => {
    expect(translatePattern('(?<year>\\d{4})')).toEqual({
      ok: true,
      source: '(?P<year>\\d{4})',
      caseInsensitive: false,
    });
    const compiled = compileRegex('(?<a>x)(y)(?<b>z)');
    expect(compiled.ok && compiled.regex.namedGroups).toEqual({ a: 1, b: 3 });
  });
  it('makes a leading (?i) the case-insensitive flag', () => {
    expect(translatePattern('(?i)abc')).toMatchObject({ ok: true, caseInsensitive: true });
    expect(matches('(?i)straße', 'STRASSE')).toBe(false);
    expect(matches('(?i)é', 'É')).toBe(true);
  });
  it('accepts ECMAScript identity escapes such as \\@ and \\-', () => {
    expect(matches('.*\\@domain.com', 'jdoe@domain.com')).toBe(true);
    expect(matches('a\\-b', 'a-b')).toBe(true);
  });
  it('keeps ECMAScript meanings where RE2 differs', () => {
    expect(matches('^[]$', '')).toBe(false);
    expect(matches('^[^]$', '\n')).toBe(true);
    expect(matches('^.$', '\r')).toBe(false);
    expect(matches('^.$', '\u2028')).toBe(false);
    expect(matches('^\\s$', '\u00a0')).toBe(true);
    expect(matches('^\\s$', '\ufeff')).toBe(true);
    expect(matches('^[\\s-]+$', ' -\t')).toBe(true);
    expect(matches('^\\S+$', 'a\u3000')).toBe(false);
    expect(matches('^\\d$', '٣')).toBe(false);
    expect(matches('^\\w$', 'é')).toBe(false);
  });
  it('reads escapes for single characters', () => {
    expect(matches('^\\x41\\u0042\\cJ\\0\\t$', 'AB\n\u0000\t')).toBe(true);
    expect(matches('^\\uD83D\\uDE00$', '😀')).toBe(true);
    expect(matches('^[\\b]$', '\b')).toBe(true);
    expect(matches('^\\xZ$', 'xZ')).toBe(true);
  });
  it('treats braces and brackets that are not syntax as literals', () => {
    expect(matches('^a{$', 'a{')).toBe(true);
    expect(matches('^{x}$', '{x}')).toBe(true);
    expect(matches('^]$', ']')).toBe(true);
    expect(matches('^[a-c\\]]+$', 'ab]c')).toBe(true);
    expect(matches('^[\\d-z]+$', '1-z')).toBe(true);
  });
  it('supports Unicode categories and scripts', () => {
    expect(matches('^\\p{Lu}\\p{Ll}+$', 'Émile')).toBe(true);
    expect(matches('^\\p{Greek}+$', 'αβγ')).toBe(true);
  });
  it('supports lazy quantifiers and counted repetition', () => {
    expect(matches('^a{2,3}?$', 'aaa')).toBe(true);
    expect(matches('^(ab)+?$', 'abab')).toBe(true);
  });
  it('rejects patterns too large for quick matching', () => {
    const compiled = compileRegex('a{1000}'.repeat(10));
    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.message).toMatch(/too large/);
  });
  it('never throws on malformed patterns', () => {
    for (const p of [
      '(',
      ')',
      '[',
      '\\',
      '(?',
      '(?<',
      '(?<>a)',
      'a**',
      '+',
      '(?P=x)',
      '\\p{Nope}',
      '[b-a]',
      '\ud800',
    ]) {
      expect(() => compileRegex(p)).not.toThrow();
    }
  });
});
