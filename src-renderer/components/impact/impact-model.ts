import type { ImpactAction, JobImpactResult } from '@shared/domain/job-editing';

/** The order the tiles and the filter show actions in: what is added, then what is taken away. */
export const impactActions: readonly ImpactAction[] = [
  'create',
  'update',
  'enable',
  'disable',
  'delete',
  'outOfScope',
  'unchanged',
];

/**
 * Actions that take access away: their tiles are coloured. `outOfScope` is not one: those objects were
 * out of scope before too (the ones that newly leave it are counted as disables or deletes).
 */
const harmful = new Set<ImpactAction>(['disable', 'delete']);

export function isHarmful(action: ImpactAction): boolean {
  return harmful.has(action);
}

export type ImpactWarningKey =
  'problems' | 'deletionThreshold' | 'leavingScope' | 'disables' | 'deletes' | 'fullCycle' | 'overlaps';

/** One warning of the impact dialog: a locale key under `impact.warnings`, its values and how loud it is. */
export interface ImpactWarning {
  key: ImpactWarningKey;
  type: 'error' | 'warning' | 'info';
  values: Record<string, string | number>;
  count: number;
}

/**
 * What the admin must read before saving, loudest first. Saving is what starts these actions, so
 * anything that takes access away gets its own line with its number, not a tile among others.
 */
export function impactWarnings(result: JobImpactResult): ImpactWarning[] {
  const warnings: ImpactWarning[] = [];
  if (result.problems.length > 0)
    warnings.push({
      key: 'problems',
      type: 'error',
      values: { count: result.problems.length },
      count: result.problems.length,
    });
  if (result.deletionThresholdHit) {
    const count = result.counts.disable + result.counts.delete;
    warnings.push({ key: 'deletionThreshold', type: 'error', values: { count }, count });
  }
  if (result.leavingScope > 0)
    warnings.push({
      key: 'leavingScope',
      type: 'warning',
      values: { count: result.leavingScope },
      count: result.leavingScope,
    });
  if (result.counts.disable > 0)
    warnings.push({
      key: 'disables',
      type: 'warning',
      values: { count: result.counts.disable },
      count: result.counts.disable,
    });
  if (result.counts.delete > 0)
    warnings.push({
      key: 'deletes',
      type: 'warning',
      values: { count: result.counts.delete },
      count: result.counts.delete,
    });
  if (result.needsFullCycle) warnings.push({ key: 'fullCycle', type: 'info', values: {}, count: 1 });
  for (const overlap of result.overlaps) {
    warnings.push({
      key: 'overlaps',
      type: 'warning',
      values: {
        job: overlap.jobName,
        attributes: overlap.attributes.join(', '),
        count: overlap.accounts,
      },
      count: overlap.accounts,
    });
  }
  return warnings;
}

/** Objects the change touches at all (everything but unchanged). */
export function changedCount(result: JobImpactResult): number {
  return impactActions
    .filter((action) => action !== 'unchanged' && action !== 'outOfScope')
    .reduce((sum, action) => sum + result.counts[action], 0);
}

/** Saving is refused while the configuration has problems the app would refuse too. */
export function canSave(result: JobImpactResult | null, failed: boolean): boolean {
  if (failed) return true;
  return result !== null && result.problems.length === 0;
}
