/**
 * The effective settings of an LDAP target once the server type is known: where users and groups
 * are created, the RDN attribute, object classes, the id attribute, and how an account is disabled
 * (AD: userAccountControl bit 2; elsewhere the configured attribute/value pair, if any).
 */
import type { LdapSettings } from '@shared/domain/connections';
import type { ObjectType } from '@shared/domain/schema';
import { defaultAnchorAttribute } from './anchors';
import type { ServerType } from './server-type';
import { splitList } from './source-config';

export type DisableMethod =
  | { kind: 'userAccountControl' }
  | { kind: 'attribute'; attribute: string; value: string; enableValue: string | null }
  | { kind: 'none' };

export interface TargetConfig {
  serverType: ServerType;
  idAttribute: string;
  searchBase: string;
  rdnAttribute: string;
  container: Record<ObjectType, string | null>;
  objectClasses: Record<ObjectType, string[]>;
  disable: DisableMethod;
}

/** The virtual target paths: the account state, the parent container (a move), the entry's DN. */
export const activePath = 'active';
export const containerPath = '__container';
export const dnPath = 'dn';
export const virtualPaths = new Set([activePath, containerPath, dnPath]);

export function targetConfig(serverType: ServerType, settings: LdapSettings): TargetConfig {
  const ad = serverType === 'activeDirectory';
  const userClasses = splitList(settings.userObjectClass);
  const groupClasses = splitList(settings.groupObjectClass);
  const userContainer = settings.targetContainer || null;
  const disable: DisableMethod = ad
    ? { kind: 'userAccountControl' }
    : settings.disableAttribute
      ? {
          kind: 'attribute',
          attribute: settings.disableAttribute,
          value: settings.disableValue || 'TRUE',
          enableValue: settings.enableValue || null,
        }
      : { kind: 'none' };
  return {
    serverType,
    idAttribute: defaultAnchorAttribute(serverType, settings.anchorAttribute),
    searchBase: settings.baseDn,
    rdnAttribute: settings.rdnAttribute || 'cn',
    container: { User: userContainer, Group: settings.groupContainer || userContainer },
    objectClasses: {
      User:
        userClasses.length > 0
          ? userClasses
          : ad
            ? ['top', 'person', 'organizationalPerson', 'user']
            : ['inetOrgPerson'],
      Group: groupClasses.length > 0 ? groupClasses : ad ? ['top', 'group'] : ['groupOfNames'],
    },
    disable,
  };
}

/** groupOfNames and groupOfUniqueNames must have a member (RFC 4519): an empty one holds a placeholder. */
export function needsPlaceholderMember(config: TargetConfig, objectClasses: readonly string[]): boolean {
  if (config.serverType === 'activeDirectory') return false;
  return objectClasses.some((c) => ['groupofnames', 'groupofuniquenames'].includes(c.toLowerCase()));
}

/** The empty DN: a valid DN-syntax value that names no entry, accepted by OpenLDAP for `member`. */
export const placeholderMember = '';
