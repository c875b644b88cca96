import { describe, expect, it } from 'vitest';
import type { PlanItem } from '@shared/domain/provisioning';
import { countByAction, filterPlan } from '../../../src-renderer/views/jobs/wizard/plan-filter';

function item(
  seq: number,
  action: PlanItem['action'],
  displayName: string,
  changes: PlanItem['changes'] = [],
): PlanItem {
  return {
    seq,
    objectType: 'User',
    anchor: `E${1000 + seq}`,
    displayName,
    situation: action === 'create' ? 'unmatched' : 'linked',
    action,
    targetId: null,
    changes,
    note: null,
  };
}

const plan = [
  item(1, 'create', 'Song Haeun', [{ displayName: 'department', oldValue: null, newValue: 'Executive' }]),
  item(2, 'create', 'Ahn Soyeon'),
  item(3, 'disable', 'Lim Hyunwoo'),
  item(4, 'addMembers', 'Engineering'),
];

describe('the review plan', () => {
  it('counts lines per action in a fixed order, leaving out absent actions', () => {
    expect(countByAction(plan)).toEqual([
      { action: 'create', count: 2 },
      { action: 'disable', count: 1 },
      { action: 'addMembers', count: 1 },
    ]);
  });

  it('filters by action and searches names, keys and changed values, ignoring case', () => {
    expect(filterPlan(plan, { action: 'create', search: '' }).map((i) => i.seq)).toEqual([1, 2]);
    expect(filterPlan(plan, { action: null, search: 'executive' }).map((i) => i.seq)).toEqual([1]);
    expect(filterPlan(plan, { action: null, search: 'e1003' }).map((i) => i.seq)).toEqual([3]);
    expect(filterPlan(plan, { action: 'disable', search: 'song' })).toEqual([]);
  });
});
