import type { JobConfig } from '@shared/domain/jobs';
import type { SourceObjectSample } from '@shared/domain/job-editing';
import type { ObjectType } from '@shared/domain/schema';

/** Which users and groups the "assigned" scope brings in, by source anchor (jobAssignmentsSchema). */
export type JobAssignments = JobConfig['assignments'];

const listOf = { User: 'users', Group: 'groups' } as const;

export function assignedAnchors(assignments: JobAssignments, type: ObjectType): string[] {
  return assignments[listOf[type]];
}

/** Adds an anchor once; the order is the order the admin picked them in. */
export function addAssignment(assignments: JobAssignments, type: ObjectType, anchor: string): JobAssignments {
  const key = listOf[type];
  if (anchor === '' || assignments[key].includes(anchor)) return assignments;
  return { ...assignments, [key]: [...assignments[key], anchor] };
}

export function removeAssignment(
  assignments: JobAssignments,
  type: ObjectType,
  anchor: string,
): JobAssignments {
  const key = listOf[type];
  return { ...assignments, [key]: assignments[key].filter((a) => a !== anchor) };
}

/** "Ada Lovelace (ada@example.com)" or the bare anchor when the name says nothing more. */
export function sampleLabel(sample: Pick<SourceObjectSample, 'displayName' | 'anchor'>): string {
  return sample.displayName && sample.displayName !== sample.anchor
    ? `${sample.displayName} (${sample.anchor})`
    : sample.anchor;
}

/** With the assigned scope and nothing assigned, the job provisions nobody: worth saying, not refusing. */
export function nothingAssigned(scope: 'assigned' | 'all', assignments: JobAssignments): boolean {
  return scope === 'assigned' && assignments.users.length === 0 && assignments.groups.length === 0;
}
