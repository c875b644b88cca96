import { describe, expect, it } from 'vitest';
import { createCellInterner } from '../../../../../src-main/connectors/csv/cell-interner';

describe('the CSV cell interner', () => {
  it('hands back equal values, per column, for strings and the strings of multi-valued cells', () => {
    const interner = createCellInterner(2);
    expect(interner.intern(0, 'Sales')).toBe('Sales');
    expect(interner.intern(0, `Sal${'es'}`)).toBe('Sales');
    expect(interner.intern(1, ['Team-0001', 'Team-0002'])).toEqual(['Team-0001', 'Team-0002']);
    expect(interner.intern(1, ['Team-0002'])).toEqual(['Team-0002']);
    for (const value of [null, 42, true, false, ''] as const) expect(interner.intern(0, value)).toBe(value);
  });

  it('passes long values and columns it was not made for through unchanged', () => {
    const interner = createCellInterner(1);
    const long = 'x'.repeat(200);
    expect(interner.intern(0, long)).toBe(long);
    expect(interner.intern(5, 'anything')).toBe('anything');
  });

  it('stays correct once a column of unique values has filled its table', () => {
    const interner = createCellInterner(1);
    for (let i = 0; i < 10_000; i++)
      expect(interner.intern(0, `user${i}@example.com`)).toBe(`user${i}@example.com`);
    expect(interner.intern(0, 'user3@example.com')).toBe('user3@example.com');
  });
});
