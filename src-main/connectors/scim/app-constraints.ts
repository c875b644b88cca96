/**
 * The app constraints a SCIM connection carries (src-shared/domain/scim-app-constraints.ts), as the
 * connector's capabilities: what the engine may ask of this target. Kept apart from the request path
 * so that a PUT-only, delete-only or member-blind app changes which requests are sent, never how.
 */
import type { ScimSettings } from '@shared/domain/connections';
import type { ObjectType } from '@shared/domain/schema';
import type { TargetCapabilities } from '../connector';

/** Capabilities the connection's settings decide; manual overrides still win over them. */
export function capabilitiesFromConstraints(settings: ScimSettings): Partial<TargetCapabilities> {
  const capabilities: Partial<TargetCapabilities> = {};
  // A PUT-only app answers PATCH with 405/501: every change becomes a read and a PUT of the whole resource.
  // Left out, the server's /ServiceProviderConfig decides (server-config.ts); set, it wins over it.
  if (settings.updateMethod !== undefined) capabilities.patch = settings.updateMethod === 'patch';
  // A delete-only app has no `active`: the engine must not disable there (a job saying so is refused at save).
  if (settings.userDisable === 'notSupported') capabilities.softDelete = false;
  return capabilities;
}

/**
 * Whether reading a group back tells which members it has. When it does not, the connector offers no
 * `readMembers`, so the engine keeps its record of an uncertain membership request and sends it again
 * (connector.ts readMembers) instead of trusting an empty list.
 */
export function groupMembersReadable(settings: ScimSettings): boolean {
  return settings.groupReadsIncludeMembers !== false;
}

/** `emails[type eq "work"].value` → `emails.value`, lower case: how an app's docs name what it filters on. */
function filterName(path: string): string {
  return path
    .replace(/\[[^\]]*\]/g, '')
    .trim()
    .toLowerCase();
}

/**
 * Whether the app documents `path` as an attribute `filter=` works on for `type`: true or false when
 * the connection lists its filterable attributes, undefined when it does not (any attribute, unless
 * the server declares it cannot filter at all).
 */
export function documentedFilterable(
  settings: ScimSettings,
  type: ObjectType,
  path: string,
): boolean | undefined {
  const listed = settings.filterableAttributes?.[type === 'User' ? 'users' : 'groups'];
  if (!listed) return undefined;
  const wanted = filterName(path);
  return listed.some((name) => filterName(name) === wanted);
}
