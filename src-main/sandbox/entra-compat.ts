/**
 * Rewrites the request shapes Entra ID sends by default (Roster's `entra-legacy` profile, reference
 * §17.4 and §19) into the RFC 7644 forms SCIMMY implements, so the sandbox accepts both dialects:
 *
 * - `"active": "False"` / `"True"` as strings → booleans;
 * - `path: "manager"` with `[{ "$ref": …, "value": id }]` → the enterprise extension's manager;
 * - `Remove` on `members` with a value array → one `members[value eq "id"]` removal per member;
 * - `"$ref": null` inside member values → dropped.
 *
 * Op casing needs no rewrite: SCIMMY already matches `Add`/`Replace`/`Remove` case-insensitively.
 * Anything unexpected is passed through untouched so SCIMMY can answer it with its own SCIM error.
 */

export const enterpriseUserSchema = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const managerPath = `${enterpriseUserSchema}:manager`;

type Json = Record<string, unknown>;

export function normalizeUserBody(body: unknown): unknown {
  if (!isObject(body)) return body;
  const active = findKey(body, 'active');
  if (active === undefined) return body;
  return { ...body, [active]: booleanish(body[active]) };
}

export function normalizePatchBody(body: unknown, resourceType: 'User' | 'Group'): unknown {
  if (!isObject(body) || !Array.isArray(body.Operations)) return body;
  const operations = (body.Operations as unknown[]).flatMap((operation) =>
    isObject(operation) ? normalizeOperation(operation, resourceType) : [operation],
  );
  return { ...body, Operations: operations };
}

function normalizeOperation(operation: Json, resourceType: 'User' | 'Group'): unknown[] {
  const op = typeof operation.op === 'string' ? operation.op.toLowerCase() : undefined;
  const path = typeof operation.path === 'string' ? operation.path.trim() : undefined;
  const value = operation.value;

  if (resourceType === 'User') {
    if (path === undefined) return [{ ...operation, value: normalizeUserBody(value) }];
    if (path.toLowerCase() === 'active') return [{ ...operation, value: booleanish(value) }];
    if (path.toLowerCase() === 'manager') {
      if (op === 'remove') return [{ ...operation, path: managerPath }];
      return [{ ...operation, path: managerPath, value: managerValue(value) }];
    }
    return [operation];
  }

  if (path?.toLowerCase() !== 'members' || value === undefined) return [operation];
  if (op === 'remove' && Array.isArray(value)) {
    const ids = value.map((member) => (isObject(member) ? member.value : undefined));
    // Only ids SCIMMY's filter syntax can carry; anything else goes through as sent.
    if (ids.every((id): id is string => typeof id === 'string' && !/["\\]/.test(id))) {
      return ids.map((id) => ({ op: operation.op, path: `members[value eq "${id}"]` }));
    }
    return [operation];
  }
  if (Array.isArray(value)) return [{ ...operation, value: value.map(withoutNulls) }];
  return [{ ...operation, value: withoutNulls(value) }];
}

/** Entra sends `[{ "$ref": "…/Users/id", "value": "id" }]`; some apps send the bare id. */
function managerValue(value: unknown): unknown {
  const single = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof single === 'string') return { value: single };
  return withoutNulls(single);
}

function booleanish(value: unknown): unknown {
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return value;
}

function withoutNulls(value: unknown): unknown {
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

function findKey(object: Json, name: string): string | undefined {
  return Object.keys(object).find((key) => key.toLowerCase() === name);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
