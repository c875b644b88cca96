import { describe, expect, it } from 'vitest';
import {
  evaluateClause,
  isInScope,
  SCOPING_OPERATORS,
  type ScopingClause,
  type ScopingOperator,
} from '../../../../src-shared/scoping';

function clause(operator: ScopingOperator, value?: string): ScopingClause {
  return value === undefined ? { attribute: 'x', operator } : { attribute: 'x', operator, value };
}

function test(operator: ScopingOperator, value: string | undefined, actual: unknown): boolean {
  return evaluateClause(clause(operator, value), actual).result;
}

const SAMPLE_VALUE: Record<ScopingOperator, string | undefined> = {
  EQUALS: 'a',
  'NOT EQUALS': 'a',
  ENDS_WITH: 'a',
  Includes: 'a',
  'REGEX MATCH': '.*',
  'NOT REGEX MATCH': 'zzz',
  Greater_Than: '-100',
  Greater_Than_OR_EQUALS: '-100',
  '&': '1',
  '!&': '1',
  'IS TRUE': undefined,
  'IS FALSE': undefined,
  'IS NULL': undefined,
  'IS NOT NULL': undefined,
};

describe('the null rule (scoping-filters.md §2)', () => {
  it.each(SCOPING_OPERATORS.map((op) => [op] as const))('%s on an empty attribute', (op) => {
    for (const empty of [undefined, null, '', []]) {
      expect(test(op, SAMPLE_VALUE[op], empty)).toBe(op === 'IS NULL');
    }
  });
  it('does not count a whitespace-only string as empty', () => {
    expect(test('IS NULL', undefined, ' ')).toBe(false);
    expect(test('IS NOT NULL', undefined, ' ')).toBe(true);
  });
});

describe('operators (scoping-filters.md §3)', () => {
  it('EQUALS and NOT EQUALS compare exactly and case-sensitively', () => {
    expect(test('EQUALS', 'Sales', 'Sales')).toBe(true);
    expect(test('EQUALS', 'sales', 'Sales')).toBe(false);
    expect(test('EQUALS', 'Sales', 'Sales ')).toBe(false);
    expect(test('NOT EQUALS', 'sales', 'Sales')).toBe(true);
    expect(test('NOT EQUALS', 'Sales', 'Sales')).toBe(false);
  });
  it('EQUALS compares an Integer attribute numerically', () => {
    expect(test('EQUALS', '007', 7)).toBe(true);
    expect(test('EQUALS', '7', 7)).toBe(true);
    expect(test('EQUALS', 'seven', 7)).toBe(false);
    expect(test('NOT EQUALS', '8', 7)).toBe(true);
    expect(test('EQUALS', '007', '7')).toBe(false);
  });
  it('ENDS_WITH and Includes are ordinal and case-sensitive', () => {
    expect(test('ENDS_WITH', '@contoso.com', 'ann@contoso.com')).toBe(true);
    expect(test('ENDS_WITH', '@contoso.com', 'ann@Contoso.com')).toBe(false);
    expect(test('Includes', 'Admin', 'Eng Admins')).toBe(true);
    expect(test('Includes', 'admin', 'Eng Admins')).toBe(false);
  });
  it('REGEX MATCH searches (unanchored), and NOT REGEX MATCH negates', () => {
    expect(test('REGEX MATCH', '([1-9][0-9])', '150')).toBe(true);
    expect(test('REGEX MATCH', '^([1-9][0-9])$', '150')).toBe(false);
    expect(test('REGEX MATCH', '@domain\\.com$', 'jdoe@domain.com')).toBe(true);
    expect(test('REGEX MATCH', 'abc', 'ABC')).toBe(false);
    expect(test('REGEX MATCH', '(?i)abc', 'ABC')).toBe(true);
    expect(test('NOT REGEX MATCH', 'abc', 'xyz')).toBe(true);
    expect(test('NOT REGEX MATCH', 'y', 'xyz')).toBe(false);
  });
  it('REGEX MATCH reads an Integer attribute as its decimal text', () => {
    expect(test('REGEX MATCH', '^5[0-9]{2}$', 514)).toBe(true);
  });
  it('REGEX MATCH runs in linear time on a pathological pattern', () => {
    const started = performance.now();
    expect(test('REGEX MATCH', '(a+)+$', 'a'.repeat(100_000) + 'b')).toBe(false);
    expect(test('REGEX MATCH', '(a+)+b$', 'a'.repeat(100_000) + 'b')).toBe(true);
    expect(test('REGEX MATCH', '^(a+)+$', 'a'.repeat(100_000) + 'b')).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
  it('Greater_Than and Greater_Than_OR_EQUALS compare 64-bit integers, never text', () => {
    expect(test('Greater_Than', '9', '10')).toBe(true);
    expect(test('Greater_Than', '10', '10')).toBe(false);
    expect(test('Greater_Than_OR_EQUALS', '10', 10)).toBe(true);
    expect(test('Greater_Than', '-1', '-2')).toBe(false);
    expect(test('Greater_Than', '9223372036854775806', '9223372036854775807')).toBe(true);
  });
  it('numeric operators are false, with a warning, for a non-integer attribute', () => {
    const r = evaluateClause(clause('Greater_Than', '5'), 'five');
    expect(r.result).toBe(false);
    expect(r.warning).toMatch(/"five" is not an integer/);
    expect(test('Greater_Than', '5', ' 10')).toBe(false);
    expect(test('&', '2', 'x')).toBe(false);
    expect(test('!&', '2', 'x')).toBe(false);
  });
  it('& is true when every bit of the value is set; !& when at least one is clear', () => {
    expect(test('&', '2', 514)).toBe(true);
    expect(test('&', '2', 512)).toBe(false);
    expect(test('&', '3', 514)).toBe(false);
    expect(test('!&', '3', 514)).toBe(true);
    expect(test('!&', '2', '512')).toBe(true);
    expect(test('!&', '2', 514)).toBe(false);
  });
  it('IS TRUE and IS FALSE read booleans (and "True"/"False" text)', () => {
    expect(test('IS TRUE', undefined, true)).toBe(true);
    expect(test('IS TRUE', undefined, false)).toBe(false);
    expect(test('IS FALSE', undefined, false)).toBe(true);
    expect(test('IS FALSE', undefined, 'False')).toBe(true);
    expect(test('IS TRUE', undefined, 'yes')).toBe(false);
  });
  it('IS NULL and IS NOT NULL', () => {
    expect(test('IS NULL', undefined, 'x')).toBe(false);
    expect(test('IS NOT NULL', undefined, 0)).toBe(true);
    expect(test('IS NOT NULL', undefined, false)).toBe(true);
  });
  it('finds the attribute ignoring case', () => {
    expect(
      isInScope([{ title: '', clauses: [{ attribute: 'Department', operator: 'EQUALS', value: 'x' }] }], {
        department: 'x',
      }),
    ).toBe(true);
  });
});

describe('AND within a filter, OR across filters (scoping-filters.md §1)', () => {
  const engineers = {
    title: 'engineers',
    clauses: [
      { attribute: 'department', operator: 'EQUALS', value: 'Engineering' },
      { attribute: 'accountEnabled', operator: 'IS TRUE' },
    ],
  };
  const newYork = { title: 'NY', clauses: [{ attribute: 'state', operator: 'EQUALS', value: 'New York' }] };

  it('passes a filter only when every clause is true', () => {
    expect(isInScope([engineers], { department: 'Engineering', accountEnabled: true })).toBe(true);
    expect(isInScope([engineers], { department: 'Engineering', accountEnabled: false })).toBe(false);
  });
  it('passes the object when any filter passes', () => {
    expect(isInScope([engineers, newYork], { state: 'New York' })).toBe(true);
    expect(isInScope([engineers, newYork], { state: 'Ohio' })).toBe(false);
  });
  it('lets every object through when there are no filters', () => {
    expect(isInScope([], {})).toBe(true);
  });
  it('never passes a filter with no clauses', () => {
    expect(isInScope([{ title: 'empty', clauses: [] }], {})).toBe(false);
  });
  it('includes objects that lack an attribute only through an IS NULL filter', () => {
    const notSales = {
      title: '',
      clauses: [{ attribute: 'department', operator: 'NOT EQUALS', value: 'Sales' }],
    };
    const noDepartment = { title: '', clauses: [{ attribute: 'department', operator: 'IS NULL' }] };
    expect(isInScope([notSales], {})).toBe(false);
    expect(isInScope([notSales, noDepartment], {})).toBe(true);
  });
});
