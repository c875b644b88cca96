import type { TargetConnector } from '../connectors/connector';

/**
 * What Roster's record of a group's members should be after a membership request whose outcome is
 * unknown: the adds the target really has are recorded as added, the removes it no longer has as
 * removed. A connector without `readMembers` promises idempotent membership writes, so the record
 * stays as it was and the next attempt simply sends the request again.
 */
export async function reconcileMembers(
  target: TargetConnector,
  groupId: string,
  recorded: ReadonlySet<string>,
  request: { add?: readonly string[]; remove?: readonly string[] },
): Promise<Set<string>> {
  const next = new Set(recorded);
  if (!target.readMembers) return next;
  const present = new Set(await target.readMembers(groupId));
  for (const id of request.add ?? []) if (present.has(id)) next.add(id);
  for (const id of request.remove ?? []) if (!present.has(id)) next.delete(id);
  return next;
}
