/**
 * Raw LDAP values → typed source values (SourceValue), per the attribute's Roster type from the
 * server's schema: DN values become anchors (by the read's DN index), GeneralizedTime and FILETIME
 * become ISO dates, objectGUID and objectSid become their familiar text, binary becomes base64.
 */
import type { AttributeType, SourceValue } from '@shared/domain/schema';
import { fileTimeToIso, generalizedTimeToIso, guidToString, sidToString } from './ad-values';
import type { CatalogAttribute } from './attribute-catalog';
import type { RawValue } from './ldap-entry';

/**
 * Never read, never hashed: passwords (Roster never reads them) and bookkeeping that changes on every
 * logon or replication and would make every user look changed on every cycle.
 */
const skipped = new Set(
  [
    'userPassword',
    'unicodePwd',
    'dBCSPwd',
    'supplementalCredentials',
    'ntPwdHistory',
    'lmPwdHistory',
    'sambaNTPassword',
    'sambaLMPassword',
    'authPassword',
    'msDS-KeyCredentialLink',
    'lastLogon',
    'lastLogonTimestamp',
    'lastLogoff',
    'logonCount',
    'badPwdCount',
    'badPasswordTime',
    'uSNChanged',
    'uSNCreated',
    'whenChanged',
    'modifyTimestamp',
    'entryCSN',
    'contextCSN',
    'modifiersName',
    'dSCorePropagationData',
    'replPropertyMetaData',
    'msDS-ReplAttributeMetaData',
    'nTSecurityDescriptor',
    'pwdChangedTime',
    'pwdFailureTime',
    'pwdHistory',
    'pwdGraceUseTime',
    'structuralObjectClass',
    'entryDN',
    'subschemaSubentry',
    'hasSubordinates',
    'creatorsName',
    'instanceType',
    'objectCategory',
    'memberOf',
  ].map((n) => n.toLowerCase()),
);

/** True for attributes a source read leaves out (see `skipped`). memberOf is left to groups' member lists. */
export function isSkippedAttribute(name: string): boolean {
  return skipped.has(name.toLowerCase());
}

function text(value: RawValue): string {
  return typeof value === 'string' ? value : value.toString('utf8');
}

function bytes(value: RawValue): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

export interface TypingContext {
  /** DN → anchor of the objects of this read; null for an unknown DN. */
  resolveDn(dn: string): string | null;
  /** Reports a DN value that names no object of the read (kept out of the value). */
  unresolved(attribute: string, dn: string): void;
}

function scalar(
  name: string,
  type: AttributeType,
  raw: RawValue,
  meta: CatalogAttribute | undefined,
): string | number | boolean | null {
  const lower = name.toLowerCase();
  if (lower === 'objectguid') return bytes(raw).length === 16 ? guidToString(bytes(raw)) : text(raw);
  if (lower === 'objectsid' || lower === 'sidhistory') return sidToString(bytes(raw));
  if (meta?.fileTime) return fileTimeToIso(text(raw));
  switch (type) {
    case 'Integer': {
      const t = text(raw).trim();
      const n = Number(t);
      // AD's Large Integers go beyond 2^53: kept as exact digits rather than rounded.
      return /^-?\d+$/.test(t) && Number.isSafeInteger(n) ? n : t;
    }
    case 'Boolean': {
      const t = text(raw).trim().toUpperCase();
      return t === 'TRUE' ? true : t === 'FALSE' ? false : text(raw);
    }
    case 'DateTime':
      return generalizedTimeToIso(text(raw)) ?? text(raw);
    case 'Binary':
      return bytes(raw).toString('base64');
    default:
      return text(raw);
  }
}

/** The typed value of one attribute; Reference values are anchors (unknown DNs reported, left out). */
export function typedValue(
  name: string,
  values: readonly RawValue[],
  meta: CatalogAttribute | undefined,
  context: TypingContext,
): SourceValue {
  const type: AttributeType = meta?.type ?? 'String';
  const multi = meta ? meta.multiValued : values.length > 1;
  let out: (string | number | boolean)[];
  if (type === 'Reference') {
    out = [];
    for (const value of values) {
      // uniqueMember may carry an optional UID after '#' (RFC 4517 NameAndOptionalUID).
      const dn = text(value).replace(/#'[01]*'B$/, '');
      if (dn.trim() === '') continue;
      const anchor = context.resolveDn(dn);
      if (anchor === null) context.unresolved(name, dn);
      else out.push(anchor);
    }
  } else {
    out = values
      .map((v) => scalar(name, type, v, meta))
      .filter((v): v is string | number | boolean => v !== null);
  }
  if (!multi) return out[0] ?? null;
  if (out.length === 0) return null;
  return out.map(String);
}
