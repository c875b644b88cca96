/**
 * ldapts' search entries in one shape: attribute names looked up case-insensitively (servers answer
 * `objectGUID`, `objectguid` or `OBJECTGUID`), every value list an array, text and bytes told apart.
 * ldapts fills attributes that were asked for but not returned (and `*`, `+`) with []: dropped here.
 */
import type { Entry } from 'ldapts';

export type RawValue = string | Buffer;

export interface LdapAttribute {
  /** The name as the server wrote it (`member;range=0-1499` keeps its option). */
  name: string;
  values: RawValue[];
}

export interface LdapEntry {
  dn: string;
  /** Lower-cased name → attribute. */
  attributes: Map<string, LdapAttribute>;
}

export function toLdapEntry(raw: Entry): LdapEntry {
  const attributes = new Map<string, LdapAttribute>();
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'dn' || name === '*' || name === '+') continue;
    const values: RawValue[] = Array.isArray(value) ? value : [value];
    if (values.length === 0) continue;
    attributes.set(name.toLowerCase(), { name, values });
  }
  return { dn: raw.dn, attributes };
}

export function valuesOf(entry: LdapEntry, name: string): RawValue[] {
  return entry.attributes.get(name.toLowerCase())?.values ?? [];
}

/** Values as text (bytes decoded as UTF-8). */
export function textsOf(entry: LdapEntry, name: string): string[] {
  return valuesOf(entry, name).map((v) => (typeof v === 'string' ? v : v.toString('utf8')));
}

export function textOf(entry: LdapEntry, name: string): string | null {
  return textsOf(entry, name)[0] ?? null;
}

/** Values as bytes (text encoded as UTF-8). */
export function bytesOf(entry: LdapEntry, name: string): Buffer[] {
  return valuesOf(entry, name).map((v) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : v));
}
