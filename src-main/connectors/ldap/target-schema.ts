/**
 * The target schema an LDAP target starts from: inetOrgPerson's attributes (RFC 2798) that an HR
 * feed fills, AD's equivalents when the target is Active Directory, and Roster's virtual paths —
 * `active` (the disable flag), `__container` (the parent DN; a change moves the entry). The id is
 * the entry's entryUUID/objectGUID, never mapped.
 */
import { targetAttribute as attr, type TargetSchemaAttribute } from '@shared/domain/schema';
import type { AttributeCatalog } from './attribute-catalog';
import { activePath, containerPath } from './target-config';

export function ldapTargetSchema(
  flavour: 'inetOrgPerson' | 'activeDirectory' = 'inetOrgPerson',
): TargetSchemaAttribute[] {
  const ad = flavour === 'activeDirectory';
  const userAttributes = ad
    ? [
        'sAMAccountName',
        'userPrincipalName',
        'givenName',
        'sn',
        'displayName',
        'mail',
        'title',
        'department',
        'company',
        'telephoneNumber',
        'mobile',
        'employeeID',
        'employeeNumber',
        'physicalDeliveryOfficeName',
        'l',
        'st',
        'postalCode',
        'co',
        'description',
      ]
    : [
        'uid',
        'givenName',
        'sn',
        'displayName',
        'mail',
        'title',
        'ou',
        'departmentNumber',
        'telephoneNumber',
        'mobile',
        'employeeNumber',
        'employeeType',
        'o',
        'l',
        'st',
        'postalCode',
        'street',
        'preferredLanguage',
        'description',
      ];
  return [
    attr('User', 'id', { primaryKey: true }),
    attr('User', 'cn', { required: true }),
    ...userAttributes.map((name) => attr('User', name, name === 'sn' && !ad ? { required: true } : {})),
    attr('User', 'manager', { type: 'Reference', referencedObject: 'User' }),
    attr('User', activePath, {
      type: 'Boolean',
      description: 'Enabled: cleared by the disable attribute (userAccountControl on AD)',
    }),
    attr('User', containerPath, { description: 'Parent container DN; a change moves the entry' }),
    attr('Group', 'id', { primaryKey: true }),
    attr('Group', 'cn', { required: true }),
    attr('Group', 'description'),
    attr('Group', 'members', { type: 'Reference', referencedObject: 'User', multiValued: true }),
    attr('Group', containerPath, { description: 'Parent container DN; a change moves the entry' }),
  ];
}

/** The default schema plus every attribute the directory allows on the configured user classes. */
export function discoveredTargetSchema(
  catalog: AttributeCatalog,
  flavour: 'inetOrgPerson' | 'activeDirectory',
  userClasses: readonly string[],
): TargetSchemaAttribute[] {
  const base = ldapTargetSchema(flavour);
  const known = new Set(base.filter((a) => a.objectType === 'User').map((a) => a.name.toLowerCase()));
  const extra: TargetSchemaAttribute[] = [];
  for (const className of userClasses) {
    const { must, may } = catalog.attributesOfClass(className);
    for (const name of [...must, ...may]) {
      const meta = catalog.get(name);
      if (!meta || meta.readOnly || meta.operational || known.has(meta.name.toLowerCase())) continue;
      if (['objectclass', 'userpassword', 'unicodepwd'].includes(meta.name.toLowerCase())) continue;
      known.add(meta.name.toLowerCase());
      extra.push(
        attr('User', meta.name, {
          type: meta.type,
          multiValued: meta.multiValued,
          required: must.includes(name),
          ...(meta.type === 'Reference' ? { referencedObject: 'User' as const } : {}),
        }),
      );
    }
  }
  return [...base, ...extra.sort((a, b) => a.name.localeCompare(b.name))];
}
