/**
 * discoverSchema for an LDAP source: the attributes of the configured user and group object classes
 * (with their superclasses), typed from the server's schema, plus what Roster adds to every object
 * (dn, accountEnabled, the anchor) and to groups (displayName, members). Skipped attributes
 * (passwords, logon bookkeeping) are not offered, since reads never carry them.
 */
import type { ObjectType, SourceSchemaAttribute } from '@shared/domain/schema';
import type { AttributeCatalog } from './attribute-catalog';
import { memberAttributes } from './source-object';
import { isSkippedAttribute } from './source-values';

function referencedObjectOf(name: string): ObjectType {
  return name.toLowerCase() === 'memberof' ? 'Group' : 'User';
}

function attributesOf(
  catalog: AttributeCatalog,
  objectType: ObjectType,
  classes: readonly string[],
): SourceSchemaAttribute[] {
  const names = new Set<string>();
  for (const c of classes) {
    const { must, may } = catalog.attributesOfClass(c);
    [...must, ...may].forEach((n) => names.add(n));
  }
  if (names.size === 0) {
    // An unknown class (or a server that hides objectClasses): every user attribute is offered.
    for (const a of catalog.all()) if (!a.operational) names.add(a.name);
  }
  const list: SourceSchemaAttribute[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const meta = catalog.get(name);
    const canonical = meta?.name ?? name;
    const key = canonical.toLowerCase();
    if (seen.has(key) || isSkippedAttribute(key) || key === 'objectclass') continue;
    if (objectType === 'Group' && memberAttributes.some((m) => m.toLowerCase() === key)) continue;
    seen.add(key);
    const type = meta?.type ?? 'String';
    list.push({
      objectType,
      name: canonical,
      type,
      multiValued: meta?.multiValued ?? false,
      ...(type === 'Reference' ? { referencedObject: referencedObjectOf(canonical) } : {}),
    });
  }
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

export function sourceSchema(
  catalog: AttributeCatalog,
  options: {
    userClasses: readonly string[];
    groupClasses: readonly string[];
    anchorAttribute: string;
    groups: boolean;
  },
): SourceSchemaAttribute[] {
  const extra = (objectType: ObjectType): SourceSchemaAttribute[] => [
    { objectType, name: options.anchorAttribute, type: 'String', multiValued: false },
    { objectType, name: 'dn', type: 'String', multiValued: false },
    { objectType, name: 'objectClass', type: 'String', multiValued: true },
  ];
  const users = [
    ...extra('User'),
    { objectType: 'User' as const, name: 'accountEnabled', type: 'Boolean' as const, multiValued: false },
    ...attributesOf(catalog, 'User', options.userClasses),
  ];
  if (!options.groups) return dedupe(users);
  const groups = [
    ...extra('Group'),
    { objectType: 'Group' as const, name: 'displayName', type: 'String' as const, multiValued: false },
    {
      objectType: 'Group' as const,
      name: 'members',
      type: 'Reference' as const,
      multiValued: true,
      referencedObject: 'User' as const,
    },
    ...attributesOf(catalog, 'Group', options.groupClasses),
  ];
  return dedupe([...users, ...groups]);
}

function dedupe(list: SourceSchemaAttribute[]): SourceSchemaAttribute[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = `${a.objectType}\u0000${a.name.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
