/**
 * A layer for the scimmy peer that makes it accept what Entra ID sends, the way apps built for Entra
 * do: scimmy itself is strict RFC 7644 and refuses `"False"` strings, a manager given as a plain id,
 * the path-less replace with dotted keys of `aadOptscim062020`, and a filtered path whose element does
 * not exist yet (E19). The request is recorded before this layer runs, so tests still see exactly
 * what Roster sent; the layer only replaces `request.body` with what scimmy can apply.
 */
import type { NextFunction, Request, Response } from 'express';
import { normalizePatchBody, normalizeUserBody } from '../../src-main/sandbox/entra-compat';

type Json = Record<string, unknown>;

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const filteredPath =
  /^([A-Za-z$][\w$-]*)\[\s*([A-Za-z$][\w$-]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*\]\.([A-Za-z$][\w$-]*)$/;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{"op":"replace","value":{"name.givenName":"A","displayName":"B"}}` → one op per key with its path. */
function unfoldPathless(operation: Json): Json[] {
  if (operation['path'] !== undefined || !isObject(operation['value'])) return [operation];
  const entries = Object.entries(operation['value']);
  if (!entries.some(([key]) => key.includes('.') || key.startsWith('urn:'))) return [operation];
  return entries.map(([path, value]) => ({ op: operation['op'], path, value }));
}

/** E19: `add emails[type eq "work"].value` on a user without a work email → add the element. */
function elementForFilteredAdd(operation: Json): Json {
  const op = String(operation['op']).toLowerCase();
  const match = typeof operation['path'] === 'string' ? filteredPath.exec(operation['path']) : null;
  if (op !== 'add' || !match) return operation;
  const [, attribute, filterAttribute, filterValue, sub] = match;
  return {
    op: operation['op'],
    path: attribute,
    value: [{ [filterAttribute!]: JSON.parse(`"${filterValue}"`) as string, [sub!]: operation['value'] }],
  };
}

/** E14 with the flag: the manager's id as a plain string under the URN path. */
function managerObject(operation: Json): Json {
  const path = typeof operation['path'] === 'string' ? operation['path'] : '';
  if (path.toLowerCase() !== `${enterprise}:manager`.toLowerCase()) return operation;
  const value = operation['value'];
  return typeof value === 'string' ? { ...operation, value: { value } } : operation;
}

function adaptPatch(body: unknown, resourceType: 'User' | 'Group'): unknown {
  const normalized = normalizePatchBody(body, resourceType);
  if (!isObject(normalized) || !Array.isArray(normalized['Operations'])) return normalized;
  const operations = (normalized['Operations'] as unknown[])
    .filter(isObject)
    .flatMap(unfoldPathless)
    .map(elementForFilteredAdd)
    .map(managerObject);
  // A second pass: unfolded operations may carry "False" strings and the legacy manager shape too.
  return normalizePatchBody({ ...normalized, Operations: operations }, resourceType);
}

export function entraDialectAdapter(request: Request, _response: Response, next: NextFunction): void {
  const resourceType = request.path.startsWith('/Groups') ? 'Group' : 'User';
  if (request.method === 'PATCH') request.body = adaptPatch(structuredClone(request.body), resourceType);
  if (request.method === 'POST' && resourceType === 'User') {
    request.body = normalizeUserBody(structuredClone(request.body));
  }
  next();
}
