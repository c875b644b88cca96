import { describe, expect, it } from 'vitest';
import type { AccountRow } from '@shared/domain/accounts';
import { suitable, whyNot } from '../../../src-renderer/views/accounts/parts/account-rules';

function row(extra: Partial<AccountRow>): AccountRow {
  return {
    seq: 1,
    objectType: 'User',
    targetId: 't',
    displayName: 'Someone',
    keyValue: null,
    active: true,
    accountClass: 'unmanaged',
    note: null,
    source: null,
    scopeDetail: null,
    matched: null,
    decision: null,
    ...extra,
  };
}

describe('which action suits which account', () => {
  it('adopts only an in-scope match with exactly one source object', () => {
    expect(whyNot('adopt', row({ accountClass: 'unlinkedMatch' }))).toBeNull();
    expect(whyNot('adopt', row({ accountClass: 'unlinkedMatch', note: 'severalSources' }))).toBe(
      'adoptSeveral',
    );
    expect(whyNot('adopt', row({ accountClass: 'outOfScopeMatch' }))).toBe('adoptOutOfScope');
    expect(whyNot('adopt', row({ accountClass: 'unmanaged', note: 'sourceLinkedElsewhere' }))).toBe(
      'adoptElsewhere',
    );
    expect(whyNot('adopt', row({ accountClass: 'linked' }))).toBe('adoptLinked');
  });

  it('disables users the job does not manage, in a target that reports them active', () => {
    expect(whyNot('disable', row({}))).toBeNull();
    expect(whyNot('disable', row({ objectType: 'Group', active: null }))).toBe('disableGroup');
    expect(whyNot('disable', row({ active: null }))).toBe('disableTarget');
    expect(whyNot('disable', row({ accountClass: 'linked' }))).toBe('disableLinked');
  });

  it('keeps from a selection only the accounts an action suits', () => {
    const rows = [row({ targetId: 'a', accountClass: 'unlinkedMatch' }), row({ targetId: 'b' })];
    expect(suitable('adopt', rows).map((r) => r.targetId)).toEqual(['a']);
    expect(suitable('leave', rows).map((r) => r.targetId)).toEqual(['a', 'b']);
  });
});
