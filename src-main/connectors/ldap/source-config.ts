/**
 * The effective search configuration of an LDAP source once the server type is known: bases,
 * filters (the admin's, or defaults per server type), object classes, the anchor attribute, the
 * disable rule, paging and the full-read cadence.
 */
import type { LdapSettings } from '@shared/domain/connections';
import { defaultAnchorAttribute } from './anchors';
import { andFilter, orFilter } from './filter';
import type { ServerType } from './server-type';
import type { DisableRule } from './source-object';

export interface SourceConfig {
  userBase: string;
  groupBase: string;
  userFilter: string;
  groupFilter: string;
  userClasses: string[];
  groupClasses: string[];
  anchorAttribute: string;
  disableRule: DisableRule | null;
  pageSize: number;
  fullReadEveryCycles: number;
}

/** With a 40-minute interval, a full read (finding deletions by comparison) about every 16 hours. */
export const defaultFullReadEveryCycles = 24;

export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function userClassesFor(
  serverType: ServerType,
  settings: Pick<LdapSettings, 'userObjectClass'>,
): string[] {
  const configured = splitList(settings.userObjectClass);
  if (configured.length > 0) return configured;
  return serverType === 'activeDirectory' ? ['user'] : ['inetOrgPerson'];
}

export function groupClassesFor(
  serverType: ServerType,
  settings: Pick<LdapSettings, 'groupObjectClass'>,
): string[] {
  const configured = splitList(settings.groupObjectClass);
  if (configured.length > 0) return configured;
  return serverType === 'activeDirectory' ? ['group'] : ['groupOfNames', 'groupOfUniqueNames'];
}

export function sourceConfig(serverType: ServerType, settings: LdapSettings): SourceConfig {
  const userClasses = userClassesFor(serverType, settings);
  const groupClasses = groupClassesFor(serverType, settings);
  // AD computers are users too (objectClass=user); objectCategory=person leaves them out.
  const defaultUserFilter =
    serverType === 'activeDirectory' && !settings.userObjectClass
      ? '(&(objectCategory=person)(objectClass=user))'
      : orFilter(userClasses.map((c) => `(objectClass=${c})`));
  const defaultGroupFilter = orFilter(groupClasses.map((c) => `(objectClass=${c})`));
  return {
    userBase: settings.userSearchBase || settings.baseDn,
    groupBase: settings.groupSearchBase || settings.baseDn,
    userFilter: settings.userFilter ? andFilter(settings.userFilter) : defaultUserFilter,
    groupFilter: settings.groupFilter ? andFilter(settings.groupFilter) : defaultGroupFilter,
    userClasses,
    groupClasses,
    anchorAttribute: defaultAnchorAttribute(serverType, settings.anchorAttribute),
    disableRule:
      serverType !== 'activeDirectory' && settings.disableAttribute
        ? { attribute: settings.disableAttribute, value: settings.disableValue || null }
        : null,
    pageSize: settings.pageSize,
    fullReadEveryCycles: settings.fullReadEveryCycles ?? defaultFullReadEveryCycles,
  };
}
