/**
 * A group's current members as the target sees them, for the engine's reconciliation of a membership
 * write that may or may not have landed (connector.ts readMembers).
 */
import { isConnectorError } from '../connector';
import type { QueryParameters } from './filter';
import { getArray, getAttribute, isRecord, type JsonObject } from './json';

/** The `value` (target id) of each element of `members`; no members attribute means none. */
export function memberIdsOf(group: JsonObject): string[] {
  return (getArray(group, 'members') ?? [])
    .filter(isRecord)
    .map((member) => getAttribute(member, 'value'))
    .filter((value): value is string => typeof value === 'string');
}

/**
 * `GET /Groups/{id}?attributes=members` (RFC 7644 §3.4.2.5), which returns the id and the members
 * only. A server may ignore or refuse (400) the parameter, or leave `members` out although the group
 * has some (it returns members only on a plain read): then the group is read whole. A group that
 * really is empty costs the second read too — this runs only to settle an uncertain write.
 */
export async function readGroupMembers(
  read: (query: QueryParameters) => Promise<JsonObject>,
): Promise<string[]> {
  let selected: JsonObject | null = null;
  try {
    selected = await read([['attributes', 'members']]);
  } catch (error) {
    if (!(isConnectorError(error) && error.info.status === 400)) throw error;
  }
  if (selected && getAttribute(selected, 'members') !== undefined) return memberIdsOf(selected);
  return memberIdsOf(await read([]));
}
