import { describe, expect, it } from 'vitest';
import { validateScopingFilters, type ScopingAttributeInfo } from '../../../../src-shared/scoping';

function problems(clauses: unknown[], attributes?: ScopingAttributeInfo[]) {
  return validateScopingFilters({ filters: [{ title: 'T', clauses }] }, attributes ? { attributes } : {});
}

const schema: ScopingAttributeInfo[] = [
  { name: 'department', type: 'String' },
  { name: 'employeeLevel', type: 'Integer' },
  { name: 'accountEnabled', type: 'Boolean' },
  { name: 'manager', type: 'Reference' },
  { name: 'hireDate', type: 'DateTime' },
  { name: 'proxyAddresses', type: 'String', multiValued: true },
];

describe('validateScopingFilters', () => {
  it('accepts the documented configuration', () => {
    const config = {
      filters: [
        {
          title: 'NY engineers',
          clauses: [
            { attribute: 'state', operator: 'EQUALS', value: 'New York' },
            { attribute: 'jobTitle', operator: 'IS NOT NULL' },
          ],
        },
      ],
    };
    expect(validateScopingFilters(config)).toEqual([]);
  });

  it('reports a bad shape with its path', () => {
    const [p] = validateScopingFilters({
      filters: [{ title: 'T', clauses: [{ attribute: 'a', operator: 5 }] }],
    });
    expect(p).toMatchObject({ code: 'invalidShape', path: 'filters[0].clauses[0].operator' });
    expect(validateScopingFilters(null)[0]?.code).toBe('invalidShape');
  });

  it('rejects a filter with no clauses', () => {
    const [p] = validateScopingFilters({ filters: [{ title: 'Empty', clauses: [] }] });
    expect(p).toMatchObject({ code: 'emptyFilter', path: 'filters[0].clauses' });
    expect(p?.message).toBe('Filter 1 "Empty" has no clauses; add a clause or delete the filter.');
  });

  it('names a misspelt operator and suggests the right one', () => {
    const [p] = problems([{ attribute: 'a', operator: 'EQUAL', value: 'x' }]);
    expect(p).toMatchObject({
      code: 'unknownOperator',
      path: 'filters[0].clauses[0].operator',
      filterIndex: 0,
      clauseIndex: 0,
    });
    expect(p?.message).toBe('Filter 1, clause 1: "EQUAL" is not an operator; did you mean "EQUALS"?');
    expect(problems([{ attribute: 'a', operator: 'greater_than', value: '1' }])[0]?.message).toMatch(
      /did you mean "Greater_Than"/,
    );
    expect(problems([{ attribute: 'a', operator: 'STARTS_WITH', value: '1' }])[0]?.message).toMatch(
      /use one of EQUALS/,
    );
  });

  it('requires a value for binary operators and none for unary ones', () => {
    expect(problems([{ attribute: 'a', operator: 'EQUALS' }])[0]?.code).toBe('missingValue');
    expect(problems([{ attribute: 'a', operator: 'ENDS_WITH', value: '' }])[0]?.code).toBe('missingValue');
    expect(problems([{ attribute: 'a', operator: 'IS NULL', value: 'x' }])[0]?.code).toBe('unexpectedValue');
  });

  it('requires an integer for numeric operators and a non-zero mask for bit tests', () => {
    const [p] = problems([{ attribute: 'a', operator: 'Greater_Than', value: '5.5' }]);
    expect(p?.code).toBe('notAnInteger');
    expect(p?.message).toMatch(/Greater_Than compares integers, but "5.5" is not one/);
    expect(problems([{ attribute: 'a', operator: '&', value: '0' }])[0]?.code).toBe('zeroMask');
    expect(problems([{ attribute: 'a', operator: '!&', value: ' 2' }])[0]?.code).toBe('notAnInteger');
    expect(problems([{ attribute: 'a', operator: 'Greater_Than_OR_EQUALS', value: '-3' }])).toEqual([]);
  });

  it('requires a pattern that compiles, naming the unsupported construct', () => {
    const [p] = problems([{ attribute: 'a', operator: 'REGEX MATCH', value: '(?<=@)contoso' }]);
    expect(p?.code).toBe('invalidRegex');
    expect(p?.message).toMatch(/lookbehind/);
    expect(problems([{ attribute: 'a', operator: 'NOT REGEX MATCH', value: '[a-' }])[0]?.code).toBe(
      'invalidRegex',
    );
    expect(problems([{ attribute: 'a', operator: 'REGEX MATCH', value: '.*\\@domain.com' }])).toEqual([]);
  });

  it('rejects attributes that can never be filtered', () => {
    expect(problems([{ attribute: 'members', operator: 'IS NOT NULL' }])[0]?.code).toBe(
      'unsupportedAttribute',
    );
    expect(problems([{ attribute: 'IsSoftDeleted', operator: 'IS TRUE' }])[0]?.message).toMatch(
      /derived from scope/,
    );
    expect(problems([{ attribute: 'appRoleAssignments', operator: 'IS NULL' }])[0]?.code).toBe(
      'unsupportedAttribute',
    );
  });

  it('checks attributes and operator types against the source schema', () => {
    expect(
      problems([{ attribute: 'departmnet', operator: 'EQUALS', value: 'x' }], schema)[0]?.message,
    ).toMatch(/no attribute "departmnet"; did you mean "department"\?/);
    expect(problems([{ attribute: 'Department', operator: 'EQUALS', value: 'x' }], schema)).toEqual([]);
    expect(problems([{ attribute: 'manager', operator: 'IS NULL' }], schema)[0]?.message).toMatch(
      /reference attributes/,
    );
    expect(problems([{ attribute: 'hireDate', operator: 'IS NULL' }], schema)[0]?.message).toMatch(
      /REGEX MATCH/,
    );
    expect(problems([{ attribute: 'proxyAddresses', operator: 'IS NULL' }], schema)[0]?.message).toMatch(
      /multi-valued/,
    );
    const [mismatch] = problems([{ attribute: 'accountEnabled', operator: 'EQUALS', value: 'x' }], schema);
    expect(mismatch?.code).toBe('operatorTypeMismatch');
    expect(mismatch?.message).toMatch(
      /EQUALS cannot be used on accountEnabled, a Boolean attribute; it works on String or Integer/,
    );
    expect(
      problems([{ attribute: 'employeeLevel', operator: 'ENDS_WITH', value: '1' }], schema)[0]?.code,
    ).toBe('operatorTypeMismatch');
    expect(problems([{ attribute: 'department', operator: 'IS TRUE' }], schema)[0]?.code).toBe(
      'operatorTypeMismatch',
    );
    expect(problems([{ attribute: 'employeeLevel', operator: 'Greater_Than', value: '3' }], schema)).toEqual(
      [],
    );
  });

  it('reports every problem, each with its own path', () => {
    const all = validateScopingFilters({
      filters: [
        { title: 'A', clauses: [{ attribute: '', operator: 'EQUALS', value: 'x' }] },
        {
          title: 'B',
          clauses: [
            { attribute: 'a', operator: 'Greater_Than', value: 'x' },
            { attribute: 'b', operator: 'NOPE' },
          ],
        },
      ],
    });
    expect(all.map((p) => p.path)).toEqual([
      'filters[0].clauses[0].attribute',
      'filters[1].clauses[0].value',
      'filters[1].clauses[1].operator',
    ]);
  });
});
