import type { ObjectType } from '@shared/domain/schema';
import type { SourceConnector, SourceObject } from '../connectors/connector';
import type { JobRecord } from '../store/jobs-repo';
import type { CycleContext } from './cycle-context';
import { assignedUserAnchors, scopeObject, type ScopeVerdict } from './scope';
import { objectKey } from '../store/object-key';

/**
 * The source as provision on demand sees it. The connector contract reads whole object sets (there
 * is no "get one"), and scope through group assignment needs every group anyway, so the run reads
 * the source in full — never from the watermark, which it must not move.
 */
export async function readWholeSource(
  source: SourceConnector,
  job: JobRecord,
  groupsMapped: boolean,
  signal: AbortSignal,
): Promise<{ users: Map<string, SourceObject>; groups: Map<string, SourceObject> }> {
  const objectTypes: ObjectType[] =
    groupsMapped || job.config.assignments.groups.length > 0 ? ['User', 'Group'] : ['User'];
  const read = await source.read({ objectTypes, since: null, signal });
  const users = new Map<string, SourceObject>();
  const groups = new Map<string, SourceObject>();
  for await (const page of read.pages) {
    for (const object of page) (object.type === 'User' ? users : groups).set(object.anchor, object);
  }
  return { users, groups };
}

export type Assignment = 'scopeAll' | 'assigned' | 'notAssigned';

/**
 * Scope verdicts of every object, as a cycle computes them (`scope.ts`): group memberships need the
 * verdicts of all members, not only of the chosen objects. Returns how each object is assigned.
 */
export function scopeEverything(ctx: CycleContext): (object: SourceObject) => Assignment {
  const { job, mappings } = ctx;
  const assigned = assignedUserAnchors(
    job.config.assignments,
    ctx.groups,
    ctx.users,
    job.config.settings.expandNestedGroups,
  );
  const assignedGroups = new Set(job.config.assignments.groups);
  for (const [type, map] of [
    ['User', ctx.users],
    ['Group', ctx.groups],
  ] as const) {
    const mapping = type === 'User' ? mappings.User : mappings.Group;
    for (const object of map.values()) {
      const verdict: ScopeVerdict = mapping
        ? scopeObject(object, mapping, job.config.settings, type === 'User' ? assigned : assignedGroups)
        : { inScope: false, reason: 'notAssigned', detail: 'The Groups mapping is off' };
      ctx.verdicts.set(objectKey(type, object.anchor), verdict);
    }
  }
  return (object) => {
    if (job.config.settings.scope === 'all') return 'scopeAll';
    const set = object.type === 'User' ? assigned : assignedGroups;
    return set.has(object.anchor) ? 'assigned' : 'notAssigned';
  };
}
