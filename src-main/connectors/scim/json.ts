/**
 * Narrowing helpers for SCIM JSON. Every response body is untrusted `unknown` until one of these has
 * looked at it; attribute names are matched case-insensitively because RFC 7643 §2.1 says they are.
 */

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key of `object` that equals `name` ignoring case, or undefined. */
export function findKey(object: JsonObject, name: string): string | undefined {
  if (Object.hasOwn(object, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

/** `object[name]` with RFC 7643 case-insensitive attribute names. */
export function getAttribute(object: JsonObject, name: string): unknown {
  const key = findKey(object, name);
  return key === undefined ? undefined : object[key];
}

export function getString(object: JsonObject, name: string): string | undefined {
  const value = getAttribute(object, name);
  return typeof value === 'string' ? value : undefined;
}

export function getBoolean(object: JsonObject, name: string): boolean | undefined {
  const value = getAttribute(object, name);
  if (typeof value === 'boolean') return value;
  // Some servers (and Entra's own output) spell booleans as strings.
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
}

export function getNumber(object: JsonObject, name: string): number | undefined {
  const value = getAttribute(object, name);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

export function getRecord(object: JsonObject, name: string): JsonObject | undefined {
  const value = getAttribute(object, name);
  return isRecord(value) ? value : undefined;
}

export function getArray(object: JsonObject, name: string): unknown[] | undefined {
  const value = getAttribute(object, name);
  return Array.isArray(value) ? (value as unknown[]) : undefined;
}
