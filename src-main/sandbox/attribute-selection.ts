/**
 * `attributes` and `excludedAttributes` (RFC 7644 §3.4.2.5, §3.9) for the Roster Sandbox's Users and
 * Groups answers. SCIMMY's own selection throws on a URN-qualified name (`urn:…:User:department`,
 * the form Roster's list reads send), on `meta.lastModified` and on an unknown name, so the sandbox
 * takes both parameters off the request before SCIMMY sees them and selects from the answer itself.
 *
 * Per RFC 7643 §7, `id` is returned always; `schemas`, which every resource must carry (RFC 7643 §3),
 * is kept too. Everything else, `meta` included ("returned: default"), is returned only when named by
 * `attributes`, and removed when named by `excludedAttributes`. Names are case-insensitive and may be
 * a sub-attribute (`name.givenName`, `emails.value` from each element), a whole extension
 * (`urn:…:enterprise:2.0:User`), an attribute of one (`urn:…:User:manager.value`) or core-qualified
 * (`urn:…:core:2.0:User:userName`). An unknown name selects nothing, as servers commonly do. When a
 * request sends both, `attributes` decides (the narrower answer).
 */

type Json = Record<string, unknown>;

export interface AttributeSelection {
  /** Names to return (with id and schemas); null when the request did not send `attributes`. */
  attributes: string[] | null;
  excluded: string[];
}

const alwaysReturned = new Set(['id', 'schemas']);

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function names(value: unknown): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '')
    : [];
}

/**
 * Takes `attributes` and `excludedAttributes` out of a parsed query string, and returns what they
 * ask for; null when neither was sent.
 */
export function takeSelection(query: Record<string, unknown>): AttributeSelection | null {
  const attributesKey = Object.keys(query).find((key) => key.toLowerCase() === 'attributes');
  const excludedKey = Object.keys(query).find((key) => key.toLowerCase() === 'excludedattributes');
  if (attributesKey === undefined && excludedKey === undefined) return null;
  const selection: AttributeSelection = {
    attributes: attributesKey === undefined ? null : names(query[attributesKey]),
    excluded: excludedKey === undefined ? [] : names(query[excludedKey]),
  };
  if (attributesKey !== undefined) delete query[attributesKey];
  if (excludedKey !== undefined) delete query[excludedKey];
  return selection;
}

/** A name resolved against a resource: where it lives (top level or an extension key) and its path. */
interface Target {
  /** The extension's key in the resource, or null for a core attribute. */
  extension: string | null;
  /** [] means the whole extension. */
  path: string[];
}

function keyOf(object: Json, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === wanted);
}

function resolve(resource: Json, name: string): Target {
  const lower = name.toLowerCase();
  const schemas = Array.isArray(resource['schemas'])
    ? resource['schemas'].filter((s): s is string => typeof s === 'string')
    : [];
  // The longest URN the name starts with: an extension URN is itself a prefix of nothing shorter.
  const urn = schemas
    .filter((s) => lower === s.toLowerCase() || lower.startsWith(`${s.toLowerCase()}:`))
    .sort((a, b) => b.length - a.length)[0];
  if (urn === undefined) return { extension: null, path: name.split('.') };
  const rest = name.slice(urn.length + 1);
  const extensionKey = keyOf(resource, urn);
  // A core-qualified name (`urn:…:core:2.0:User:userName`) is a top-level attribute.
  if (extensionKey === undefined || !isRecord(resource[extensionKey]))
    return { extension: null, path: rest === '' ? [] : rest.split('.') };
  return { extension: extensionKey, path: rest === '' ? [] : rest.split('.') };
}

/** The part of `value` that `path` names, or undefined; multi-valued elements each keep their part. */
function pick(value: unknown, path: readonly string[]): unknown {
  if (path.length === 0) return value;
  if (Array.isArray(value)) {
    // Positions are kept, so that two sub-attributes of one element merge into one element.
    const parts = value.map((element) => pick(element, path));
    return parts.some((part) => part !== undefined) ? parts.map((part) => part ?? {}) : undefined;
  }
  if (!isRecord(value)) return undefined;
  const [head, ...tail] = path;
  const key = keyOf(value, head ?? '');
  if (key === undefined) return undefined;
  const inner = pick(value[key], tail);
  return inner === undefined ? undefined : { [key]: inner };
}

/** Deep merge of two picks of the same resource (objects by key, multi-valued elements by position). */
function merge(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (Array.isArray(a) && Array.isArray(b)) {
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => merge(a[i], b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const out: Json = { ...a };
    for (const [key, value] of Object.entries(b)) out[key] = merge(out[key], value);
    return out;
  }
  return b;
}

/** `value` without what `path` names (from each element of a multi-valued attribute). */
function omit(value: unknown, path: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((element) => omit(element, path));
  if (!isRecord(value) || path.length === 0) return value;
  const [head, ...tail] = path;
  const key = keyOf(value, head ?? '');
  if (key === undefined) return value;
  const out: Json = { ...value };
  if (tail.length === 0) delete out[key];
  else out[key] = omit(out[key], tail);
  return out;
}

function isAlways(target: Target): boolean {
  return (
    target.extension === null && target.path.length === 1 && alwaysReturned.has(target.path[0]!.toLowerCase())
  );
}

/** One resource as the selection asks for it. */
export function selectAttributes(resource: Json, selection: AttributeSelection): Json {
  if (selection.attributes !== null) {
    let out: Json = {};
    for (const key of Object.keys(resource)) {
      if (alwaysReturned.has(key.toLowerCase())) out[key] = resource[key];
    }
    for (const name of selection.attributes) {
      const target = resolve(resource, name);
      const picked =
        target.extension === null
          ? pick(resource, target.path)
          : pick(resource, [target.extension, ...target.path]);
      if (picked !== undefined) out = merge(out, picked) as Json;
    }
    return out;
  }
  let out: Json = resource;
  for (const name of selection.excluded) {
    const target = resolve(resource, name);
    if (isAlways(target)) continue;
    out = omit(out, target.extension === null ? target.path : [target.extension, ...target.path]) as Json;
  }
  return out;
}

/** A Users or Groups answer (one resource or a ListResponse) as the selection asks for it. */
export function selectInAnswer(body: unknown, selection: AttributeSelection): unknown {
  const plain: unknown = JSON.parse(JSON.stringify(body ?? null));
  if (!isRecord(plain)) return plain;
  const resourcesKey = keyOf(plain, 'Resources');
  if (resourcesKey !== undefined && Array.isArray(plain[resourcesKey])) {
    return {
      ...plain,
      [resourcesKey]: (plain[resourcesKey] as unknown[]).map((resource) =>
        isRecord(resource) ? selectAttributes(resource, selection) : resource,
      ),
    };
  }
  return 'id' in plain ? selectAttributes(plain, selection) : plain;
}

/** Whether the answer will carry group members: reading them is the slow part of a large group read. */
export function selectsMembers(selection: AttributeSelection | undefined): boolean {
  if (!selection) return true;
  const named = (list: readonly string[]) =>
    list.some((name) => /^(urn:ietf:params:scim:schemas:core:2\.0:group:)?members(\.|$)/i.test(name));
  if (selection.attributes !== null) return named(selection.attributes);
  return !selection.excluded.some((name) =>
    /^(urn:ietf:params:scim:schemas:core:2\.0:group:)?members$/i.test(name),
  );
}
