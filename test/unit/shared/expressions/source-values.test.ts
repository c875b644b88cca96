import { describe, expect, it } from 'vitest';
import {
  evaluateExpressionSync,
  ExpressionEvaluationError,
  toJsonResult,
} from '../../../../src-shared/expressions';
import { run } from './run';

describe('source values (expressions.md §3.1, §9)', () => {
  it('reads JSON integers as 64-bit Integers and booleans as "True"/"False"', () => {
    expect(run('BitAnd([n], 255)', { n: 514 })).toBe('2');
    expect(run('[b]', { b: true })).toBe('True');
    expect(run('[b]', { b: false })).toBe('False');
  });
  it('reads bigint values exactly, beyond what a JS number can hold', () => {
    expect(run('[n]', { n: 129699324000000001n })).toBe('129699324000000001');
  });
  it('carries a decimal number as its text', () => {
    expect(run('[n]', { n: 1.5 })).toBe('1.5');
  });
  it('reads a Date as a DateTime', () => {
    expect(run('[d]', { d: new Date(Date.UTC(2021, 0, 2, 3, 4, 5)) })).toBe('1/2/2021 3:04:05 AM');
  });
  it('reads arrays as multi-valued values, dropping null entries, and an empty array as null', () => {
    expect(run('[m]', { m: ['a', null, 2] })).toEqual(['a', '2']);
    expect(run('[m]', { m: [] })).toBeNull();
    expect(run('IsNull([m])', { m: [null] })).toBe('True');
  });
  it('fails, naming the attribute, for values it cannot read', () => {
    expect(() => run('[o]', { o: { a: 1 } })).toThrow(
      /\[o\] holds a value of an unsupported type \(object\)/,
    );
    expect(() => run('[o]', { o: Number.NaN })).toThrow(ExpressionEvaluationError);
    expect(() => run('[o]', { o: [{}] })).toThrow(/list entry/);
  });
  it('resolves attribute names ignoring case, preferring an exact match', () => {
    expect(run('[SurName]', { surname: 'Doe' })).toBe('Doe');
    expect(run('[Mail]', { mail: 'a', Mail: 'b' })).toBe('b');
  });
  it('prints integers and dates as their string forms', () => {
    expect(toJsonResult(evaluateExpressionSync('Count([m])', { source: { m: ['a'] } }))).toBe('1');
    expect(toJsonResult(evaluateExpressionSync('CDate("2021-01-01")', { source: {} }))).toBe(
      '1/1/2021 12:00:00 AM',
    );
  });
});
