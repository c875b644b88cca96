import { ticksFromDate } from './dates/calendar';
import {
  dateTime,
  multi,
  type RoleAssignment,
  type RoleListValue,
  type ScalarValue,
  type Value,
} from './values';

/** The virtual attribute that holds the object's app roles (expressions.md §1). */
export const ROLE_ATTRIBUTE = 'appRoleAssignments';

/** A value that cannot be read names why as a phrase code of evaluation-templates.ts ("must be a list of role objects"). */
export type SourceReadResult =
  | { ok: true; value: Value }
  | { ok: false; problemCode: 'evalRolesNotAList' | 'evalRolesBadEntry' }
  | { ok: false; problemCode: 'evalUnsupportedEntry' | 'evalUnsupportedValue'; type: string };

function scalarFromJson(v: unknown): ScalarValue | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return BigInt.asIntN(64, v) === v ? v : undefined;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined;
    if (Number.isInteger(v)) return BigInt(v);
    // The value model has no fractions; a decimal source value is carried as its text.
    return String(v);
  }
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? undefined : dateTime(ticksFromDate(v));
  }
  return undefined;
}

function roleFromJson(v: unknown): RoleAssignment | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Record<string, unknown>;
  if (typeof r.value !== 'string') return undefined;
  const displayName = typeof r.displayName === 'string' ? r.displayName : r.value;
  return typeof r.id === 'string'
    ? { value: r.value, displayName, id: r.id }
    : { value: r.value, displayName };
}

function readRoles(raw: unknown): SourceReadResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (!Array.isArray(raw)) return { ok: false, problemCode: 'evalRolesNotAList' };
  const roles: RoleAssignment[] = [];
  for (const item of raw) {
    const role = roleFromJson(item);
    if (!role) return { ok: false, problemCode: 'evalRolesBadEntry' };
    roles.push(role);
  }
  const value: RoleListValue = { kind: 'roleList', roles };
  return { ok: true, value };
}

/**
 * Converts a raw source value (JSON-like: string, number, boolean, null, arrays; also bigint and Date) into
 * the value model of expressions.md §3 and §9: integers become 64-bit Integers, booleans "True"/"False",
 * arrays multi-valued values (empty → null).
 */
export function readSourceValue(name: string, raw: unknown): SourceReadResult {
  if (name.toLowerCase() === ROLE_ATTRIBUTE.toLowerCase()) return readRoles(raw);
  if (Array.isArray(raw)) {
    const items: ScalarValue[] = [];
    for (const item of raw) {
      const s = scalarFromJson(item);
      if (s === undefined) return { ok: false, problemCode: 'evalUnsupportedEntry', type: typeName(item) };
      if (s !== null) items.push(s);
    }
    return { ok: true, value: multi(items) };
  }
  const s = scalarFromJson(raw);
  if (s === undefined) return { ok: false, problemCode: 'evalUnsupportedValue', type: typeName(raw) };
  return { ok: true, value: s };
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'number') return 'non-finite number';
  if (typeof v === 'bigint') return 'integer above 64 bits';
  if (v instanceof Date) return 'invalid Date';
  return typeof v;
}
