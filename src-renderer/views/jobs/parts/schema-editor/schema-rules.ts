import { closestMatch } from '@shared/expressions/suggest';
import type { JobConfig } from '@shared/domain/jobs';
import type { ObjectType, TargetSchemaAttribute } from '@shared/domain/schema';

/** How the target names its attributes: SCIM paths and URNs, LDAP attribute descriptions. */
export type TargetNaming = 'scim' | 'ldap';

export type AttributeNameProblem =
  | { code: 'nameRequired' }
  | { code: 'nameTaken'; name: string }
  | { code: 'nameReserved'; name: string }
  | { code: 'scimName'; name: string }
  | { code: 'scimUrnSeparator'; suggestion: string }
  | { code: 'scimUrnUnknown'; suggestion: string }
  | { code: 'scimUrnNoAttribute' }
  | { code: 'ldapName'; name: string };

/** The extension schemas admins add attributes of most; a URN close to one of them is a typo. */
export const knownScimUrns = [
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  'urn:ietf:params:scim:schemas:core:2.0:User',
  'urn:ietf:params:scim:schemas:core:2.0:Group',
];

const scimAttrName = '[A-Za-z][A-Za-z0-9_$-]*';
/** `name`, `name.givenName`, `emails[type eq "work"].value` (RFC 7643 §2.1, RFC 7644 §3.10). */
const scimPath = new RegExp(`^${scimAttrName}(\\[type eq "[^"\\]]+"\\])?(\\.${scimAttrName})?$`);
/** An LDAP attribute description: a name or a numeric OID, with options such as `;lang-ko` (RFC 4512 §2.5). */
const ldapDescription = /^([A-Za-z][A-Za-z0-9-]*|\d+(\.\d+)+)(;[A-Za-z0-9-]+)*$/;

const urnPrefix = /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+$/;

function checkScimName(name: string): AttributeNameProblem | null {
  if (!name.toLowerCase().startsWith('urn:')) return scimPath.test(name) ? null : { code: 'scimName', name };
  // `…:2.0:User.costCenter` is a common slip: a dot where the colon belongs.
  const dotted = knownScimUrns.find((u) => name.toLowerCase().startsWith(`${u.toLowerCase()}.`));
  if (dotted) return { code: 'scimUrnSeparator', suggestion: `${dotted}:${name.slice(dotted.length + 1)}` };
  // An extension attribute is the schema URN, a colon, then the attribute path: …:2.0:User:costCenter.
  const cut = name.lastIndexOf(':');
  const urn = name.slice(0, cut);
  const path = name.slice(cut + 1);
  if (!urnPrefix.test(urn) || !scimPath.test(path)) return { code: 'scimUrnNoAttribute' };
  const known = knownScimUrns.some((u) => u.toLowerCase() === urn.toLowerCase());
  if (!known) {
    // Apps publish their own extensions; only a URN a few letters away from a well-known one is a typo.
    const guess = closestMatch(urn, knownScimUrns);
    if (guess) return { code: 'scimUrnUnknown', suggestion: `${guess}:${path}` };
  }
  return null;
}

/** Problems of a new attribute's name, or null when it can be added. */
export function checkAttributeName(
  name: string,
  objectType: ObjectType,
  naming: TargetNaming,
  existing: readonly TargetSchemaAttribute[],
): AttributeNameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return { code: 'nameRequired' };
  const lower = trimmed.toLowerCase();
  const taken = existing.find((a) => a.objectType === objectType && a.name.toLowerCase() === lower);
  if (taken) return { code: 'nameTaken', name: taken.name };
  if (naming === 'scim' && (lower === 'id' || lower === 'schemas' || lower === 'meta'))
    return { code: 'nameReserved', name: trimmed };
  if (naming === 'ldap') return ldapDescription.test(trimmed) ? null : { code: 'ldapName', name: trimmed };
  return checkScimName(trimmed);
}

/** The object mappings whose attribute mappings write this target attribute. */
export function mappingsUsing(
  config: Pick<JobConfig, 'objectMappings'>,
  attribute: Pick<TargetSchemaAttribute, 'objectType' | 'name'>,
): string[] {
  const lower = attribute.name.toLowerCase();
  return config.objectMappings
    .filter(
      (m) =>
        m.targetObject === attribute.objectType &&
        m.attributeMappings.some((a) => a.target.toLowerCase() === lower),
    )
    .map((m) => m.name);
}

export type DeleteBlock = { code: 'usedBy'; mappings: string } | { code: 'primaryKey' };

/** Why an attribute cannot be deleted from the list, or null when it can. */
export function deleteBlock(
  config: Pick<JobConfig, 'objectMappings'>,
  attribute: TargetSchemaAttribute,
): DeleteBlock | null {
  if (attribute.primaryKey) return { code: 'primaryKey' };
  const users = mappingsUsing(config, attribute);
  return users.length > 0 ? { code: 'usedBy', mappings: users.join(', ') } : null;
}
