import { createHash } from 'node:crypto';
import type { JobConfig } from '@shared/domain/jobs';

/**
 * The parts of a job's configuration that decide what each object should look like in the target:
 * mappings (with their scoping filters and actions), the target schema (types, case-exactness),
 * assignments and the scope settings (§3.3). Connection names, schedule, rates and notification
 * settings are left out: changing them re-evaluates nothing.
 */
export type DigestedConfig = Pick<JobConfig, 'objectMappings' | 'targetSchema' | 'assignments'> & {
  settings: Pick<JobConfig['settings'], 'scope' | 'expandNestedGroups'>;
};

/**
 * A digest of what decides every object's target state. A cycle whose digest differs from the one
 * the job's last completed cycle ran under must re-evaluate every object (Entra starts a full cycle
 * after a mapping or scope change): it is part of each object's state hash, and a changed digest
 * turns a delta read into a full one. Pure and stable: the same configuration gives the same digest
 * in every process and version that keeps this function.
 */
export function configDigest(config: DigestedConfig): string {
  const { objectMappings, targetSchema, assignments, settings } = config;
  return createHash('sha256')
    .update(
      JSON.stringify({
        objectMappings,
        targetSchema,
        assignments,
        scope: settings.scope,
        nested: settings.expandNestedGroups,
      }),
    )
    .digest('hex');
}
