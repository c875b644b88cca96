import { clip, isTrue, parseIntegerText, scalarToString } from '../coerce';
import { said } from '../evaluation-messages';
import { bool, FALSE, isNullish, isNullOrEmpty, isScalar, TRUE, type Value } from '../values';
import type { Frame, FunctionImpl } from './frame';

function predicate(test: (v: Value) => boolean): FunctionImpl {
  return { evaluate: (f: Frame) => bool(test(f.value(0))) };
}

/** A Switch source or key: its string form, with null compared as "" (Roster decision, §5 Switch). */
function switchKey(f: Frame, index: number): string {
  return f.string(index) ?? '';
}

export const LOGIC_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  IIF: {
    lazy: true,
    evaluate(f: Frame) {
      const condition = isTrue(f.value(0), (problem) => f.fail(problem, 0));
      return f.value(condition ? 1 : 2);
    },
  },
  Switch: {
    lazy: true,
    evaluate(f: Frame) {
      const source = switchKey(f, 0);
      for (let k = 2; k + 1 < f.count; k += 2) {
        if (switchKey(f, k) === source) return f.value(k + 1);
      }
      return f.filled(1) ? f.value(1) : null;
    },
  },
  Coalesce: {
    lazy: true,
    evaluate(f: Frame) {
      for (let i = 0; i < f.count; i++) {
        const v = f.value(i);
        if (!isNullish(v)) return v;
      }
      return null;
    },
  },
  CBool: {
    evaluate(f: Frame) {
      const v = f.scalar(0);
      if (v === null) return FALSE;
      if (typeof v === 'bigint') return bool(v !== 0n);
      const text = scalarToString(v);
      const lower = text.toLowerCase();
      if (lower === 'true') return TRUE;
      if (lower === 'false') return FALSE;
      const n = typeof v === 'string' ? parseIntegerText(v) : undefined;
      if (n === undefined) f.fail(said('evalNotBoolean', { value: clip(text) }), 0);
      return bool(n !== 0n);
    },
  },
  Not: {
    evaluate(f: Frame) {
      return bool(!isTrue(f.value(0), (problem) => f.fail(problem, 0)));
    },
  },
  IsNull: predicate(isNullish),
  IsNullOrEmpty: predicate(isNullOrEmpty),
  IsPresent: predicate((v) => !isNullOrEmpty(v)),
  IsString: predicate((v) => v !== null && isScalar(v)),
  BitAnd: {
    evaluate(f: Frame) {
      const a = f.integer(0);
      const b = f.integer(1);
      // Both operands are in the signed 64-bit range, so BigInt's two's-complement AND stays in range.
      return a === null || b === null ? null : a & b;
    },
  },
};
