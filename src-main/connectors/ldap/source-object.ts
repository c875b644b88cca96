/**
 * One directory entry → one SourceObject: the anchor (objectGUID as a GUID string on AD, entryUUID
 * elsewhere), typed attributes, the disabled flag (AD userAccountControl bit 2, or the configured
 * attribute/value elsewhere) shown as `accountEnabled`, `dn`, and for groups the anchors of their
 * direct members (users and nested groups alike, so nested membership is visible to the engine).
 */
import type { ObjectType, SourceValue } from '@shared/domain/schema';
import { ConnectorError, type SourceObject } from '../connector';
import { hashKeys, objectHash, type HashKeys } from '../csv/object-hash';
import { isAccountDisabled } from './ad-values';
import type { AttributeCatalog } from './attribute-catalog';
import { textOf, textsOf, type LdapEntry } from './ldap-entry';
import { isSkippedAttribute, typedValue, type TypingContext } from './source-values';
import type { ServerType } from './server-type';
import { anchorOf } from './anchors';

export interface DisableRule {
  attribute: string;
  /** Null: any value of the attribute means disabled. */
  value: string | null;
}

export interface ObjectContext extends TypingContext {
  serverType: ServerType;
  catalog: AttributeCatalog;
  anchorAttribute: string;
  disableRule: DisableRule | null;
  /** Per type, the lower-cased attributes a hash covers (SourceReadOptions.hashedAttributes). */
  hashedAttributes?: Partial<Record<ObjectType, ReadonlySet<string>>>;
}

/** Attributes that become `members` on groups rather than attributes of their own. */
export const memberAttributes = ['member', 'uniqueMember'];

function isDisabled(entry: LdapEntry, context: ObjectContext): boolean {
  if (context.serverType === 'activeDirectory') {
    const flags = Number(textOf(entry, 'userAccountControl') ?? '0');
    return Number.isFinite(flags) && isAccountDisabled(flags);
  }
  const rule = context.disableRule;
  if (!rule) return false;
  const values = textsOf(entry, rule.attribute);
  if (rule.value === null) return values.length > 0;
  const wanted = rule.value.toLowerCase();
  return values.some((v) => v.toLowerCase() === wanted);
}

function displayNameOf(entry: LdapEntry): string {
  for (const name of ['displayName', 'cn', 'name', 'uid', 'sAMAccountName']) {
    const value = textOf(entry, name);
    if (value) return value;
  }
  return entry.dn;
}

/**
 * Builds the object. `members` are the DN values already gathered (ranged retrieval done by the
 * caller) for groups; ignored for users.
 */
export function toSourceObject(
  type: ObjectType,
  entry: LdapEntry,
  context: ObjectContext,
  memberDns: readonly string[] = [],
): SourceObject {
  const anchor = anchorOf(entry, context.anchorAttribute);
  if (anchor === null) {
    throw new ConnectorError(
      'stopCycle',
      'AnchorMissing',
      `${entry.dn} has no ${context.anchorAttribute}, so Roster cannot follow it between cycles; set the connection's anchor attribute.`,
      { location: entry.dn },
    );
  }
  const attributes: Record<string, SourceValue> = {};
  for (const attribute of entry.attributes.values()) {
    const lower = attribute.name.toLowerCase();
    if (isSkippedAttribute(lower) || lower.includes(';range=')) continue;
    if (type === 'Group' && memberAttributes.some((m) => m.toLowerCase() === lower)) continue;
    const meta = context.catalog.get(attribute.name);
    const name = meta?.name ?? attribute.name;
    attributes[name] = typedValue(name, attribute.values, meta, context);
  }
  const disabled = type === 'User' && isDisabled(entry, context);
  attributes['dn'] = entry.dn;
  if (type === 'User') attributes['accountEnabled'] = !disabled;
  const displayName = displayNameOf(entry);
  let members: string[] | undefined;
  if (type === 'Group') {
    const anchors = new Set<string>();
    for (const dn of memberDns) {
      // The empty DN is the placeholder that keeps an empty groupOfNames valid: no member.
      if (dn.trim() === '') continue;
      const member = context.resolveDn(dn);
      if (member === null) context.unresolved('member', dn);
      else anchors.add(member);
    }
    members = [...anchors].sort();
    // groupOfNames has no displayName; the default Groups mapping reads one (§5.8).
    attributes['displayName'] ??= displayName;
    attributes['members'] = members;
  }
  // One literal, hash filled in after: an object spread into a new literal with fields added gets a
  // hidden class of its own in V8 (one map per entry, and megamorphic reads of every source object).
  const object: SourceObject = members
    ? {
        type,
        anchor,
        displayName,
        attributes,
        disabled,
        softDeleted: false,
        members,
        hash: '',
        origin: entry.dn,
      }
    : { type, anchor, displayName, attributes, disabled, softDeleted: false, hash: '', origin: entry.dn };
  const hashed = context.hashedAttributes?.[type];
  object.hash = objectHash(object, hashed ? hashKeysFor(Object.keys(attributes), hashed) : undefined);
  return object;
}

/** Distinct attribute-name lists remembered per hashed set; entries past it build their keys each. */
const maxNameLists = 256;
/** Per hashed set (one per cycle and type, so a cycle's lists go with it): name list → its HashKeys. */
const keysByNames = new WeakMap<ReadonlySet<string>, Map<string, HashKeys>>();

/**
 * The HashKeys of the entry's attribute names that `hashed` covers. Entries of one object class
 * mostly carry the same names in the same order, so the filter, the sort and the quoting run once per
 * distinct name list rather than once per entry (the CSV source builds them once per file).
 */
function hashKeysFor(names: readonly string[], hashed: ReadonlySet<string>): HashKeys {
  let byNames = keysByNames.get(hashed);
  if (!byNames) keysByNames.set(hashed, (byNames = new Map<string, HashKeys>()));
  const signature = names.join('\u0000');
  let keys = byNames.get(signature);
  if (!keys) {
    keys = hashKeys(names.filter((n) => hashed.has(n.toLowerCase())));
    if (byNames.size < maxNameLists) byNames.set(signature, keys);
  }
  return keys;
}
