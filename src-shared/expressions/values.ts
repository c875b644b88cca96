/** A UTC instant in .NET ticks (see dates/calendar.ts). */
export interface DateTimeValue {
  readonly kind: 'datetime';
  readonly ticks: bigint;
}

/** One value: a String, a signed 64-bit Integer, or a DateTime. Booleans are the strings "True"/"False". */
export type ScalarValue = string | bigint | DateTimeValue;

/** Two or more values, or one from a multi-valued source. Never empty: zero values is null. */
export interface MultiValue {
  readonly kind: 'multi';
  readonly items: readonly ScalarValue[];
}

/** One entry of the virtual `appRoleAssignments` attribute (expressions.md §1). */
export interface RoleAssignment {
  readonly value: string;
  readonly displayName: string;
  readonly id?: string;
}

/** `[appRoleAssignments]`: only the role functions may consume it. May be empty. */
export interface RoleListValue {
  readonly kind: 'roleList';
  readonly roles: readonly RoleAssignment[];
}

/** The SCIM role object the complex role functions produce. */
export interface ScimRole {
  readonly primary: false;
  readonly type: 'WindowsAzureActiveDirectoryRole';
  readonly display: string;
  readonly value: string;
}

export interface RoleObjectsValue {
  readonly kind: 'roleObjects';
  readonly roles: readonly ScimRole[];
}

export type Value = null | ScalarValue | MultiValue | RoleListValue | RoleObjectsValue;

export const TRUE = 'True';
export const FALSE = 'False';

export function bool(b: boolean): string {
  return b ? TRUE : FALSE;
}

export function dateTime(ticks: bigint): DateTimeValue {
  return { kind: 'datetime', ticks };
}

export function isDateTime(v: Value): v is DateTimeValue {
  return typeof v === 'object' && v !== null && v.kind === 'datetime';
}

export function isScalar(v: Value): v is ScalarValue {
  return typeof v === 'string' || typeof v === 'bigint' || isDateTime(v);
}

/** A list from scalars: null for none (expressions.md §3.1: zero values counts as null). */
export function multi(items: readonly ScalarValue[]): MultiValue | null {
  return items.length === 0 ? null : { kind: 'multi', items };
}

/** Null, an empty role list, or (defensively) an empty list: the "no value" cases. */
export function isNullish(v: Value): boolean {
  if (v === null) return true;
  if (typeof v !== 'object') return false;
  if (v.kind === 'multi') return v.items.length === 0;
  if (v.kind === 'roleList') return v.roles.length === 0;
  return false;
}

/** IsNullOrEmpty's test: null, "", or an empty list. */
export function isNullOrEmpty(v: Value): boolean {
  return v === '' || isNullish(v);
}

export function describeKind(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'bigint') return 'an integer';
  switch (v.kind) {
    case 'datetime':
      return 'a date';
    case 'multi':
      return `a multi-valued value (${v.items.length} values)`;
    case 'roleList':
      return 'the app role list';
    case 'roleObjects':
      return 'a list of role objects';
  }
}
