/**
 * Target attribute paths (provisioning-behaviour.md §5.7): `displayName`, `name.givenName`,
 * `emails[type eq "work"].value`, `urn:…:enterprise:2.0:User:department`. One parser, then reading a
 * value at a path from a resource and writing one into a body, so create, PATCH and PUT agree on
 * what a path means.
 */
import type { TargetValue } from '@shared/domain/schema';
import { ConnectorError } from '../connector';
import { getAttribute, isRecord, type JsonObject } from './json';

export const coreUserSchema = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const coreGroupSchema = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const enterpriseUserSchema = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** `[type eq "work"]`: only `eq` is used in paths (§17.1). */
export interface ValueFilter {
  attribute: string;
  value: string | number | boolean;
}

export interface AttributePath {
  /** The path exactly as the mapping wrote it; PATCH sends it unchanged. */
  text: string;
  /** The extension schema URN of an extension path, null for a core attribute. */
  schema: string | null;
  attribute: string;
  filter: ValueFilter | null;
  subAttribute: string | null;
}

const name = String.raw`[A-Za-z$][\w$-]*`;
const filterValue = String.raw`"(?:[^"\\]|\\.)*"|true|false|-?\d+(?:\.\d+)?`;
const pathPattern = new RegExp(
  String.raw`^(${name})(?:\[\s*(${name})\s+eq\s+(${filterValue})\s*\])?(?:\.(${name}))?$`,
  'i',
);

function invalidPath(path: string): ConnectorError {
  return new ConnectorError(
    'objectRejected',
    'SchemaAttributeNotFound',
    `"${path}" is not a SCIM attribute path Roster can write (use forms like name.givenName, emails[type eq "work"].value or an extension URN path)`,
  );
}

function parseFilterValue(literal: string): string | number | boolean {
  if (literal.startsWith('"')) return JSON.parse(literal) as string;
  if (/^true$/i.test(literal)) return true;
  if (/^false$/i.test(literal)) return false;
  return Number(literal);
}

export function parseAttributePath(path: string): AttributePath {
  const text = path.trim();
  let rest = text;
  let schema: string | null = null;
  if (/^urn:/i.test(text)) {
    // The URN itself contains ':' and '.', so the attribute starts after the last ':' before any filter.
    const bracket = text.indexOf('[');
    const head = bracket === -1 ? text : text.slice(0, bracket);
    const colon = head.lastIndexOf(':');
    schema = text.slice(0, colon);
    rest = text.slice(colon + 1);
    if (!/^urn:[^:]+:.+/i.test(schema) || rest === '') throw invalidPath(path);
  }
  const match = pathPattern.exec(rest);
  if (!match) throw invalidPath(path);
  const [, attribute, filterAttribute, filterLiteral, subAttribute] = match;
  if (attribute === undefined) throw invalidPath(path);
  return {
    text,
    schema,
    attribute,
    filter:
      filterAttribute !== undefined && filterLiteral !== undefined
        ? { attribute: filterAttribute, value: parseFilterValue(filterLiteral) }
        : null,
    subAttribute: subAttribute ?? null,
  };
}

/** `emails[type eq "work"]` (with the extension prefix when there is one): the element, no sub-attribute. */
export function elementPathText(path: AttributePath): string {
  const prefix = path.schema ? `${path.schema}:` : '';
  if (!path.filter) return `${prefix}${path.attribute}`;
  const literal =
    typeof path.filter.value === 'string' ? JSON.stringify(path.filter.value) : String(path.filter.value);
  return `${prefix}${path.attribute}[${path.filter.attribute} eq ${literal}]`;
}

/** `type eq "work"` matches `"Work"`, and `primary eq "True"` matches the boolean `true` (Entra spells it so). */
export function filterMatches(actual: unknown, expected: string | number | boolean): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') {
    return actual.toLowerCase() === expected.toLowerCase();
  }
  if (typeof actual === 'boolean' && typeof expected === 'string') {
    return String(actual) === expected.toLowerCase();
  }
  if (typeof actual === 'string' && typeof expected === 'boolean') {
    return actual.toLowerCase() === String(expected);
  }
  return actual === expected;
}

/** The elements of a multi-valued attribute that a filter selects. */
export function matchingElements(list: unknown, filter: ValueFilter): JsonObject[] {
  if (!Array.isArray(list)) return [];
  return (list as unknown[])
    .filter(isRecord)
    .filter((element) => filterMatches(getAttribute(element, filter.attribute), filter.value));
}

function scalar(value: unknown): string | number | boolean | null {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // A complex value such as the enterprise `manager` reads as its `value` (the referenced id).
  if (isRecord(value)) return scalar(getAttribute(value, 'value'));
  return null;
}

/** Converts whatever the server stored to the engine's value shape: scalars, or string[] for lists. */
export function toTargetValue(value: unknown): TargetValue {
  if (Array.isArray(value)) {
    const items = (value as unknown[]).map(scalar).filter((item) => item !== null);
    return items.length === 0 ? null : items.map(String);
  }
  return scalar(value);
}

function collect(values: unknown[]): TargetValue {
  const items = values.map(scalar).filter((item) => item !== null);
  if (items.length === 0) return null;
  if (items.length === 1) return items[0] ?? null;
  return items.map(String);
}

/** The current value at `path` in a resource; null when absent. */
export function readPathValue(resource: JsonObject, path: AttributePath): TargetValue {
  const container = path.schema ? getAttribute(resource, path.schema) : resource;
  if (!isRecord(container)) return null;
  const raw = getAttribute(container, path.attribute);
  if (path.filter) {
    const sub = path.subAttribute ?? 'value';
    return collect(matchingElements(raw, path.filter).map((element) => getAttribute(element, sub)));
  }
  if (path.subAttribute !== null) {
    const sub = path.subAttribute;
    if (isRecord(raw)) return toTargetValue(getAttribute(raw, sub));
    // `emails.value` without a filter: every element's value.
    if (Array.isArray(raw)) {
      return collect((raw as unknown[]).filter(isRecord).map((element) => getAttribute(element, sub)));
    }
    return null;
  }
  return toTargetValue(raw);
}

/** Core attributes whose elements are complex (`{ value, type, … }`), so a plain list gets wrapped. */
const complexMultiValued = new Set([
  'emails',
  'phonenumbers',
  'ims',
  'photos',
  'addresses',
  'entitlements',
  'roles',
  'x509certificates',
  'members',
  'groups',
]);

export function isComplexMultiValued(path: AttributePath): boolean {
  return path.schema === null && complexMultiValued.has(path.attribute.toLowerCase());
}

/** A reference attribute is written as `{ "value": id }` (RFC 7643 `manager`). */
export function isManagerPath(path: AttributePath): boolean {
  return path.attribute.toLowerCase() === 'manager' && path.subAttribute === null && path.filter === null;
}

/**
 * A new element for a filtered path, seeded from the filter: `{ type: "work" }`, `{ primary: true }`.
 * Roster decision (§5.7): a work email is also the primary one; roles get Entra's role type.
 */
export function newElement(path: AttributePath): JsonObject {
  const element: JsonObject = {};
  const filter = path.filter;
  if (!filter) return element;
  const attribute = path.attribute.toLowerCase();
  if (filter.attribute.toLowerCase() === 'primary') {
    element['primary'] = filter.value === true || String(filter.value).toLowerCase() === 'true';
  } else {
    if (
      attribute === 'emails' &&
      filter.attribute.toLowerCase() === 'type' &&
      filterMatches('work', filter.value)
    ) {
      element['primary'] = true;
    }
    element[filter.attribute] = filter.value;
  }
  if (attribute === 'roles' && element['type'] === undefined)
    element['type'] = 'WindowsAzureActiveDirectoryRole';
  return element;
}

function ensureRecord(container: JsonObject, key: string): JsonObject {
  const existing = container[key];
  if (isRecord(existing)) return existing;
  const created: JsonObject = {};
  container[key] = created;
  return created;
}

function ensureList(container: JsonObject, key: string): unknown[] {
  const existing = container[key];
  if (Array.isArray(existing)) return existing as unknown[];
  const created: unknown[] = [];
  container[key] = created;
  return created;
}

function existingKey(container: JsonObject, attribute: string): string {
  const lower = attribute.toLowerCase();
  return Object.keys(container).find((key) => key.toLowerCase() === lower) ?? attribute;
}

/** The wire form of a plain value at a path without a filter. */
export function wireValue(path: AttributePath, value: TargetValue): unknown {
  if (isManagerPath(path) && (typeof value === 'string' || typeof value === 'number')) {
    return { value: String(value) };
  }
  if (Array.isArray(value) && isComplexMultiValued(path) && path.subAttribute === null) {
    return value.map((item) => ({ value: item }));
  }
  return value;
}

/**
 * Writes `value` at `path` into `container` (the resource, or its extension object). Elements of a
 * filtered path are shared: mappings with the same filter fill one element (§5.7). Existing values
 * are replaced, so the same function serves create bodies and the full resource of a PUT.
 */
export function writePathValue(container: JsonObject, path: AttributePath, value: TargetValue): void {
  const key = existingKey(container, path.attribute);
  if (path.filter) {
    const filter = path.filter;
    const sub = path.subAttribute ?? 'value';
    const list = ensureList(container, key);
    const values = Array.isArray(value) ? value : [value];
    const matching = matchingElements(list, filter);
    // A single value fills the element the filter selects; a list becomes one element per value.
    if (!Array.isArray(value) && matching[0]) {
      matching[0][existingKey(matching[0], sub)] = value;
      return;
    }
    if (Array.isArray(value)) {
      for (const element of matching) list.splice(list.indexOf(element), 1);
    }
    for (const item of values) {
      const element = newElement(path);
      element[sub] = item;
      list.push(element);
    }
    return;
  }
  if (path.subAttribute !== null) {
    const parent = ensureRecord(container, key);
    parent[existingKey(parent, path.subAttribute)] = value;
    return;
  }
  container[key] = wireValue(path, value);
}

/** Removes the value at `path` (a whole typed element when the path ends at its `value`). */
export function removePathValue(container: JsonObject, path: AttributePath): void {
  const key = existingKey(container, path.attribute);
  const current = container[key];
  if (path.filter) {
    if (!Array.isArray(current)) return;
    const list = current as unknown[];
    const sub = path.subAttribute ?? 'value';
    for (const element of matchingElements(list, path.filter)) {
      if (sub.toLowerCase() === 'value') list.splice(list.indexOf(element), 1);
      else delete element[existingKey(element, sub)];
    }
    if (list.length === 0) delete container[key];
    return;
  }
  if (path.subAttribute !== null) {
    if (isRecord(current)) delete current[existingKey(current, path.subAttribute)];
    return;
  }
  delete container[key];
}
