import { describe, expect, it } from 'vitest';
import { ExpressionEvaluationError } from '../../../../src-shared/expressions';
import { errorsOf, run } from './run';

describe('Replace mode A (oldValue + replacementValue)', () => {
  it('replaces every occurrence, left to right, without overlaps', () => {
    expect(run('Replace("aaa", "aa", , , "b", , )')).toBe('ba');
    expect(run('Replace("a.b.c", ".", , , "", , )')).toBe('abc');
  });
  it('matches ordinally and case-sensitively', () => {
    expect(run('Replace("Abc", "a", , , "x", , )')).toBe('Abc');
  });
  it('takes the trailing slots as optional', () => {
    expect(run('Replace("abc", "b", , , "x")')).toBe('axc');
  });
  it('gives null for a null source', () => {
    expect(run('Replace([missing], "a", , , "b", , )')).toBeNull();
  });
  it('rejects an empty oldValue', () => {
    expect(errorsOf('Replace("abc", "", , , "b", , )')[0]?.code).toBe('invalidLiteralArgument');
    expect(() => run('Replace("abc", [o], , , "b", , )', { o: '' })).toThrow(/oldValue must not be empty/);
  });
  it('does not treat the replacement as a pattern', () => {
    expect(run('Replace("a", "a", , , "$&$1", , )')).toBe('$&$1');
  });
});

describe('Replace mode B (oldValue + template)', () => {
  it('puts the source into the template at every oldValue', () => {
    expect(run('Replace([n], "{name}", , , , , "Hello {name}, {name}!")', { n: 'Ann' })).toBe(
      'Hello Ann, Ann!',
    );
  });
  it('gives null for a null source', () => {
    expect(run('Replace([missing], "{n}", , , , , "x{n}")')).toBeNull();
  });
});

describe('Replace mode C (regexPattern + replacementValue)', () => {
  it('expands .NET substitutions', () => {
    expect(run('Replace("John Smith", , "(\\\\w+) (\\\\w+)", , "$2, $1", , )')).toBe('Smith, John');
    expect(run('Replace("abc", , "b", , "[$&]", , )')).toBe('a[b]c');
    expect(run('Replace("abc", , "b", , "<$`|$\'>", , )')).toBe('a<a|c>c');
    expect(run('Replace("abc", , "b", , "$$", , )')).toBe('a$c');
    expect(run('Replace("abc", , "(?<x>b)", , "${x}${x}", , )')).toBe('abbc');
    expect(run('Replace("abc", , "(b)", , "$_", , )')).toBe('aabcc');
  });
  it('keeps references to groups that do not exist as text', () => {
    expect(run('Replace("abc", , "(b)", , "$9", , )')).toBe('a$9c');
    expect(run('Replace("abc", , "(b)", , "${nope}", , )')).toBe('a${nope}c');
    expect(run('Replace("abc", , "(b)", , "$10", , )')).toBe('ab0c');
  });
  it('replaces empty matches like .NET', () => {
    expect(run('Replace("abc", , "x*", , "-", , )')).toBe('-a-b-c-');
  });
  it('honours a leading (?i)', () => {
    expect(run('Replace("ABC", , "(?i)b", , "x", , )')).toBe('AxC');
    expect(run('Replace("ABC", , "b", , "x", , )')).toBe('ABC');
  });
  it('keeps a single-backslash pattern (the backslash is kept, with a warning)', () => {
    expect(run('Replace("a1b22", , "\\d+", , "#", , )')).toBe('a#b#');
  });
  it('uses ECMAScript classes: \\d is ASCII only, . stops at line breaks', () => {
    expect(run('Replace([v], , "\\\\d", , "x", , )', { v: '1٣' })).toBe('x٣');
    expect(run('Replace([v], , "a.b", , "x", , )', { v: 'a\nb a-b' })).toBe('a\nb x');
    expect(run('Replace([v], , "\\\\s", , "_", , )', { v: 'a\u00a0b\u2003c d' })).toBe('a_b_c_d');
  });
  it('translates \\A and \\z / \\Z', () => {
    expect(run('Replace("aXa", , "\\\\Aa", , "_", , )')).toBe('_Xa');
    expect(run('Replace("aXa", , "a\\\\Z", , "_", , )')).toBe('aX_');
  });
  it('gives null for a null source', () => {
    expect(run('Replace([missing], , "a", , "b", , )')).toBeNull();
  });
  it('fails for a computed pattern that is not valid', () => {
    expect(() => run('Replace("abc", , [p], , "x", , )', { p: '(a' })).toThrow(ExpressionEvaluationError);
  });
});

describe('Replace mode D (regexPattern + regexGroupName + replacementValue)', () => {
  it('replaces only the named group in every match', () => {
    expect(run('Replace("user@contoso.com", , "@(?<d>.+)$", "d", "fabrikam.com", , )')).toBe(
      'user@fabrikam.com',
    );
    expect(run('Replace("a1 b2", , "[a-z](?<n>[0-9])", "n", "#", , )')).toBe('a# b#');
  });
  it('leaves a match unchanged when the group did not take part', () => {
    expect(run('Replace("ab", , "(?<x>z)?b", "x", "Q", , )')).toBe('ab');
  });
  it('uses the replacement literally', () => {
    expect(run('Replace("ab", , "(?<x>b)", "x", "$1", , )')).toBe('a$1');
  });
  it('rejects a group the pattern does not have', () => {
    const [problem] = errorsOf('Replace("ab", , "(?<x>b)", "y", "Q", , )');
    expect(problem?.code).toBe('invalidRegex');
    expect(problem?.message).toMatch(/no group named "y".*\bx\b/);
  });
});

describe('Replace mode E (regexPattern + regexGroupName + replacementAttributeName)', () => {
  const expr = 'Replace([tel], , "\\\\+(?<isd>\\\\d* )(?<num>\\\\d{10})", "num", , [mobile], )';
  it('returns a non-empty source unchanged, without applying the regex', () => {
    expect(run(expr, { tel: 'call me', mobile: '+91 8887779999' })).toBe('call me');
  });
  it('extracts the group from the fallback when the source is null or ""', () => {
    expect(run(expr, { mobile: '+91 8887779999' })).toBe('8887779999');
    expect(run(expr, { tel: '', mobile: '+91 8887779999' })).toBe('8887779999');
  });
  it('gives null when the fallback does not match', () => {
    expect(run(expr, { tel: '', mobile: 'none' })).toBeNull();
    expect(run(expr, { tel: '' })).toBeNull();
  });
});

describe('Replace argument combinations', () => {
  it.each([
    'Replace([x])',
    'Replace([x], "a")',
    'Replace([x], "a", "b", , "c", , )',
    'Replace([x], , "a", , , , )',
    'Replace([x], "a", , , "b", , "t")',
    'Replace([x], , "a", "g", , , )',
  ])('rejects %s', (expr) => {
    expect(errorsOf(expr).map((d) => d.code)).toContain('replaceMode');
  });
  it('requires the source', () => {
    expect(errorsOf('Replace(, "a", , , "b", , )')[0]?.code).toBe('emptyRequiredArgument');
  });
});

describe('regex patterns Roster rejects', () => {
  it.each([
    ['(?=a)', /lookahead/],
    ['(?<!a)b', /lookbehind/],
    ['(a)\\\\1', /backreference/],
    ['(?<n>a)\\\\k<n>', /named backreference/],
    ["(?'n'a)", /\(\?'name'…\)/],
    ['(?>a)', /atomic group/],
    ['a*+', /possessive/],
    ['(?#note)a', /comment/],
    ['(?(a)b|c)', /conditional/],
    ['a(?i)b', /inline option group/],
    ['(?i:a)', /inline option group/],
    ['\\\\p{IsGreek}', /Unicode block/],
    ['\\\\G', /\\G/],
    ['(a', /no matching "\)"/],
    ['a)', /unmatched "\)"/],
    ['*a', /nothing to repeat/],
    ['a{2,1}', /out of order/],
    ['a{1001}', /1000/],
    ['[z-a]', /out of order/],
    ['[a', /no closing "\]"/],
  ])('%s', (pattern, message) => {
    const [problem] = errorsOf(`Replace("x", , "${pattern}", , "y", , )`);
    expect(problem?.code).toBe('invalidRegex');
    expect(problem?.message).toMatch(message);
  });
});

describe('regex performance', () => {
  it('runs a pathological pattern on 100,000 characters in linear time', () => {
    const s = 'a'.repeat(100_000) + 'b';
    const started = performance.now();
    expect(run('Replace([s], , "(a+)+$", , "x", , )', { s })).toBe(s);
    expect(run('Replace([s], , "(a|aa)*c", , "x", , )', { s })).toBe(s);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
