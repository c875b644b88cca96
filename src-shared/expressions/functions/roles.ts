import type { RoleAssignment, RoleObjectsValue, ScimRole } from '../values';
import { said } from '../evaluation-messages';
import type { Frame, FunctionImpl } from './frame';

function roles(f: Frame): RoleAssignment[] {
  const v = f.value(0);
  if (v === null) return [];
  if (typeof v === 'object' && v.kind === 'roleList') {
    // Ordinal order by value makes the output, and SingleAppRoleAssignment's choice, deterministic.
    return [...v.roles].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
  return f.fail(said('evalRoleArgument'), 0);
}

function scim(list: readonly RoleAssignment[]): ScimRole[] {
  return list.map((r) => ({
    primary: false,
    type: 'WindowsAzureActiveDirectoryRole',
    display: r.displayName,
    value: r.value,
  }));
}

export const ROLE_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  AppRoleAssignmentsComplex: {
    evaluate(f: Frame) {
      const list = roles(f);
      if (list.length === 0) return null;
      const value: RoleObjectsValue = { kind: 'roleObjects', roles: scim(list) };
      return value;
    },
  },
  AssertiveAppRoleAssignmentsComplex: {
    evaluate(f: Frame) {
      // Unlike the add-only variant, zero roles is an empty list: export then removes the target's roles.
      const value: RoleObjectsValue = { kind: 'roleObjects', roles: scim(roles(f)) };
      return value;
    },
  },
  SingleAppRoleAssignment: {
    evaluate(f: Frame) {
      const list = roles(f);
      const first = list[0];
      if (!first) return null;
      if (list.length > 1) {
        f.runtime.warn(said('evalSingleRole', { count: String(list.length), value: first.value }));
      }
      return first.value;
    },
  },
};
