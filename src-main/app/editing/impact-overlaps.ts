import type { JobImpactResult } from '@shared/domain/job-editing';
import type { ObjectType } from '@shared/domain/schema';
import type { ImpactComputation } from '../../engine/impact';
import type { JobRecord } from '../../store/jobs-repo';
import type { LinksRepo } from '../../store/links-repo';
import { objectKey } from '../../store/object-key';

/** The target paths a job's enabled mapping of one object type writes (None without a default writes nothing). */
function writtenPaths(job: JobRecord, type: ObjectType): Set<string> {
  const mapping = job.config.objectMappings.find((m) => m.sourceObject === type && m.enabled);
  return new Set(
    (mapping?.attributeMappings ?? [])
      .filter((m) => m.target !== 'members' && (m.type !== 'None' || m.defaultValue !== undefined))
      .map((m) => m.target.toLowerCase()),
  );
}

/**
 * Other jobs on the same target connection that write the same attributes of the same accounts
 * (issue 10 item 7): the two would overwrite each other every cycle. The same account means the same
 * linked target id, or — for an object this job would create — the other job already exported its
 * first matching value to an account (that account is what the create would match and link).
 */
export function findOverlaps(
  computation: ImpactComputation,
  others: readonly JobRecord[],
  links: LinksRepo,
): JobImpactResult['overlaps'] {
  const overlaps: JobImpactResult['overlaps'] = [];
  const acting = computation.entries.filter((e) => e.action !== 'outOfScope' && e.action !== 'delete');
  for (const other of others) {
    const attributes = new Set<string>();
    const accounts = new Set<string>();
    for (const type of ['User', 'Group'] as const) {
      const theirs = writtenPaths(other, type);
      const shared = computation.writes[type].filter((path) => theirs.has(path.toLowerCase()));
      if (shared.length === 0) continue;
      const theirLinks = links.forJob(other.id, type);
      const theirIds = new Set(theirLinks.map((l) => l.targetId));
      const theirValues = new Map<string, string>();
      for (const link of theirLinks) {
        for (const [path, value] of Object.entries(link.exported)) {
          if (typeof value === 'string' && value !== '')
            theirValues.set(`${path.toLowerCase()}\u0000${value.toLowerCase()}`, link.targetId);
        }
      }
      let found = 0;
      for (const entry of acting) {
        if (entry.objectType !== type) continue;
        const byId = entry.targetId !== null && theirIds.has(entry.targetId) ? entry.targetId : null;
        const byValue = entry.matching
          ? (theirValues.get(
              `${entry.matching.path.toLowerCase()}\u0000${entry.matching.value.toLowerCase()}`,
            ) ?? null)
          : null;
        const account = byId ?? byValue;
        if (account === null) continue;
        accounts.add(objectKey(type, account));
        found++;
      }
      if (found > 0) shared.forEach((path) => attributes.add(path));
    }
    if (accounts.size > 0) {
      overlaps.push({
        jobId: other.id,
        jobName: other.name,
        attributes: [...attributes].sort(),
        accounts: accounts.size,
      });
    }
  }
  return overlaps;
}
