import { describe, expect, it } from 'vitest';
import { BoundedJsonError, excerpt, parseBoundedJson } from '@shared/text/bounded-json';

function failure(text: string, limits = {}): BoundedJsonError {
  try {
    parseBoundedJson(text, 'job.json', limits);
  } catch (error) {
    if (error instanceof BoundedJsonError) return error;
    throw error;
  }
  throw new Error('expected a BoundedJsonError');
}

describe('parseBoundedJson', () => {
  it('reads JSON with a UTF-8 byte-order mark', () => {
    expect(parseBoundedJson('\ufeff{"a":1}', 'x')).toEqual({ a: 1 });
  });

  const refused: { what: string; text: string; message: RegExp; line: number }[] = [
    { what: 'empty text', text: '  \n', message: /^job\.json is empty, not JSON$/, line: 1 },
    {
      what: 'a syntax error, with a short excerpt',
      text: '{\n  "a": 1,\n  b: 2\n}',
      message: /^job\.json is not valid JSON: line 3, column 3, near ".*b: 2.*"$/,
      line: 3,
    },
    {
      what: 'text that ends too early',
      text: '{"format":"roster-job"',
      message: /the text ends too early/,
      line: 1,
    },
    {
      what: '10,000 levels of nesting (no RangeError)',
      text: '['.repeat(10_000) + ']'.repeat(10_000),
      message: /^job\.json: line 1, column 65: nested more than 64 levels deep$/,
      line: 1,
    },
    {
      what: 'a string over the limit',
      text: `{"a":"${'x'.repeat(2_000_000)}"}`,
      message: /^job\.json: line 1, column 6: a string is longer than 1048576 characters$/,
      line: 1,
    },
  ];

  it.each(refused)('refuses $what in one short sentence', ({ text, message, line }) => {
    const error = failure(text);
    expect(error.message).toMatch(message);
    expect(error.message.length).toBeLessThan(300);
    expect(error.line).toBe(line);
  });

  it('quotes at most a short excerpt of a long bad line', () => {
    const error = failure(`{"a": ${'x'.repeat(5_000_000)}}`);
    expect(error.message.length).toBeLessThan(200);
  });

  it('takes tighter limits when asked', () => {
    expect(failure('[[[1]]]', { maxDepth: 2 }).message).toContain('nested more than 2 levels deep');
    expect(failure('["abcdef"]', { maxStringLength: 3 }).message).toContain('longer than 3 characters');
  });

  it('excerpt keeps one line and marks a cut', () => {
    expect(excerpt('a\n\tb   c')).toBe('a b c');
    expect(excerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
