import { describe, expect, it } from 'vitest';
import { ExpressionEvaluationError } from '../../../../src-shared/expressions';
import { errorsOf, run } from './run';

const SPECIAL = '~!@#$%^&*_-+=`|\\(){}[]:;"\'<>,.?/';

function counts(s: string): { digits: number; special: number; capital: number; lower: number } {
  return {
    digits: [...s].filter((c) => /[0-9]/.test(c)).length,
    special: [...s].filter((c) => SPECIAL.includes(c)).length,
    capital: [...s].filter((c) => /[A-Z]/.test(c)).length,
    lower: [...s].filter((c) => /[a-z]/.test(c)).length,
  };
}

describe('Guid', () => {
  it('gives lower-case version 4 UUIDs, new on every call', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const g = run('Guid()') as string;
      expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(g);
    }
    expect(seen.size).toBe(500);
  });
  it('uses the injected random source', () => {
    expect(run('Guid()', {}, { randomBytes: (n) => new Uint8Array(n) })).toBe(
      '00000000-0000-4000-8000-000000000000',
    );
  });
  it('takes no arguments', () => {
    expect(errorsOf('Guid("x")')[0]?.code).toBe('argumentCount');
  });
});

describe('RandomString', () => {
  it('meets the length and every class minimum', () => {
    for (let i = 0; i < 200; i++) {
      const s = run('RandomString(12, 2, 3, 1, 4)') as string;
      expect(s).toHaveLength(12);
      const c = counts(s);
      expect(c.digits).toBeGreaterThanOrEqual(2);
      expect(c.special).toBeGreaterThanOrEqual(3);
      expect(c.capital).toBeGreaterThanOrEqual(1);
      expect(c.lower).toBeGreaterThanOrEqual(4);
      expect(c.digits + c.special + c.capital + c.lower).toBe(12);
    }
  });
  it('never uses the characters to avoid', () => {
    for (let i = 0; i < 200; i++) {
      const s = run('RandomString(30, 5, 5, 5, 5, "0Oo1lI|\\"")') as string;
      expect(s).not.toMatch(/[0Oo1lI|"]/);
    }
  });
  it('differs between calls', () => {
    const values = new Set(Array.from({ length: 50 }, () => run('RandomString(16, 0, 0, 0, 0)')));
    expect(values.size).toBe(50);
  });
  it('draws the remaining positions from every class', () => {
    const all = Array.from({ length: 100 }, () => run('RandomString(20, 0, 0, 0, 0)') as string).join('');
    const c = counts(all);
    expect(Math.min(c.digits, c.special, c.capital, c.lower)).toBeGreaterThan(0);
  });
  it('rejects literal values it can never satisfy when the mapping is saved', () => {
    expect(errorsOf('RandomString(3, 2, 2, 0, 0)')[0]?.code).toBe('invalidLiteralArgument');
    expect(errorsOf('RandomString(0, 0, 0, 0, 0)')[0]?.code).toBe('invalidLiteralArgument');
    expect(errorsOf('RandomString(257, 0, 0, 0, 0)')[0]?.code).toBe('invalidLiteralArgument');
    expect(errorsOf('RandomString(5, -1, 0, 0, 0)')[0]?.code).toBe('invalidLiteralArgument');
  });
  it('fails at evaluation for computed values out of range and emptied classes', () => {
    expect(() => run('RandomString([n], 0, 0, 0, 0)', { n: 300 })).toThrow(/between 1 and 256/);
    expect(() => run('RandomString(5, 1, 0, 0, 0, "0123456789")')).toThrow(/removes every one of the digits/);
    expect(() => run('RandomString(5, 1, 0, 0, 0, [a])', { a: '0123456789' })).toThrow(
      ExpressionEvaluationError,
    );
  });
});
