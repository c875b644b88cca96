import { describe, expect, it } from 'vitest';
import { planModify, wireValues } from '../../../../../src-main/connectors/ldap/modify-plan';

const context = {
  rdnAttribute: 'cn',
  isMultiValued: (a: string) => ['mail', 'title', 'telephonenumber'].includes(a.toLowerCase()),
  isReference: (a: string) => a === 'manager',
};

describe('attribute changes → LDAP modify operations', () => {
  it('replaces single-valued attributes and deletes cleared ones', () => {
    const plan = planModify(
      [
        { path: 'displayName', oldValue: 'Ann', newValue: 'Ann Lee' },
        { path: 'employeeNumber', oldValue: 'E1', newValue: '' },
      ],
      context,
    );
    expect(plan.modifications).toEqual([
      { operation: 'replace', attribute: 'displayName', values: ['Ann Lee'] },
      { operation: 'delete', attribute: 'employeeNumber', values: [] },
    ]);
  });

  it('adds and deletes only the changed values of a multi-valued attribute, case-insensitively', () => {
    const plan = planModify(
      [
        {
          path: 'mail',
          oldValue: ['a@x.com', 'b@x.com', 'keep@x.com'],
          newValue: ['A@x.com', 'keep@x.com', 'c@x.com'],
        },
      ],
      context,
    );
    expect(plan.modifications).toEqual([
      { operation: 'delete', attribute: 'mail', values: ['b@x.com'] },
      { operation: 'add', attribute: 'mail', values: ['c@x.com'] },
    ]);
  });

  it('adds only (MultiValueAddOnly), and replaces a multi-valued attribute that had no values', () => {
    expect(
      planModify([{ path: 'title', oldValue: ['A'], newValue: ['B'], addOnly: true }], context).modifications,
    ).toEqual([{ operation: 'add', attribute: 'title', values: ['B'] }]);
    expect(
      planModify([{ path: 'mail', oldValue: null, newValue: 'a@x.com' }], context).modifications,
    ).toEqual([{ operation: 'replace', attribute: 'mail', values: ['a@x.com'] }]);
  });

  it('turns the RDN attribute into a rename, __container into a move, active into the account state', () => {
    const plan = planModify(
      [
        { path: 'cn', oldValue: 'Ann Lee', newValue: 'Ann Lee-Park' },
        { path: '__container', oldValue: 'ou=Staff,dc=x', newValue: 'ou=Alumni,dc=x' },
        { path: 'active', oldValue: true, newValue: false },
        { path: 'dn', oldValue: 'a', newValue: 'b' },
      ],
      context,
    );
    expect(plan).toMatchObject({
      newRdnValue: 'Ann Lee-Park',
      newContainer: 'ou=Alumni,dc=x',
      active: false,
      modifications: [],
    });
    expect(
      planModify([{ path: '__container', oldValue: 'ou=Staff,dc=x', newValue: 'OU=staff, DC=X' }], context)
        .newContainer,
    ).toBeNull();
  });

  it('leaves references for resolution to DNs', () => {
    const plan = planModify(
      [{ path: 'manager', oldValue: null, newValue: 'id-1', reference: { objectType: 'User' } }],
      context,
    );
    expect(plan.references).toEqual([{ attribute: 'manager', ids: ['id-1'], multi: false }]);
    expect(plan.modifications).toEqual([]);
  });

  it('writes booleans and numbers as LDAP strings', () => {
    expect(wireValues(true)).toEqual(['TRUE']);
    expect(wireValues(42)).toEqual(['42']);
    expect(wireValues(['a', ''])).toEqual(['a']);
    expect(wireValues(null)).toEqual([]);
  });
});
