import { describe, expect, it } from 'vitest';
import { validateFilterList, type ScopingFilter } from '@shared/scoping';
import type { SourceSchemaAttribute } from '@shared/domain/schema';
import {
  addClause,
  addGroup,
  fromFilters,
  removeClause,
  removeGroup,
  setAttribute,
  setOperator,
  toFilters,
  type ClauseDraft,
} from '../../../src-renderer/views/jobs/parts/scoping-editor/filter-model';
import {
  clauseProblems,
  editorProblems,
} from '../../../src-renderer/views/jobs/parts/scoping-editor/clause-validation';
import {
  operatorsFor,
  valueKindOf,
} from '../../../src-renderer/views/jobs/parts/scoping-editor/operator-metadata';

const stored: ScopingFilter[] = [
  {
    title: 'Sales staff',
    clauses: [
      { attribute: 'department', operator: 'EQUALS', value: 'Sales' },
      { attribute: 'employeeId', operator: 'IS NOT NULL' },
    ],
  },
  { title: '', clauses: [{ attribute: 'userAccountControl', operator: '!&', value: '2' }] },
];

const schema: SourceSchemaAttribute[] = [
  { objectType: 'User', name: 'department', type: 'String', multiValued: false },
  { objectType: 'User', name: 'employeeId', type: 'String', multiValued: false },
  { objectType: 'User', name: 'userAccountControl', type: 'Integer', multiValued: false },
  { objectType: 'User', name: 'isContractor', type: 'Boolean', multiValued: false },
  { objectType: 'User', name: 'manager', type: 'Reference', multiValued: false, referencedObject: 'User' },
  { objectType: 'User', name: 'proxyAddresses', type: 'String', multiValued: true },
  { objectType: 'User', name: 'hireDate', type: 'DateTime', multiValued: false },
];

function clause(attribute: string, operator: string, value = ''): ClauseDraft {
  return { id: 1, attribute, operator, value };
}

describe('scoping filter groups', () => {
  it('round-trips the stored filters exactly: ANDed clauses in groups, groups ORed', () => {
    const groups = fromFilters(stored);
    expect(groups).toHaveLength(2);
    expect(groups[0]?.clauses).toHaveLength(2);
    expect(toFilters(groups)).toEqual(stored);
  });

  it('adds an empty clause to one group and a new group at the end', () => {
    const groups = fromFilters(stored);
    const withClause = addClause(groups, groups[1]!.id);
    expect(withClause[1]?.clauses.map((c) => c.operator)).toEqual(['!&', 'EQUALS']);
    expect(withClause[0]?.clauses).toHaveLength(2);
    const withGroup = addGroup(withClause);
    expect(toFilters(withGroup)[2]).toEqual({
      title: '',
      clauses: [{ attribute: '', operator: 'EQUALS', value: '' }],
    });
  });

  it('removes a clause, and the group with its last clause', () => {
    const groups = fromFilters(stored);
    const first = groups[0]!;
    const fewer = removeClause(groups, first.id, first.clauses[0]!.id);
    expect(toFilters(fewer)[0]?.clauses).toEqual([{ attribute: 'employeeId', operator: 'IS NOT NULL' }]);
    const second = groups[1]!;
    const noSecond = removeClause(groups, second.id, second.clauses[0]!.id);
    expect(noSecond).toHaveLength(1);
    expect(removeGroup(groups, first.id).map((g) => g.id)).toEqual([second.id]);
  });

  it('writes no value for operators that take none, and keeps an empty one for those that need it', () => {
    const groups = fromFilters([
      {
        title: '',
        clauses: [
          { attribute: 'a', operator: 'IS NULL' },
          { attribute: 'b', operator: 'EQUALS' },
        ],
      },
    ]);
    expect(toFilters(groups)[0]?.clauses).toEqual([
      { attribute: 'a', operator: 'IS NULL' },
      { attribute: 'b', operator: 'EQUALS', value: '' },
    ]);
  });
});

describe('switching operators', () => {
  it('keeps a value that still fits the new operator', () => {
    expect(setOperator(clause('d', 'EQUALS', 'Sales'), 'NOT EQUALS').value).toBe('Sales');
    expect(setOperator(clause('n', 'EQUALS', '5'), 'Greater_Than').value).toBe('5');
    expect(setOperator(clause('n', 'Greater_Than', '2'), '&').value).toBe('2');
    expect(setOperator(clause('d', 'EQUALS', 'Sales'), 'REGEX MATCH').value).toBe('Sales');
  });

  it('clears a value that does not fit', () => {
    expect(setOperator(clause('d', 'EQUALS', 'Sales'), 'Greater_Than').value).toBe('');
    expect(setOperator(clause('n', 'EQUALS', '0'), '&').value).toBe('');
    expect(setOperator(clause('d', 'EQUALS', 'a(b'), 'REGEX MATCH').value).toBe('');
  });

  it('puts the value aside for a valueless operator and gives it back after', () => {
    const empty = setOperator(clause('d', 'REGEX MATCH', '^HR-'), 'IS NULL');
    expect(empty.value).toBe('');
    expect(toFilters([{ id: 1, title: '', clauses: [empty] }])[0]?.clauses[0]).toEqual({
      attribute: 'd',
      operator: 'IS NULL',
    });
    expect(setOperator(empty, 'NOT REGEX MATCH').value).toBe('^HR-');
    expect(setOperator(setOperator(empty, 'IS NOT NULL'), 'REGEX MATCH').value).toBe('^HR-');
  });

  it('moves to an operator the new attribute type allows, keeping what fits', () => {
    expect(setAttribute(clause('department', 'ENDS_WITH', 'es'), 'isContractor', 'Boolean')).toMatchObject({
      attribute: 'isContractor',
      operator: 'IS TRUE',
      value: '',
    });
    expect(setAttribute(clause('department', 'EQUALS', '7'), 'userAccountControl', 'Integer')).toMatchObject({
      operator: 'EQUALS',
      value: '7',
    });
  });

  it('offers the operators of the attribute type, all of them for an unknown attribute', () => {
    expect(operatorsFor('Boolean')).toEqual(['IS TRUE', 'IS FALSE', 'IS NULL', 'IS NOT NULL']);
    expect(operatorsFor('String')).not.toContain('IS TRUE');
    expect(operatorsFor(undefined)).toHaveLength(14);
    expect(operatorsFor('DateTime')).toEqual([]);
    expect(valueKindOf('&')).toBe('bitmask');
    expect(valueKindOf('IS NULL')).toBe('none');
  });
});

describe('clause validation', () => {
  it('checks values per operator', () => {
    expect(clauseProblems(clause('n', 'Greater_Than', '1.5'), schema)).toEqual([
      { field: 'attribute', code: 'unknownAttribute', params: { attribute: 'n', guess: '' } },
      { field: 'value', code: 'notAnInteger', params: { value: '1.5' } },
    ]);
    expect(clauseProblems(clause('userAccountControl', '&', '0'), schema)).toEqual([
      { field: 'value', code: 'zeroMask', params: {} },
    ]);
    const regex = clauseProblems(clause('department', 'REGEX MATCH', '(Sales'), schema);
    expect(regex).toHaveLength(1);
    expect(regex[0]).toMatchObject({ field: 'value', code: 'invalidRegex' });
    expect(regex[0]?.params).toEqual({ regexCode: 'unclosedGroup' });
    expect(clauseProblems(clause('department', 'EQUALS'), schema)).toEqual([
      { field: 'value', code: 'missingValue', params: {} },
    ]);
    expect(clauseProblems(clause('department', 'IS NULL', 'x'), schema)).toEqual([
      { field: 'value', code: 'unexpectedValue', params: { value: 'x' } },
    ]);
    expect(clauseProblems(clause('department', 'EQUALS', 'Sales'), schema)).toEqual([]);
  });

  it('names the attribute the admin probably meant, and the attributes that cannot be filtered', () => {
    expect(clauseProblems(clause('departmnt', 'EQUALS', 'x'), schema)[0]).toEqual({
      field: 'attribute',
      code: 'unknownAttribute',
      params: { attribute: 'departmnt', guess: 'department' },
    });
    expect(clauseProblems(clause('manager', 'IS NOT NULL'), schema)[0]?.code).toBe('unfilterableType');
    expect(clauseProblems(clause('hireDate', 'IS NOT NULL'), schema)[0]?.code).toBe('unfilterableType');
    expect(clauseProblems(clause('proxyAddresses', 'IS NOT NULL'), schema)[0]?.code).toBe('multiValued');
    expect(clauseProblems(clause('members', 'IS NOT NULL'), schema)[0]?.code).toBe('neverFiltered');
    expect(clauseProblems(clause('isContractor', 'EQUALS', 'true'), schema)[0]).toMatchObject({
      field: 'operator',
      code: 'operatorTypeMismatch',
    });
    expect(clauseProblems(clause('department', 'EQUAL', 'x'), schema)[0]).toEqual({
      field: 'operator',
      code: 'unknownOperator',
      params: { operator: 'EQUAL', guess: 'EQUALS' },
    });
  });

  it('finds a problem wherever the shared save-time validation finds one, at the same path', () => {
    const bad: ScopingFilter[] = [
      {
        title: '',
        clauses: [
          { attribute: '', operator: 'EQUALS', value: 'x' },
          { attribute: 'departmnt', operator: 'EQUALS', value: 'x' },
          { attribute: 'manager', operator: 'IS NOT NULL' },
          { attribute: 'proxyAddresses', operator: 'IS NOT NULL' },
          { attribute: 'isContractor', operator: 'Includes', value: 'x' },
          { attribute: 'department', operator: 'EQUALZ', value: 'x' },
        ],
      },
      {
        title: '',
        clauses: [
          { attribute: 'userAccountControl', operator: 'Greater_Than', value: 'ten' },
          { attribute: 'userAccountControl', operator: '&', value: '0' },
          { attribute: 'department', operator: 'REGEX MATCH', value: '[' },
          { attribute: 'department', operator: 'IS NULL', value: 'x' },
          { attribute: 'department', operator: 'EQUALS', value: '' },
          { attribute: 'IsSoftDeleted', operator: 'IS TRUE' },
        ],
      },
    ];
    const shared = validateFilterList(bad, { attributes: schema })
      .map((p) => p.path)
      .sort();
    const mine = editorProblems(fromFilters(bad), schema)
      .map((p) => p.path)
      .sort();
    expect(mine).toEqual(shared);
  });
});
