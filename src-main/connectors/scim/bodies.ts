/**
 * Create bodies (§17.3) and the full resource of a PUT (the fallback for servers without PATCH).
 * Null, "" and empty lists are never sent; groups are created without members (modifyMembers fills
 * them, so a large group never travels in one body).
 */
import type { AttributeChange } from '../connector';
import type { ObjectType, TargetValue } from '@shared/domain/schema';
import type { ScimDialect } from '@shared/domain/scim-dialect';
import { rulesOf } from './dialects';
import { getArray, isRecord, type JsonObject } from './json';
import {
  coreGroupSchema,
  coreUserSchema,
  enterpriseUserSchema,
  parseAttributePath,
  removePathValue,
  writePathValue,
  type AttributePath,
} from './paths';

/** The request dialect (issue 12): the name the connector has always used for it. */
export type ScimProfile = ScimDialect;

/** Entra adds this non-standard URI when it creates groups; some apps built for Entra expect it. */
export const entraLegacyGroupSchema =
  'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

function isEmpty(value: TargetValue): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function isMembersPath(type: ObjectType, path: AttributePath): boolean {
  return type === 'Group' && path.schema === null && path.attribute.toLowerCase() === 'members';
}

function containerFor(body: JsonObject, path: AttributePath): JsonObject {
  if (path.schema === null) return body;
  const existing = body[path.schema];
  if (isRecord(existing)) return existing;
  const created: JsonObject = {};
  body[path.schema] = created;
  return created;
}

/**
 * `schemas` lists the core schema and, in scim2, every extension the body uses (Roster decision,
 * §19). The Entra dialects list the enterprise extension on every user (E12), omit custom ones, and
 * add the ADSCIM group URI (E15), as Entra does.
 */
function schemasFor(type: ObjectType, extensions: Iterable<string>, profile: ScimProfile): string[] {
  const rules = rulesOf(profile);
  const schemas = [type === 'User' ? coreUserSchema : coreGroupSchema];
  const listed = [...extensions];
  if (type === 'User' && rules.alwaysEnterpriseSchema) listed.unshift(enterpriseUserSchema);
  for (const urn of listed) {
    if (!rules.customExtensionSchemas && urn.toLowerCase() !== enterpriseUserSchema.toLowerCase()) continue;
    if (!schemas.some((s) => s.toLowerCase() === urn.toLowerCase())) schemas.push(urn);
  }
  if (type === 'Group' && rules.adscimGroupSchema) schemas.push(entraLegacyGroupSchema);
  return schemas;
}

export function buildCreateBody(
  type: ObjectType,
  values: Readonly<Record<string, TargetValue>>,
  profile: ScimProfile,
): JsonObject {
  const body: JsonObject = { schemas: [] };
  const extensions = new Set<string>();
  for (const [text, value] of Object.entries(values)) {
    if (isEmpty(value)) continue;
    const path = parseAttributePath(text);
    if (isMembersPath(type, path)) continue;
    if (path.schema) extensions.add(path.schema);
    writePathValue(containerFor(body, path), path, value);
  }
  body['schemas'] = schemasFor(type, extensions, profile);
  if (rulesOf(profile).createMeta) body['meta'] = { resourceType: type };
  return body;
}

/**
 * The resource as it should be after `changes`, for PUT. Read-only `meta` is dropped; `schemas`
 * gains any extension a change writes into.
 */
export function buildReplacementBody(
  type: ObjectType,
  current: JsonObject,
  changes: readonly AttributeChange[],
): JsonObject {
  const body = structuredClone(current);
  delete body['meta'];
  const extensions = new Set<string>();
  for (const schema of getArray(body, 'schemas') ?? []) {
    if (typeof schema === 'string' && schema.toLowerCase().startsWith('urn:') && !isCore(schema))
      extensions.add(schema);
  }
  for (const change of changes) {
    const path = parseAttributePath(change.path);
    if (path.schema) extensions.add(path.schema);
    const container = containerFor(body, path);
    if (isEmpty(change.newValue)) removePathValue(container, path);
    else writePathValue(container, path, mergedValue(change));
    if (
      path.schema &&
      isRecord(body[path.schema]) &&
      Object.keys(body[path.schema] as JsonObject).length === 0
    ) {
      delete body[path.schema];
    }
  }
  // A PUT keeps the schemas the server returned plus any extension now written (RFC 7643 §3); the
  // Entra dialects' differences apply to create bodies only.
  body['schemas'] = schemasFor(type, extensions, 'scim2');
  return body;
}

function isCore(schema: string): boolean {
  const lower = schema.toLowerCase();
  return lower === coreUserSchema.toLowerCase() || lower === coreGroupSchema.toLowerCase();
}

/** MultiValueAddOnly keeps what the target has and adds what is missing. */
function mergedValue(change: AttributeChange): TargetValue {
  if (!change.addOnly || !Array.isArray(change.newValue)) return change.newValue;
  const old = Array.isArray(change.oldValue)
    ? change.oldValue
    : change.oldValue === null
      ? []
      : [String(change.oldValue)];
  const merged = [...old];
  for (const value of change.newValue) {
    if (!merged.some((existing) => existing.toLowerCase() === value.toLowerCase())) merged.push(value);
  }
  return merged;
}
