import { describe, expect, it } from 'vitest';
import { compileRegex } from '@shared/expressions/regex';
import { validateExpression } from '@shared/expressions';

function problemOf(pattern: string) {
  const compiled = compileRegex(pattern);
  if (compiled.ok) throw new Error(`${pattern} compiled`);
  return compiled;
}

describe('regex problems under codes', () => {
  it.each([
    ['a)', 'unmatchedClose', { position: '2' }],
    ['*a', 'nothingToRepeat', { token: '*', position: '1' }],
    ['a{3,1}', 'repeatOutOfOrder', { repetition: '{3,1}' }],
    ['a{2000}', 'repeatTooLarge', { repetition: '{2000}', limit: '1000' }],
    ['(a', 'unclosedGroup', {}],
    ['a(?=b)', 'lookahead', { construct: '(?=', position: '2' }],
    ['a(?<!b)', 'lookbehind', { construct: '(?<!', position: '2' }],
    ['(a)\\1', 'backreference', { construct: '\\1', position: '4' }],
    ['[z-a]', 'classRangeOrder', { position: '2' }],
    ['[a', 'unclosedClass', { position: '1' }],
    ['a\\', 'loneBackslash', {}],
  ])('gives %s the code %s with its parameters', (pattern, code, params) => {
    const compiled = problemOf(pattern);
    expect(compiled.problem).toEqual({ code, params });
  });

  it('keeps the English sentence the CLI and logs print', () => {
    expect(problemOf('*a').message).toBe(
      'The pattern contains "*" at position 1, which has nothing to repeat.',
    );
    expect(problemOf('\\p{IsGreek}').message).toContain('use a script such as \\p{Greek} instead');
  });

  it('gives an expression diagnostic the code, so the editor can translate it', () => {
    const [diagnostic] = validateExpression('Replace([a], , "(?>x)", , "y", , )');
    expect(diagnostic?.code).toBe('invalidRegex');
    expect(diagnostic?.detail).toEqual({ code: 'regex.atomicGroup', params: { position: '1' } });
    expect(diagnostic?.message).toBe(
      'Line 1, column 16: Replace: The pattern contains an atomic group "(?>" at position 1 (a .NET construct).',
    );
  });
});
