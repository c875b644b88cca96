import { describe, expect, it } from 'vitest';
import { ExpressionEvaluationError } from '../../../../src-shared/expressions';
import { errorsOf, run } from './run';

const proxies = { proxyAddresses: ['SMTP:a@x.com', 'smtp:b@x.com', 'smtp:c@x.com'] };

describe('Count', () => {
  it('counts values: 0 for null or an empty list, 1 for a single value', () => {
    expect(run('Count([proxyAddresses])', proxies)).toBe('3');
    expect(run('Count([missing])')).toBe('0');
    expect(run('Count([l])', { l: [] })).toBe('0');
    expect(run('Count("a")')).toBe('1');
    expect(run('Count("")')).toBe('1');
  });
  it('counts what Split produces', () => {
    expect(run('Count(Split("a,b,c", ","))')).toBe('3');
  });
});

describe('Item', () => {
  it('is 1-based', () => {
    expect(run('Item([proxyAddresses], 2)', proxies)).toBe('smtp:b@x.com');
  });
  it('gives null outside 1…count', () => {
    expect(run('Item([proxyAddresses], 0)', proxies)).toBeNull();
    expect(run('Item([proxyAddresses], 4)', proxies)).toBeNull();
    expect(run('Item([proxyAddresses], -1)', proxies)).toBeNull();
  });
  it('treats a single value as a list of one and null as null', () => {
    expect(run('Item("only", 1)')).toBe('only');
    expect(run('Item([missing], 1)')).toBeNull();
  });
  it('keeps the kind of the item', () => {
    expect(run('Item([ints], 2)', { ints: [10, 20] })).toBe('20');
  });
});

describe('Join', () => {
  it('flattens multi-valued sources and skips null, "" and empty elements', () => {
    expect(run('Join(",", [m], [missing], "", "z")', { m: ['a', '', 'b'] })).toBe('a,b,z');
  });
  it('joins numbers as decimal text', () => {
    expect(run('Join("", 1000, 2)')).toBe('10002');
  });
  it('gives null when nothing is left (Roster decision)', () => {
    expect(run('Join(",", [missing], "")')).toBeNull();
  });
  it('allows an empty separator', () => {
    expect(run('Join("", "a", "b")')).toBe('ab');
  });
  it('gives null for a null separator', () => {
    expect(run('Join([sep], "a")')).toBeNull();
  });
  it('needs at least one source', () => {
    expect(errorsOf('Join(",")')[0]?.code).toBe('argumentCount');
  });
});

describe('Split', () => {
  it('splits literally, trims pieces and drops empty ones', () => {
    expect(run('Split("a, b,,c ", ",")')).toEqual(['a', 'b', 'c']);
    expect(run('Split("a||b", "||")')).toEqual(['a', 'b']);
    expect(run('Split("a.b", ".")')).toEqual(['a', 'b']);
  });
  it('gives null when no pieces remain', () => {
    expect(run('Split(" , ", ",")')).toBeNull();
    expect(run('Split("", ",")')).toBeNull();
  });
  it('rejects an empty delimiter', () => {
    expect(errorsOf('Split("abc", "")')[0]?.code).toBe('invalidLiteralArgument');
    expect(() => run('Split("abc", [d])', { d: '' })).toThrow(/delimiter must not be empty/);
  });
  it('gives null for null', () => {
    expect(run('Split([missing], ",")')).toBeNull();
  });
});

describe('RemoveDuplicates', () => {
  it('keeps the first occurrence, in order, comparing case-sensitively', () => {
    expect(run('RemoveDuplicates([m])', { m: ['A', 'a', 'A', 'b', 'a'] })).toEqual(['A', 'a', 'b']);
  });
  it('treats a single value as a list of one', () => {
    expect(run('RemoveDuplicates("x")')).toEqual(['x']);
  });
  it('compares integers by their string form', () => {
    expect(run('RemoveDuplicates([m])', { m: [1, 2, 1] })).toEqual(['1', '2']);
  });
  it('gives null for null', () => {
    expect(run('RemoveDuplicates([missing])')).toBeNull();
  });
});

describe('multi-valued values where one value is required', () => {
  it.each(['ToLower([m])', 'Left([m], 1)', 'Not([m])', 'CDate([m])', 'Split([m], ",")', 'Mid([m], 1, 1)'])(
    '%s fails',
    (expr) => {
      expect(() => run(expr, { m: ['a', 'b'] })).toThrow(ExpressionEvaluationError);
    },
  );
  it('a one-element list is still multi-valued and must be reduced', () => {
    expect(() => run('ToLower([m])', { m: ['A'] })).toThrow(/Item\(\[x\], n\)/);
    expect(run('ToLower(Item([m], 1))', { m: ['A'] })).toBe('a');
    expect(run('ToLower(Join(",", [m]))', { m: ['A', 'B'] })).toBe('a,b');
  });
  it('names the function, argument and position in the error', () => {
    try {
      run('Append("x",\n  [m])', { m: ['a', 'b'] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionEvaluationError);
      const err = e as ExpressionEvaluationError;
      expect(err.line).toBe(2);
      expect(err.column).toBe(3);
      expect(err.functionName).toBe('Append');
      expect(err.code).toBe('ExpressionEvaluationFailed');
      expect(err.message).toMatch(/^Line 2, column 3: Append argument 2 \(suffix\)/);
    }
  });
});
