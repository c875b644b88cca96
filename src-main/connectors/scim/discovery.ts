/**
 * Discovery (§17.1, on admin request): /ServiceProviderConfig for capabilities, /ResourceTypes for
 * which resources and extensions exist, /Schemas for attributes. Each endpoint is optional: a server
 * without one still works with Roster's defaults, and the details say what was missing. Only
 * credential and transient failures abort discovery.
 */
import type { TargetCapabilities, TargetDiscovery } from '../connector';
import { isConnectorError } from '../connector';
import type { AttributeType, ObjectType, TargetSchemaAttribute } from '@shared/domain/schema';
import { tooLargeCode, unreadableCode } from './answer-errors';
import { incompatibleCode } from './errors';
import type { ScimHttpClient } from './http-client';
import { getArray, getBoolean, getNumber, getRecord, getString, isRecord, type JsonObject } from './json';
import { coreGroupSchema, coreUserSchema } from './paths';
import { readListResponse } from './resources';

export interface DiscoveryOptions {
  maxMembersPerPatch: number;
}

type Fetched = { ok: true; body: unknown } | { ok: false; reason: string };

async function fetchOptional(client: ScimHttpClient, endpoint: string): Promise<Fetched> {
  try {
    const response = await client.send({
      method: 'GET',
      segments: [endpoint],
      notFound: 'endpoint',
      idempotent: true,
    });
    return { ok: true, body: response.body };
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    // An endpoint that answers an HTML page or something huge is as good as missing (retried first:
    // an unreadable answer is transient, so only one that persists gets here).
    if (error.code === unreadableCode) return { ok: false, reason: 'not SCIM JSON' };
    if (error.code === tooLargeCode) return { ok: false, reason: 'answer too large' };
    // Wrong credentials or an unreachable server are real failures; a missing endpoint is not.
    if (error.errorClass === 'transient' || error.info.status === 401 || error.info.status === 403)
      throw error;
    return {
      ok: false,
      reason:
        error.code === incompatibleCode || !error.info.status ? 'not SCIM JSON' : `HTTP ${error.info.status}`,
    };
  }
}

/** Lists from /ResourceTypes and /Schemas: a ListResponse, or (some servers) a bare array. */
function listOf(body: unknown): JsonObject[] {
  if (Array.isArray(body)) return (body as unknown[]).filter(isRecord);
  return readListResponse(body)?.resources ?? [];
}

export function capabilitiesFromConfig(
  config: unknown,
  options: DiscoveryOptions,
): Partial<TargetCapabilities> {
  if (!isRecord(config)) return {};
  const capabilities: Partial<TargetCapabilities> = {};
  const patch = getRecord(config, 'patch');
  const bulk = getRecord(config, 'bulk');
  const filter = getRecord(config, 'filter');
  const patchSupported = patch ? getBoolean(patch, 'supported') : undefined;
  if (patchSupported !== undefined) capabilities.patch = patchSupported;
  const bulkSupported = bulk ? getBoolean(bulk, 'supported') : undefined;
  if (bulkSupported !== undefined) capabilities.bulk = bulkSupported;
  const filterSupported = filter ? getBoolean(filter, 'supported') : undefined;
  if (filterSupported !== undefined) capabilities.filter = filterSupported;
  const maxResults = filter ? getNumber(filter, 'maxResults') : undefined;
  if (maxResults !== undefined && maxResults > 0) capabilities.maxResults = maxResults;
  // §17.4: the member chunk is lowered to the server's bulk.maxOperations when it declares a positive one.
  const maxOperations = bulk ? getNumber(bulk, 'maxOperations') : undefined;
  capabilities.maxOperations =
    maxOperations !== undefined && maxOperations > 0
      ? Math.min(options.maxMembersPerPatch, maxOperations)
      : options.maxMembersPerPatch;
  return capabilities;
}

const typeNames: Record<string, AttributeType> = {
  string: 'String',
  boolean: 'Boolean',
  integer: 'Integer',
  datetime: 'DateTime',
  reference: 'Reference',
  binary: 'Binary',
  // No decimal type in Roster's schema: a decimal travels as its string form.
  decimal: 'String',
};

/** RFC 7643 §4.1.2 canonical types, for servers whose schema omits canonicalValues. */
const defaultCanonicalTypes: Record<string, string[]> = {
  emails: ['work', 'home', 'other'],
  phonenumbers: ['work', 'mobile', 'fax', 'home', 'pager', 'other'],
  addresses: ['work', 'home', 'other'],
};

const skippedCore = new Set(['id', 'meta', 'schemas']);
const elementHousekeeping = new Set(['type', 'primary', 'display', '$ref']);

function attributeType(attribute: JsonObject): AttributeType {
  return typeNames[(getString(attribute, 'type') ?? 'string').toLowerCase()] ?? 'String';
}

function isWritable(attribute: JsonObject): boolean {
  return (getString(attribute, 'mutability') ?? 'readWrite').toLowerCase() !== 'readonly';
}

function referencedObject(attribute: JsonObject): ObjectType | undefined {
  const types = (getArray(attribute, 'referenceTypes') ?? []).filter(
    (t): t is string => typeof t === 'string',
  );
  if (types.some((t) => t.toLowerCase() === 'user')) return 'User';
  if (types.some((t) => t.toLowerCase() === 'group')) return 'Group';
  return undefined;
}

function subAttributesOf(attribute: JsonObject): JsonObject[] {
  return (getArray(attribute, 'subAttributes') ?? []).filter(isRecord).filter(isWritable);
}

function entry(
  objectType: ObjectType,
  name: string,
  source: JsonObject,
  overrides: Partial<TargetSchemaAttribute> = {},
): TargetSchemaAttribute {
  const reference = referencedObject(source);
  const description = getString(source, 'description');
  return {
    objectType,
    name,
    type: attributeType(source),
    primaryKey: false,
    required: getBoolean(source, 'required') ?? false,
    multiValued: getBoolean(source, 'multiValued') ?? false,
    caseExact: getBoolean(source, 'caseExact') ?? false,
    ...(reference ? { referencedObject: reference } : {}),
    ...(description ? { description: description.slice(0, 500) } : {}),
    ...overrides,
  };
}

/** One schema attribute → the mapping paths it offers (§5.7 path forms). */
export function attributePaths(
  objectType: ObjectType,
  prefix: string,
  attribute: JsonObject,
): TargetSchemaAttribute[] {
  const name = getString(attribute, 'name');
  if (!name || !isWritable(attribute)) return [];
  if (prefix === '' && skippedCore.has(name.toLowerCase())) return [];
  const complex = (getString(attribute, 'type') ?? '').toLowerCase() === 'complex';
  const multiValued = getBoolean(attribute, 'multiValued') ?? false;
  const subs = subAttributesOf(attribute);
  const full = `${prefix}${name}`;
  if (!complex) return [entry(objectType, full, attribute)];

  const valueSub = subs.find((s) => getString(s, 'name')?.toLowerCase() === 'value');
  if (objectType === 'Group' && prefix === '' && name.toLowerCase() === 'members') {
    return [
      entry(objectType, 'members', attribute, {
        type: 'Reference',
        multiValued: true,
        referencedObject: 'User',
      }),
    ];
  }
  if (!multiValued) {
    // A single complex reference such as the enterprise manager maps as one path (§5.8).
    if (name.toLowerCase() === 'manager' && valueSub) {
      return [
        entry(objectType, full, attribute, {
          type: 'Reference',
          multiValued: false,
          referencedObject: 'User',
        }),
      ];
    }
    return subs.flatMap((sub) => {
      const subName = getString(sub, 'name');
      return subName ? [entry(objectType, `${full}.${subName}`, sub, { multiValued: false })] : [];
    });
  }
  if (prefix === '' && name.toLowerCase() === 'roles') {
    return ['value', 'display', 'type'].map((subName) =>
      entry(objectType, `roles[primary eq "True"].${subName}`, valueSub ?? attribute, {
        type: 'String',
        multiValued: false,
      }),
    );
  }
  const typeSub = subs.find((s) => getString(s, 'name')?.toLowerCase() === 'type');
  const canonical = (typeSub ? (getArray(typeSub, 'canonicalValues') ?? []) : []).filter(
    (v): v is string => typeof v === 'string',
  );
  const types = canonical.length > 0 ? canonical : (defaultCanonicalTypes[name.toLowerCase()] ?? []);
  if (typeSub && types.length > 0) {
    const valueSubs = subs.filter(
      (s) => !elementHousekeeping.has((getString(s, 'name') ?? '').toLowerCase()),
    );
    return types.flatMap((type) =>
      valueSubs.flatMap((sub) => {
        const subName = getString(sub, 'name');
        return subName
          ? [
              entry(objectType, `${full}[type eq ${JSON.stringify(type)}].${subName}`, sub, {
                multiValued: false,
              }),
            ]
          : [];
      }),
    );
  }
  return [entry(objectType, full, valueSub ?? attribute, { multiValued: true })];
}

interface SchemaTargets {
  objectType: ObjectType;
  /** '' for the core schema (plain paths), `<urn>:` for an extension. */
  prefix: string;
}

function targetsOf(
  schemaId: string,
  userExtensions: ReadonlySet<string>,
  groupExtensions: ReadonlySet<string>,
): SchemaTargets | null {
  const id = schemaId.toLowerCase();
  if (id === coreUserSchema.toLowerCase()) return { objectType: 'User', prefix: '' };
  if (id === coreGroupSchema.toLowerCase()) return { objectType: 'Group', prefix: '' };
  if (userExtensions.has(id)) return { objectType: 'User', prefix: `${schemaId}:` };
  if (groupExtensions.has(id)) return { objectType: 'Group', prefix: `${schemaId}:` };
  // Without /ResourceTypes, an extension whose URN ends in ":User" or ":Group" is taken at its word.
  if (/:user$/i.test(schemaId) && id.includes(':extension:'))
    return { objectType: 'User', prefix: `${schemaId}:` };
  if (/:group$/i.test(schemaId) && id.includes(':extension:'))
    return { objectType: 'Group', prefix: `${schemaId}:` };
  return null;
}

export function schemaFromDefinitions(
  schemas: readonly JsonObject[],
  resourceTypes: readonly JsonObject[],
): TargetSchemaAttribute[] {
  const userExtensions = new Set<string>();
  const groupExtensions = new Set<string>();
  for (const resourceType of resourceTypes) {
    const name = (getString(resourceType, 'name') ?? getString(resourceType, 'id') ?? '').toLowerCase();
    const set = name === 'user' ? userExtensions : name === 'group' ? groupExtensions : null;
    for (const extension of (getArray(resourceType, 'schemaExtensions') ?? []).filter(isRecord)) {
      const urn = getString(extension, 'schema');
      if (urn && set) set.add(urn.toLowerCase());
    }
  }
  const result: TargetSchemaAttribute[] = [];
  const seen = new Set<string>();
  for (const schema of schemas) {
    const id = getString(schema, 'id');
    const targets = id ? targetsOf(id, userExtensions, groupExtensions) : null;
    if (!targets) continue;
    for (const attribute of (getArray(schema, 'attributes') ?? []).filter(isRecord)) {
      for (const path of attributePaths(targets.objectType, targets.prefix, attribute)) {
        const key = `${path.objectType}:${path.name.toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        result.push(path);
      }
    }
  }
  return result;
}

function yesNo(value: boolean | undefined): string {
  return value === undefined ? 'not declared' : value ? 'supported' : 'not supported';
}

export async function discoverTarget(
  client: ScimHttpClient,
  options: DiscoveryOptions,
): Promise<TargetDiscovery> {
  const details: { label: string; value: string }[] = [];
  const config = await fetchOptional(client, 'ServiceProviderConfig');
  const resourceTypes = await fetchOptional(client, 'ResourceTypes');
  const schemas = await fetchOptional(client, 'Schemas');

  const capabilities = config.ok
    ? capabilitiesFromConfig(config.body, options)
    : { maxOperations: options.maxMembersPerPatch };
  if (config.ok) {
    details.push(
      { label: 'PATCH', value: yesNo(capabilities.patch) },
      { label: 'Filtering', value: yesNo(capabilities.filter) },
      { label: 'Bulk', value: yesNo(capabilities.bulk) },
    );
    if (capabilities.maxResults)
      details.push({ label: 'Largest query page', value: String(capabilities.maxResults) });
  } else {
    details.push({
      label: 'Service provider configuration',
      value: `not available (${config.reason}); using defaults`,
    });
  }
  details.push({ label: 'Member values per request', value: String(capabilities.maxOperations) });

  const types = resourceTypes.ok ? listOf(resourceTypes.body) : [];
  if (resourceTypes.ok) {
    const names = types
      .map((t) => getString(t, 'name') ?? getString(t, 'id'))
      .filter((n): n is string => !!n);
    details.push({ label: 'Resource types', value: names.join(', ') || 'none listed' });
    capabilities.groups = names.some((n) => n.toLowerCase() === 'group');
  } else {
    details.push({ label: 'Resource types', value: `not available (${resourceTypes.reason})` });
  }

  const definitions = schemas.ok ? listOf(schemas.body) : [];
  const schema = schemaFromDefinitions(definitions, types);
  if (schemas.ok) {
    details.push({
      label: 'Schemas',
      value: definitions.map((d) => getString(d, 'id') ?? '?').join(', ') || 'none listed',
    });
    details.push({ label: 'Attributes discovered', value: String(schema.length) });
    // A User schema without `active` cannot disable: the engine then deletes (§8).
    if (definitions.some((d) => getString(d, 'id')?.toLowerCase() === coreUserSchema.toLowerCase())) {
      capabilities.softDelete = schema.some(
        (a) => a.objectType === 'User' && a.name.toLowerCase() === 'active',
      );
    }
  } else {
    details.push({ label: 'Schemas', value: `not available (${schemas.reason})` });
  }
  return { schema, capabilities, details };
}
