import type { PlanItem } from '@shared/domain/provisioning';

export type PlanAction = PlanItem['action'];

/** The order actions are listed in: what changes accounts first, then memberships, then the rest. */
export const planActionOrder: readonly PlanAction[] = [
  'create',
  'update',
  'enable',
  'disable',
  'delete',
  'stagedDelete',
  'addMembers',
  'removeMembers',
  'skip',
  'other',
];

/** How many plan lines there are of each action, in `planActionOrder`, leaving out the absent ones. */
export function countByAction(items: readonly PlanItem[]): { action: PlanAction; count: number }[] {
  const counts = new Map<PlanAction, number>();
  for (const item of items) counts.set(item.action, (counts.get(item.action) ?? 0) + 1);
  return planActionOrder
    .map((action) => ({ action, count: counts.get(action) ?? 0 }))
    .filter((entry) => entry.count > 0);
}

/**
 * The plan lines of one action (or all) whose object — display name, anchor or target id — or one
 * of whose changed attributes or values contains the search text, ignoring case.
 */
export function filterPlan(
  items: readonly PlanItem[],
  filter: { action: PlanAction | null; search: string },
): PlanItem[] {
  const needle = filter.search.trim().toLocaleLowerCase();
  return items.filter((item) => {
    if (filter.action !== null && item.action !== filter.action) return false;
    if (needle === '') return true;
    const haystack = [
      item.displayName,
      item.anchor,
      item.targetId ?? '',
      item.note ?? '',
      ...item.changes.flatMap((c) => [c.displayName, c.oldValue ?? '', c.newValue ?? '']),
    ];
    return haystack.some((text) => text.toLocaleLowerCase().includes(needle));
  });
}
