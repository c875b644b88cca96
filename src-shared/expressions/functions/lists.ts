import { requireScalar, scalarToString } from '../coerce';
import { said } from '../evaluation-messages';
import { multi, type ScalarValue, type Value } from '../values';
import type { Frame, FunctionImpl } from './frame';

/** The values of a slot that accepts lists: a single value counts as a list of one (§3.7). */
function items(f: Frame, index: number): readonly ScalarValue[] | null {
  const v: Value = f.value(index);
  if (v === null) return null;
  if (typeof v === 'object' && v.kind === 'multi') return v.items;
  if (typeof v === 'object' && (v.kind === 'roleList' || v.kind === 'roleObjects')) {
    return f.fail(said('evalRolesOnly'), index);
  }
  const single = requireScalar(v, (problem) => f.fail(problem, index));
  return single === null ? null : [single];
}

export const LIST_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  Count: {
    evaluate(f: Frame) {
      const v = f.value(0);
      if (v === null) return 0n;
      if (typeof v !== 'object' || v.kind === 'datetime') return 1n;
      if (v.kind === 'multi') return BigInt(v.items.length);
      return BigInt(v.roles.length);
    },
  },
  Item: {
    evaluate(f: Frame) {
      const list = items(f, 0);
      const index = f.integer(1);
      if (list === null || index === null) return null;
      if (index < 1n || index > BigInt(list.length)) return null;
      return list[Number(index) - 1] ?? null;
    },
  },
  Join: {
    evaluate(f: Frame) {
      const separator = f.string(0);
      const parts: string[] = [];
      for (let i = 1; i < f.count; i++) {
        for (const item of items(f, i) ?? []) {
          const text = scalarToString(item);
          if (text !== '') parts.push(text);
        }
      }
      if (separator === null) return null;
      // Roster decision: nothing to join gives null, so a Join over empty data never clears a target.
      return parts.length === 0 ? null : parts.join(separator);
    },
  },
  Split: {
    evaluate(f: Frame) {
      const source = f.string(0);
      const delimiter = f.string(1);
      if (source === null || delimiter === null) return null;
      if (delimiter === '') f.fail(said('evalDelimiterEmpty'), 1);
      const pieces = source
        .split(delimiter)
        .map((p) => p.trim())
        .filter((p) => p.length > 0);
      return multi(pieces);
    },
  },
  RemoveDuplicates: {
    evaluate(f: Frame) {
      const list = items(f, 0);
      if (list === null) return null;
      const seen = new Set<string>();
      const kept: ScalarValue[] = [];
      for (const item of list) {
        const key = scalarToString(item);
        if (seen.has(key)) continue;
        seen.add(key);
        kept.push(item);
      }
      return multi(kept);
    },
  },
};
