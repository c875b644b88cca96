import { describe, expect, it } from 'vitest';
import { objectMappingSchema } from '@shared/domain/jobs';
import type { SourceObject } from '../../../../src-main/connectors/connector';
import { scopeObject } from '../../../../src-main/engine/scope';

const users = objectMappingSchema.parse({
  name: 'Users',
  sourceObject: 'User',
  targetObject: 'User',
  attributeMappings: [],
  scope: {
    filters: [
      { title: 'Sales only', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] },
      { clauses: [{ attribute: 'jobTitle', operator: 'EQUALS', value: 'Director' }] },
    ],
  },
});

function engineer(): SourceObject {
  return {
    type: 'User',
    anchor: 'E1',
    displayName: 'Ann Lee',
    attributes: { department: 'Engineering', jobTitle: 'Developer' },
    hash: 'h',
    disabled: false,
    softDeleted: false,
  };
}

describe('the scope verdict of an object the scoping filters leave out', () => {
  it('keeps the English sentence and names each failing filter and clause under its code', () => {
    const verdict = scopeObject(engineer(), users, { scope: 'all' }, new Set());
    expect(verdict).toMatchObject({ inScope: false, reason: 'filteredOut' });
    expect(verdict.detail).toBe(
      'Out of scope: filter 1 "Sales only" failed because department EQUALS "Sales" is false (actual value: "Engineering"); ' +
        'filter 2 failed because jobTitle EQUALS "Director" is false (actual value: "Developer").',
    );
    expect(verdict.message?.code).toBe('scopeFilteredOut');
    expect(verdict.message?.text).toBe(verdict.detail);
    expect(verdict.message?.params).toEqual({
      clauses:
        '#1 "Sales only": department EQUALS "Sales" → false ("Engineering"); ' +
        '#2: jobTitle EQUALS "Director" → false ("Developer")',
    });
  });

  it('lists the clauses that let an object in without filter names, as before', () => {
    const verdict = scopeObject(
      { ...engineer(), attributes: { department: 'Sales' } },
      users,
      { scope: 'all' },
      new Set(),
    );
    expect(verdict.message).toMatchObject({
      code: 'scopeInAll',
      params: { clauses: 'department EQUALS "Sales" → true ("Sales")' },
    });
  });
});

describe('the scope verdicts of a mapping without scoping filters', () => {
  const unfiltered = objectMappingSchema.parse({
    name: 'Users',
    sourceObject: 'User',
    targetObject: 'User',
    attributeMappings: [],
  });

  it('are one shared, frozen verdict per scope mode and state, saying what a fresh one would', () => {
    const first = scopeObject(engineer(), unfiltered, { scope: 'all' }, new Set());
    const second = scopeObject({ ...engineer(), anchor: 'E2' }, unfiltered, { scope: 'all' }, new Set());
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.message)).toBe(true);
    expect(first).toMatchObject({
      inScope: true,
      reason: 'inScope',
      message: { code: 'scopeInAllNoFilters' },
    });

    const disabled = scopeObject({ ...engineer(), disabled: true }, unfiltered, { scope: 'all' }, new Set());
    expect(disabled).not.toBe(first);
    expect(disabled).toMatchObject({ inScope: false, reason: 'disabledInSource' });
    const softDeleted = scopeObject(
      { ...engineer(), disabled: true, softDeleted: true },
      unfiltered,
      { scope: 'all' },
      new Set(),
    );
    expect(softDeleted).toMatchObject({ inScope: false, reason: 'softDeletedInSource' });

    const assigned = scopeObject(engineer(), unfiltered, { scope: 'assigned' }, new Set(['E1']));
    expect(assigned).not.toBe(first);
    expect(assigned).toMatchObject({ inScope: true, message: { code: 'scopeInAssignedNoFilters' } });
    expect(scopeObject(engineer(), unfiltered, { scope: 'assigned' }, new Set())).toMatchObject({
      inScope: false,
      reason: 'notAssigned',
    });
  });
});
