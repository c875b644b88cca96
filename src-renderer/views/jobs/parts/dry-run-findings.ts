import type { CycleSummary } from '@shared/domain/provisioning';

type Translate = (key: string, named: Record<string, unknown>, plural: number) => string;

const counted = ['created', 'updated', 'enabled', 'disabled', 'deleted', 'staged', 'failed'] as const;

/**
 * What a dry run found, as the words the job page, the Jobs list and the dashboard all show
 * ("2 to create, 1 to disable"); empty when it found nothing to change.
 */
export function dryRunFindings(cycle: CycleSummary, t: Translate): string[] {
  return counted
    .map((key) => [key, cycle.counters[key]] as const)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => t(`ux.dryRunOnly.counts.${key}`, { count: n }, n));
}
