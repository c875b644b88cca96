/**
 * The stable identity of an entry: objectGUID on AD (rendered as a GUID string), entryUUID on
 * OpenLDAP and most others, or an attribute the admin names. DNs change on rename and move; these
 * never do, which is why they are both the source anchor and the target id.
 */
import { guidToString } from './ad-values';
import { bytesOf, textOf, type LdapEntry } from './ldap-entry';
import type { ServerType } from './server-type';

export function defaultAnchorAttribute(serverType: ServerType, configured?: string): string {
  if (configured) return configured;
  return serverType === 'activeDirectory' ? 'objectGUID' : 'entryUUID';
}

export function anchorOf(entry: LdapEntry, anchorAttribute: string): string | null {
  if (anchorAttribute.toLowerCase() === 'objectguid') {
    const raw = bytesOf(entry, 'objectGUID')[0];
    return raw && raw.length === 16 ? guidToString(raw) : null;
  }
  const value = textOf(entry, anchorAttribute);
  return value && value.trim() !== '' ? value.trim() : null;
}
