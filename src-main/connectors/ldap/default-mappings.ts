/**
 * The mappings a job starts from when an LDAP directory feeds a SCIM app (AD and OpenLDAP name
 * their attributes differently), and when a CSV/HR file feeds an LDAP directory (the inverse), with
 * the LDAP target schema those inbound mappings write to.
 */
import type { AttributeMapping } from '@shared/domain/jobs';
import type { TargetSchemaAttribute } from '@shared/domain/schema';
import { defaultGroupMappings, defaultUserMappings } from '@shared/domain/scim-template';
import { activePath } from './target-config';
import { ldapTargetSchema } from './target-schema';

/**
 * Enabled only while the directory account is enabled and the user is in scope. IsSoftDeleted alone
 * covers a disabled account too (§2.4); naming accountEnabled makes the intent visible and keeps a
 * disabled-but-linked user inactive even if scoping filters change.
 */
export const activeExpression = 'IIF([accountEnabled], Not([IsSoftDeleted]), "False")';

function withActiveExpression(list: AttributeMapping[]): AttributeMapping[] {
  return list.map((m) =>
    m.target === 'active' ? { ...m, type: 'Expression' as const, source: activeExpression } : m,
  );
}

/** Active Directory → SCIM users: userPrincipalName is the sign-in name apps know. */
export function adToScimUserMappings(): AttributeMapping[] {
  return withActiveExpression(
    defaultUserMappings({
      userName: 'userPrincipalName',
      externalId: 'objectGUID',
      displayName: 'displayName',
      givenName: 'givenName',
      surname: 'sn',
      jobTitle: 'title',
      mail: 'mail',
      telephoneNumber: 'telephoneNumber',
      mobile: 'mobile',
      department: 'department',
      employeeId: 'employeeID',
      manager: 'manager',
    }),
  );
}

/** OpenLDAP (inetOrgPerson) → SCIM users: mail is the sign-in name, entryUUID the external id. */
export function openLdapToScimUserMappings(): AttributeMapping[] {
  return withActiveExpression(
    defaultUserMappings({
      userName: 'mail',
      externalId: 'entryUUID',
      displayName: 'displayName',
      givenName: 'givenName',
      surname: 'sn',
      jobTitle: 'title',
      mail: 'mail',
      telephoneNumber: 'telephoneNumber',
      mobile: 'mobile',
      department: 'departmentNumber',
      employeeId: 'employeeNumber',
      manager: 'manager',
    }),
  );
}

/** LDAP groups → SCIM groups: the generic template (the LDAP source gives every group a displayName). */
export function ldapToScimGroupMappings(): AttributeMapping[] {
  return defaultGroupMappings();
}

function map(
  target: string,
  type: AttributeMapping['type'],
  source: string,
  extra: Partial<AttributeMapping> = {},
): AttributeMapping {
  return { target, type, source, apply: 'Always', matchingPriority: 0, ...extra };
}

/** The HR file's column names (they differ per file). */
export interface HrColumns {
  employeeId: string;
  displayName?: string;
  givenName?: string;
  surname?: string;
  email?: string;
  jobTitle?: string;
  department?: string;
  telephoneNumber?: string;
  mobile?: string;
  manager?: string;
  /** Column whose value names the parent container DN (a change moves the entry). */
  container?: string;
}

/**
 * The RDN (cn) of a new entry: the person's name, made unique with SelectUniqueValue. Real HR data
 * has repeated names (two "Kim Min-jun" in one company), and two entries cannot share a DN, so
 * when the name is taken in the directory (or by another create in the same cycle) the employee id
 * is added: "Kim Min-jun E1042". SelectUniqueValue is create-only (expressions.md), so a later name
 * change does not rename the entry.
 */
function uniqueCn(columns: HrColumns): AttributeMapping {
  const id = `[${columns.employeeId}]`;
  const name = columns.displayName
    ? `[${columns.displayName}]`
    : columns.givenName && columns.surname
      ? `Join(" ", [${columns.givenName}], [${columns.surname}])`
      : null;
  if (name === null) return map('cn', 'Direct', columns.employeeId);
  return map('cn', 'Expression', `SelectUniqueValue(${name}, Join(" ", ${name}, ${id}))`, {
    apply: 'OnlyOnCreate',
  });
}

/**
 * CSV/HR → LDAP users. The employee id is the matching key (an HR system's id is unique, names and
 * mail addresses are not); cn — the RDN — comes from the display name, unique (see uniqueCn).
 */
export function csvToLdapUserMappings(
  columns: HrColumns,
  flavour: 'inetOrgPerson' | 'activeDirectory' = 'inetOrgPerson',
): AttributeMapping[] {
  const ad = flavour === 'activeDirectory';
  const list: AttributeMapping[] = [
    map(ad ? 'employeeID' : 'employeeNumber', 'Direct', columns.employeeId, { matchingPriority: 1 }),
  ];
  list.push(uniqueCn(columns));
  const direct: [keyof HrColumns, string][] = [
    ['displayName', 'displayName'],
    ['givenName', 'givenName'],
    ['surname', 'sn'],
    ['email', 'mail'],
    ['jobTitle', 'title'],
    ['department', ad ? 'department' : 'departmentNumber'],
    ['telephoneNumber', 'telephoneNumber'],
    ['mobile', 'mobile'],
    ['manager', 'manager'],
    ['container', '__container'],
  ];
  for (const [key, target] of direct) {
    const source = columns[key];
    if (source) list.push(map(target, 'Direct', source));
  }
  if (ad && columns.email)
    list.push(map('userPrincipalName', 'Direct', columns.email, { matchingPriority: 2 }));
  list.push(map(activePath, 'Expression', 'Not([IsSoftDeleted])'));
  return list;
}

/** HR groups → LDAP groups (groupOfNames): cn from the group's name, members as user DNs. */
export function csvToLdapGroupMappings(): AttributeMapping[] {
  return [map('cn', 'Direct', 'displayName', { matchingPriority: 1 }), map('members', 'Direct', 'members')];
}

/** The target schema of an LDAP target (inetOrgPerson, or AD's user class). */
export function ldapTargetSchemaFor(
  flavour: 'inetOrgPerson' | 'activeDirectory' = 'inetOrgPerson',
): TargetSchemaAttribute[] {
  return ldapTargetSchema(flavour);
}
