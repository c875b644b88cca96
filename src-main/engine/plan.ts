import type { PlanItem } from '@shared/domain/provisioning';
import type { LogText } from '@shared/domain/log-messages';
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

/**
 * A plan note from a log sentence. Plan items keep the English only (the plan_items table has one
 * note column); the app reads the code back from the English (parseEnglish in log-messages.ts).
 */
export function noteOf(text: LogText | string): Pick<PlanItem, 'note'> {
  return { note: typeof text === 'string' ? text : text.text };
}
