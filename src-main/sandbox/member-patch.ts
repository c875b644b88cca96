/**
 * Recognises a PATCH that only adds and removes group members, the request a provisioning client
 * sends most (reference §17.4: member changes for one group share a request, other changes go in
 * their own). Those are applied straight to the memberships table: SCIMMY's generic PATCH would read,
 * re-validate and rewrite the whole member list several times per request, which takes seconds for a
 * group of a few thousand. Every other PATCH goes through SCIMMY.
 */

export type MembershipChange = { kind: 'add'; id: string } | { kind: 'remove'; id: string };

const filteredMemberPath = /^members\s*\[\s*value\s+eq\s+("(?:[^"\\]|\\.)*")\s*\]$/i;

/** The changes in order, or null when any operation is not a plain member add or remove. */
export function membershipChanges(operations: readonly unknown[]): MembershipChange[] | null {
  const changes: MembershipChange[] = [];
  for (const operation of operations) {
    if (typeof operation !== 'object' || operation === null) return null;
    const { op, path, value } = operation as { op?: unknown; path?: unknown; value?: unknown };
    if (typeof op !== 'string' || typeof path !== 'string') return null;
    const kind = op.toLowerCase();
    const trimmed = path.trim();
    if (kind === 'add' && trimmed.toLowerCase() === 'members') {
      const ids = memberIds(value);
      if (!ids) return null;
      changes.push(...ids.map((id) => ({ kind: 'add' as const, id })));
    } else if (kind === 'remove' && value === undefined) {
      const literal = filteredMemberPath.exec(trimmed)?.[1];
      const id = literal === undefined ? undefined : decode(literal);
      if (id === undefined) return null;
      changes.push({ kind: 'remove', id });
    } else if (kind === 'remove' && trimmed.toLowerCase() === 'members') {
      const ids = memberIds(value);
      if (!ids) return null;
      changes.push(...ids.map((id) => ({ kind: 'remove' as const, id })));
    } else {
      return null;
    }
  }
  return changes;
}

/** `[{ "value": id }, …]` or a single `{ "value": id }`; other member sub-attributes are ignored. */
function memberIds(value: unknown): string[] | null {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  const ids: string[] = [];
  for (const member of list) {
    const id =
      typeof member === 'object' && member !== null ? (member as { value?: unknown }).value : undefined;
    if (typeof id !== 'string' || id === '') return null;
    ids.push(id);
  }
  return ids.length > 0 ? ids : null;
}

function decode(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}
