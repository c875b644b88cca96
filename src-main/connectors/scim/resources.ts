/**
 * Reading SCIM answers (§17.5): a query must return a ListResponse, every resource must have an `id`,
 * and the engine gets `TargetObjectState` with exactly the paths it asked for.
 */
import type { TargetObjectState } from '../connector';
import type { TargetValue } from '@shared/domain/schema';
import { createdWithoutId } from './answer-errors';
import { incompatibleResponse } from './errors';
import { getArray, getNumber, getString, isRecord, type JsonObject } from './json';
import { parseAttributePath, readPathValue } from './paths';

export const listResponseSchema = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

export interface ListResponse {
  totalResults: number;
  resources: JsonObject[];
}

/** Null when `body` is not a ListResponse (no `Resources` and no `totalResults`). */
export function readListResponse(body: unknown): ListResponse | null {
  if (!isRecord(body)) return null;
  const resources = getArray(body, 'Resources');
  const total = getNumber(body, 'totalResults');
  const schemas = getArray(body, 'schemas') ?? [];
  const declared = schemas.some(
    (s) => typeof s === 'string' && s.toLowerCase() === listResponseSchema.toLowerCase(),
  );
  if (total === undefined && (resources === undefined || !declared)) return null;
  if (resources !== undefined && !resources.every(isRecord)) return null;
  const list: JsonObject[] = resources ?? [];
  return { totalResults: total ?? list.length, resources: list };
}

export function requireListResponse(body: unknown, method: string, path: string): ListResponse {
  const list = readListResponse(body);
  if (!list) throw incompatibleResponse(method, path, 'the answer to a query is not a ListResponse');
  return list;
}

export type ScimResource = JsonObject & { id: string };

export function requireResource(body: unknown, method: string, path: string): ScimResource {
  if (!isRecord(body)) throw incompatibleResponse(method, path, 'the answer is not a SCIM resource');
  const id = getString(body, 'id');
  if (!id) throw incompatibleResponse(method, path, 'the resource in the answer has no id');
  return { ...body, id };
}

/**
 * The answer to a create: the new resource with its id (RFC 7644 §3.3). Without one the object may
 * well exist now, so the error says mayHaveApplied and the engine looks for it before creating again.
 */
export function requireCreated(body: unknown, method: string, path: string, status: number): ScimResource {
  const id = isRecord(body) ? getString(body, 'id') : undefined;
  if (!isRecord(body) || !id) throw createdWithoutId(method, path, status);
  return { ...body, id };
}

export function toObjectState(resource: ScimResource, paths: readonly string[]): TargetObjectState {
  const values: Record<string, TargetValue> = {};
  for (const path of paths) values[path] = readPathValue(resource, parseAttributePath(path));
  const displayName = getString(resource, 'displayName') ?? getString(resource, 'userName');
  return { id: resource.id, values, ...(displayName !== undefined ? { displayName } : {}) };
}
