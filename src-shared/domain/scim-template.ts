import type { AttributeMapping } from './jobs';
import { targetAttribute as attr, type TargetSchemaAttribute } from './schema';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/**
 * The target schema of a generic SCIM 2.0 app (RFC 7643 core User and Group, enterprise extension):
 * what a new SCIM job starts from before discovery adds the app's own attributes.
 */
export const genericScimTargetSchema: TargetSchemaAttribute[] = [
  attr('User', 'id', { primaryKey: true }),
  attr('User', 'userName', { required: true }),
  attr('User', 'active', { type: 'Boolean' }),
  attr('User', 'externalId', { caseExact: true }),
  attr('User', 'displayName'),
  attr('User', 'nickName'),
  attr('User', 'name.givenName'),
  attr('User', 'name.familyName'),
  attr('User', 'name.formatted'),
  attr('User', 'title'),
  attr('User', 'preferredLanguage'),
  attr('User', 'locale'),
  attr('User', 'timezone'),
  attr('User', 'userType'),
  attr('User', 'emails[type eq "work"].value'),
  attr('User', 'emails[type eq "other"].value'),
  attr('User', 'phoneNumbers[type eq "work"].value'),
  attr('User', 'phoneNumbers[type eq "mobile"].value'),
  attr('User', 'phoneNumbers[type eq "fax"].value'),
  attr('User', 'addresses[type eq "work"].streetAddress'),
  attr('User', 'addresses[type eq "work"].locality'),
  attr('User', 'addresses[type eq "work"].postalCode'),
  attr('User', 'addresses[type eq "work"].country'),
  attr('User', 'addresses[type eq "other"].formatted'),
  attr('User', `${enterprise}:employeeNumber`),
  attr('User', `${enterprise}:department`),
  attr('User', `${enterprise}:division`),
  attr('User', `${enterprise}:costCenter`),
  attr('User', `${enterprise}:organization`),
  attr('User', `${enterprise}:manager`, { type: 'Reference', referencedObject: 'User' }),
  attr('Group', 'id', { primaryKey: true }),
  attr('Group', 'displayName', { required: true }),
  attr('Group', 'externalId', { caseExact: true }),
  attr('Group', 'members', { type: 'Reference', referencedObject: 'User', multiValued: true }),
];

export const enterpriseUserUrn = enterprise;

function map(
  target: string,
  type: AttributeMapping['type'],
  source: string,
  extra: Partial<AttributeMapping> = {},
): AttributeMapping {
  return { target, type, source, apply: 'Always', matchingPriority: 0, ...extra };
}

/** §5.8 default mappings, for a source whose attribute names are given (they differ per source). */
export function defaultUserMappings(names: {
  userName: string;
  externalId?: string;
  displayName?: string;
  givenName?: string;
  surname?: string;
  jobTitle?: string;
  mail?: string;
  mobile?: string;
  telephoneNumber?: string;
  department?: string;
  employeeId?: string;
  manager?: string;
}): AttributeMapping[] {
  const list: AttributeMapping[] = [
    map('userName', 'Direct', names.userName, { matchingPriority: 1 }),
    map('active', 'Expression', 'Not([IsSoftDeleted])'),
  ];
  const optional: [keyof typeof names, string][] = [
    ['externalId', 'externalId'],
    ['displayName', 'displayName'],
    ['givenName', 'name.givenName'],
    ['surname', 'name.familyName'],
    ['jobTitle', 'title'],
    ['mail', 'emails[type eq "work"].value'],
    ['telephoneNumber', 'phoneNumbers[type eq "work"].value'],
    ['mobile', 'phoneNumbers[type eq "mobile"].value'],
    ['department', `${enterprise}:department`],
    ['employeeId', `${enterprise}:employeeNumber`],
    ['manager', `${enterprise}:manager`],
  ];
  for (const [key, target] of optional) {
    const source = names[key];
    if (source) list.push(map(target, 'Direct', source));
  }
  return list;
}

export function defaultGroupMappings(): AttributeMapping[] {
  return [
    map('displayName', 'Direct', 'displayName', { matchingPriority: 1 }),
    map('externalId', 'Direct', 'objectId'),
    map('members', 'Direct', 'members'),
  ];
}
