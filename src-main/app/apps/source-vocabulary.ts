/**
 * Profile mappings read Entra ID's attribute names (profileSourceAttributes); a real source names
 * them its own way. This is the dictionary from one to the other, per kind of source, so a profile
 * written once works from an HR file, Active Directory or OpenLDAP alike.
 */
import type { ProfileSourceAttribute } from '@shared/domain/app-profile';
import type { SourceSchemaAttribute } from '@shared/domain/schema';
import type { ConnectionRecord } from '../../store/connections-repo';
import { hrColumns, isActiveDirectory } from '../jobs/job-defaults';

export type SourceVocabulary = Partial<Record<ProfileSourceAttribute, string>>;

/** Names every source has: the engine's virtual attribute and the group attributes sources share. */
const common: SourceVocabulary = {
  IsSoftDeleted: 'IsSoftDeleted',
};

const groupAttributes: SourceVocabulary = { members: 'members' };

const activeDirectory: SourceVocabulary = {
  userPrincipalName: 'userPrincipalName',
  mail: 'mail',
  mailNickname: 'sAMAccountName',
  givenName: 'givenName',
  surname: 'sn',
  displayName: 'displayName',
  jobTitle: 'title',
  department: 'department',
  employeeId: 'employeeID',
  manager: 'manager',
  objectId: 'objectGUID',
  telephoneNumber: 'telephoneNumber',
  mobile: 'mobile',
  accountEnabled: 'accountEnabled',
};

const openLdap: SourceVocabulary = {
  userPrincipalName: 'mail',
  mail: 'mail',
  mailNickname: 'uid',
  givenName: 'givenName',
  surname: 'sn',
  displayName: 'displayName',
  jobTitle: 'title',
  department: 'departmentNumber',
  employeeId: 'employeeNumber',
  manager: 'manager',
  objectId: 'entryUUID',
  telephoneNumber: 'telephoneNumber',
  mobile: 'mobile',
  accountEnabled: 'accountEnabled',
};

function csvVocabulary(columns: readonly string[], settings: Record<string, unknown>): SourceVocabulary {
  const c = hrColumns(columns, settings);
  const pairs: [ProfileSourceAttribute, string | undefined][] = [
    ['userPrincipalName', c.userName],
    ['mail', c.email],
    ['givenName', c.givenName],
    ['surname', c.surname],
    ['displayName', c.displayName],
    ['jobTitle', c.jobTitle],
    ['department', c.department],
    ['employeeId', c.employeeId],
    ['manager', c.manager],
    // The key column is the HR system's stable id: what Entra's objectId is to a gallery app.
    ['objectId', c.employeeId],
    ['telephoneNumber', c.telephoneNumber],
    ['mobile', c.mobile],
  ];
  const vocabulary: SourceVocabulary = {};
  for (const [name, column] of pairs) if (column) vocabulary[name] = column;
  return vocabulary;
}

/** The vocabulary for users and for groups of one source, given its discovered schema. */
export function sourceVocabulary(
  source: ConnectionRecord,
  schema: readonly SourceSchemaAttribute[],
): { users: SourceVocabulary; groups: SourceVocabulary } {
  const userNames = schema.filter((a) => a.objectType === 'User').map((a) => a.name);
  const groupNames = new Set(schema.filter((a) => a.objectType === 'Group').map((a) => a.name.toLowerCase()));
  let users: SourceVocabulary;
  if (source.kind === 'csv') users = csvVocabulary(userNames, source.settings);
  else users = isActiveDirectory(schema) ? activeDirectory : openLdap;
  const groups: SourceVocabulary = { ...groupAttributes };
  for (const name of ['displayName', 'objectId'] as const)
    if (groupNames.has(name.toLowerCase())) groups[name] = name;
  return { users: { ...common, ...users }, groups: { ...common, ...groups } };
}
