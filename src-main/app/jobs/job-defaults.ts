import { refusal } from '@shared/domain/error-messages';
import { jobConfigSchema, type AttributeMapping, type JobConfig } from '@shared/domain/jobs';
import {
  defaultGroupMappings,
  defaultUserMappings,
  genericScimTargetSchema,
} from '@shared/domain/scim-template';
import type { SourceSchemaAttribute } from '@shared/domain/schema';
import {
  adToScimUserMappings,
  csvToLdapGroupMappings,
  csvToLdapUserMappings,
  ldapTargetSchemaFor,
  ldapToScimGroupMappings,
  openLdapToScimUserMappings,
} from '../../connectors/ldap/default-mappings';
import type { ConnectionRecord } from '../../store/connections-repo';
import type { AppContext } from '../context';
import { looksLikeActiveDirectory } from './target-disable';

function normalised(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The first column whose name is one of `candidates` (ignoring case and punctuation). */
function pick(
  columns: readonly string[],
  candidates: readonly string[],
  preferred?: unknown,
): string | undefined {
  if (typeof preferred === 'string' && columns.includes(preferred)) return preferred;
  const byKey = new Map(columns.map((c) => [normalised(c), c]));
  for (const candidate of candidates) {
    const found = byKey.get(normalised(candidate));
    if (found) return found;
  }
  return undefined;
}

/** An HR export's columns, recognised by their usual names. */
export function hrColumns(columns: readonly string[], settings: Record<string, unknown>) {
  const email = pick(columns, ['userPrincipalName', 'upn', 'email', 'mail', 'emailAddress', 'workEmail']);
  const employeeId = pick(
    columns,
    ['employeeId', 'employeeNumber', 'empNo', 'staffId', 'id'],
    settings['keyColumn'],
  );
  return {
    email,
    employeeId,
    userName: pick(columns, [
      'userPrincipalName',
      'upn',
      'userName',
      'login',
      'email',
      'mail',
      'emailAddress',
    ]),
    displayName: pick(columns, ['displayName', 'fullName', 'name'], settings['displayNameColumn']),
    givenName: pick(columns, ['givenName', 'firstName', 'first'], settings['givenNameColumn']),
    surname: pick(columns, ['surname', 'sn', 'lastName', 'familyName', 'last'], settings['surnameColumn']),
    jobTitle: pick(columns, ['jobTitle', 'title', 'position']),
    department: pick(columns, ['department', 'dept']),
    mobile: pick(columns, ['mobile', 'mobilePhone', 'cell', 'cellPhone']),
    telephoneNumber: pick(columns, ['telephoneNumber', 'phone', 'workPhone', 'officePhone']),
    manager: pick(columns, ['manager', 'managerId', 'managerEmployeeId'], settings['managerColumn']),
  };
}

function userMappingsFromCsv(
  columns: readonly string[],
  settings: Record<string, unknown>,
): AttributeMapping[] {
  const c = hrColumns(columns, settings);
  if (!c.userName) {
    throw refusal('invalidInput', 'csvNoSignInColumn', { columns: columns.join(', ') });
  }
  return defaultUserMappings({
    userName: c.userName,
    ...(c.employeeId ? { externalId: c.employeeId, employeeId: c.employeeId } : {}),
    ...(c.displayName ? { displayName: c.displayName } : {}),
    ...(c.givenName ? { givenName: c.givenName } : {}),
    ...(c.surname ? { surname: c.surname } : {}),
    ...(c.jobTitle ? { jobTitle: c.jobTitle } : {}),
    ...(c.email ? { mail: c.email } : {}),
    ...(c.mobile ? { mobile: c.mobile } : {}),
    ...(c.telephoneNumber ? { telephoneNumber: c.telephoneNumber } : {}),
    ...(c.department ? { department: c.department } : {}),
    ...(c.manager ? { manager: c.manager } : {}),
  });
}

/** Active Directory is recognised by the attributes only it has. */
export function isActiveDirectory(schema: readonly SourceSchemaAttribute[]): boolean {
  const names = new Set(schema.map((a) => a.name.toLowerCase()));
  return names.has('objectguid') || names.has('samaccountname') || names.has('useraccountcontrol');
}

function targetFlavour(target: ConnectionRecord): 'inetOrgPerson' | 'activeDirectory' {
  return looksLikeActiveDirectory(target.settings) ? 'activeDirectory' : 'inetOrgPerson';
}

/**
 * The job a pair of connections starts from (issue #5 "Defaults"): the §5.8 SCIM mappings named for
 * the source's attributes (HR export columns, AD or OpenLDAP), or the inbound HR → directory mappings.
 */
export async function defaultJobConfig(
  ctx: AppContext,
  name: string,
  sourceName: string,
  targetName: string,
): Promise<JobConfig> {
  const source = ctx.store.connections.findByName(sourceName);
  const target = ctx.store.connections.findByName(targetName);
  if (!source) throw refusal('invalidInput', 'connectionNamedMissing', { name: sourceName });
  if (!target) throw refusal('invalidInput', 'connectionNamedMissing', { name: targetName });
  const connector = await ctx.connectors.openSource(source);
  let schema: SourceSchemaAttribute[];
  try {
    schema = await connector.discoverSchema();
  } finally {
    await connector.close?.();
  }
  const userColumns = schema.filter((a) => a.objectType === 'User').map((a) => a.name);
  const hasGroups = connector.capabilities.groups;

  let users: AttributeMapping[];
  let groups: AttributeMapping[] | null = null;
  let targetSchema;
  if (target.kind === 'scim') {
    targetSchema = genericScimTargetSchema;
    if (source.kind === 'ldap') {
      users = isActiveDirectory(schema) ? adToScimUserMappings() : openLdapToScimUserMappings();
      groups = ldapToScimGroupMappings();
    } else {
      users = userMappingsFromCsv(userColumns, source.settings);
      groups = hasGroups ? defaultGroupMappings() : null;
    }
  } else if (target.kind === 'ldap' && source.kind === 'csv') {
    const flavour = targetFlavour(target);
    const c = hrColumns(userColumns, source.settings);
    if (!c.employeeId) throw refusal('invalidInput', 'csvNoEmployeeId');
    users = csvToLdapUserMappings(
      { ...c, employeeId: c.employeeId, ...(c.email ? { email: c.email } : {}) },
      flavour,
    );
    groups = hasGroups ? csvToLdapGroupMappings() : null;
    targetSchema = ldapTargetSchemaFor(flavour);
  } else {
    throw refusal('invalidInput', 'noDefaultMappings', {
      sourceKind: source.kind.toUpperCase(),
      targetKind: target.kind.toUpperCase(),
    });
  }
  return jobConfigSchema.parse({
    name,
    sourceConnection: source.name,
    targetConnection: target.name,
    settings: { scope: 'all' },
    objectMappings: [
      { name: 'Users', sourceObject: 'User', targetObject: 'User', attributeMappings: users },
      ...(groups
        ? [{ name: 'Groups', sourceObject: 'Group', targetObject: 'Group', attributeMappings: groups }]
        : []),
    ],
    targetSchema,
  });
}
