import type { PlanItem } from '@shared/domain/provisioning';
import type { CycleContext } from './cycle-context';
import type { ObjectIdentity } from './record';

/** A dry run's line for one object; real cycles write no plan. */
export function plan(
  ctx: CycleContext,
  object: ObjectIdentity,
  item: Omit<PlanItem, 'seq' | 'objectType' | 'anchor' | 'displayName'>,
): void {
  if (!ctx.dryRun) return;
  ctx.plan.push({
    ...item,
    objectType: object.type,
    anchor: object.anchor,
    displayName: object.displayName,
    seq: ctx.plan.length + 1,
  });
}
