import { describe, expect, it } from 'vitest';
import { explainScoping } from '../../../../src-shared/scoping';

const filters = [
  {
    title: 'Engineering admins',
    clauses: [
      { attribute: 'department', operator: 'EQUALS', value: 'Engineering' },
      { attribute: 'displayName', operator: 'Includes', value: 'Admin' },
    ],
  },
  { title: 'New York', clauses: [{ attribute: 'state', operator: 'EQUALS', value: 'New York' }] },
];

describe('explainScoping', () => {
  it('names the filter and clauses that let an object in', () => {
    const e = explainScoping(filters, { department: 'Engineering', displayName: 'Eng Admins' });
    expect(e.inScope).toBe(true);
    expect(e.passingFilter?.title).toBe('Engineering admins');
    expect(e.decidingClauses.map((c) => [c.attribute, c.operator, c.value, c.actual, c.result])).toEqual([
      ['department', 'EQUALS', 'Engineering', 'Engineering', true],
      ['displayName', 'Includes', 'Admin', 'Eng Admins', true],
    ]);
    expect(e.summary).toBe(
      'In scope: filter 1 "Engineering admins" passed because department EQUALS "Engineering" is true (actual value: "Engineering"), and displayName Includes "Admin" is true (actual value: "Eng Admins").',
    );
  });

  it('names the first failing clause of every filter when an object is out', () => {
    const e = explainScoping(filters, { department: 'Sales', displayName: 'Admin', state: 'Ohio' });
    expect(e.inScope).toBe(false);
    expect(e.decidingClauses.map((c) => [c.filterIndex, c.clauseIndex, c.attribute, c.actual])).toEqual([
      [0, 0, 'department', 'Sales'],
      [1, 0, 'state', 'Ohio'],
    ]);
    expect(e.summary).toMatch(
      /^Out of scope: filter 1 "Engineering admins" failed because department EQUALS "Engineering" is false/,
    );
    expect(e.summary).toMatch(
      /filter 2 "New York" failed because state EQUALS "New York" is false \(actual value: "Ohio"\)\.$/,
    );
  });

  it('says when the attribute was empty', () => {
    const e = explainScoping(
      [{ title: '', clauses: [{ attribute: 'jobTitle', operator: 'NOT EQUALS', value: 'x' }] }],
      {},
    );
    expect(e.decidingClauses[0]).toMatchObject({
      actual: undefined,
      result: false,
      reason: 'the attribute is empty',
    });
    expect(e.summary).toBe(
      'Out of scope: filter 1 failed because jobTitle NOT EQUALS "x" is false (actual value: absent; the attribute is empty).',
    );
  });

  it('collects warnings for the scoping step', () => {
    const e = explainScoping(
      [{ title: '', clauses: [{ attribute: 'level', operator: 'Greater_Than', value: '3' }] }],
      { level: 'high' },
    );
    expect(e.warnings).toHaveLength(1);
    expect(e.decidingClauses[0]?.reason).toBe('the attribute is not an integer');
  });

  it('explains the no-filter case', () => {
    expect(explainScoping([], {})).toMatchObject({
      inScope: true,
      decidingClauses: [],
      summary: 'In scope: there are no scoping filters.',
    });
  });

  it('shows integers exactly', () => {
    const e = explainScoping([{ title: '', clauses: [{ attribute: 'uac', operator: '&', value: '2' }] }], {
      uac: 514n,
    });
    expect(e.summary).toMatch(/actual value: 514\)/);
  });
});
