/**
 * Which kind of directory answers, from its root DSE (RFC 4512 §5.1): Active Directory (and Samba's
 * AD DC) announce the LDAP_CAP_ACTIVE_DIRECTORY_OID capability; OpenLDAP's root DSE has the
 * OpenLDAProotDSE object class. Behaviour differs per kind: anchors, delta tokens, disable flags.
 */
import { textOf, textsOf, type LdapEntry } from './ldap-entry';

export type ServerType = 'activeDirectory' | 'openldap' | 'other';

export const adCapability = '1.2.840.113556.1.4.800';
export const pagedResultsControl = '1.2.840.113556.1.4.319';
export const showDeletedControl = '1.2.840.113556.1.4.417';
export const inChainRule = '1.2.840.113556.1.4.1941';

export interface RootDse {
  serverType: ServerType;
  namingContexts: string[];
  /** AD: the domain's naming context; elsewhere the first naming context. */
  defaultNamingContext: string | null;
  subschemaSubentry: string | null;
  supportedControls: string[];
  supportedExtensions: string[];
  vendor: string | null;
  /** AD only: the position for uSNChanged deltas, read before the search it guards. */
  highestCommittedUsn: string | null;
  /** AD only: the DC whose USNs these are (USNs of different DCs do not compare). */
  dsServiceName: string | null;
  dnsHostName: string | null;
}

/** Attributes asked of the root DSE (`+` for OpenLDAP's operational ones; AD ignores it). */
export const rootDseAttributes = [
  '*',
  '+',
  'namingContexts',
  'defaultNamingContext',
  'subschemaSubentry',
  'supportedControl',
  'supportedExtension',
  'supportedCapabilities',
  'vendorName',
  'vendorVersion',
  'objectClass',
  'highestCommittedUSN',
  'dsServiceName',
  'dnsHostName',
];

export function readRootDse(entry: LdapEntry): RootDse {
  const capabilities = textsOf(entry, 'supportedCapabilities');
  const classes = textsOf(entry, 'objectClass').map((c) => c.toLowerCase());
  const serverType: ServerType = capabilities.includes(adCapability)
    ? 'activeDirectory'
    : classes.includes('openldaprootdse')
      ? 'openldap'
      : 'other';
  const namingContexts = textsOf(entry, 'namingContexts');
  const vendorName = textOf(entry, 'vendorName');
  const vendorVersion = textOf(entry, 'vendorVersion');
  return {
    serverType,
    namingContexts,
    defaultNamingContext: textOf(entry, 'defaultNamingContext') ?? namingContexts[0] ?? null,
    subschemaSubentry: textOf(entry, 'subschemaSubentry'),
    supportedControls: [...new Set(textsOf(entry, 'supportedControl'))],
    supportedExtensions: [...new Set(textsOf(entry, 'supportedExtension'))],
    vendor: vendorName ? `${vendorName}${vendorVersion ? ` ${vendorVersion}` : ''}` : null,
    highestCommittedUsn: textOf(entry, 'highestCommittedUSN'),
    dsServiceName: textOf(entry, 'dsServiceName'),
    dnsHostName: textOf(entry, 'dnsHostName'),
  };
}

export function describeServerType(type: ServerType): string {
  return type === 'activeDirectory'
    ? 'Active Directory'
    : type === 'openldap'
      ? 'OpenLDAP'
      : 'Other LDAP server';
}

const controlNames: Record<string, string> = {
  [pagedResultsControl]: 'Paged results',
  [showDeletedControl]: 'Show deleted',
  '1.2.840.113556.1.4.473': 'Server-side sort',
  '1.2.840.113556.1.4.528': 'Notification',
  '1.2.840.113556.1.4.801': 'Security descriptor flags',
  '1.2.840.113556.1.4.1413': 'Permissive modify',
  '1.2.840.113556.1.4.2064': 'Show recycled',
  '1.2.840.113556.1.4.841': 'DirSync',
  '1.3.6.1.4.1.4203.1.9.1.1': 'Sync request (syncrepl)',
  '2.16.840.1.113730.3.4.9': 'Virtual list view',
  '2.16.840.1.113730.3.4.18': 'Proxied authorization',
  '1.3.6.1.4.1.4203.1.10.1': 'Subentries',
  '1.3.6.1.1.12': 'Assertion',
  '1.3.6.1.1.13.1': 'Pre-read',
  '1.3.6.1.1.13.2': 'Post-read',
  '1.2.826.0.1.3344810.2.3': 'Matched values',
  '2.16.840.1.113730.3.4.2': 'Manage DSA IT',
  '1.3.6.1.1.22': "Don't use copy",
};

/** `Paged results (1.2.840.113556.1.4.319)`, or the bare OID. */
export function describeControl(oid: string): string {
  const name = controlNames[oid];
  return name ? `${name} (${oid})` : oid;
}
