import { said } from '../evaluation-messages';
import type { Frame, FunctionImpl, Runtime } from './frame';

const DIGITS = '0123456789';
const CAPITALS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const SPECIAL = '~!@#$%^&*_-+=`|\\(){}[]:;"\'<>,.?/';

/** A uniform integer in [0, max) by rejection sampling, so no value is favoured by modulo bias. */
function randomBelow(runtime: Runtime, max: number): number {
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  for (;;) {
    const b = runtime.randomBytes(4);
    const n = ((b[0] ?? 0) * 0x1000000 + ((b[1] ?? 0) << 16) + ((b[2] ?? 0) << 8) + (b[3] ?? 0)) >>> 0;
    if (n < limit) return n % max;
  }
}

function pick(runtime: Runtime, chars: readonly string[]): string {
  return chars[randomBelow(runtime, chars.length)] as string;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function count(f: Frame, index: number, name: string): number | null {
  const n = f.integer(index);
  if (n === null) return null;
  if (n < 0n) f.fail(said('evalCountNegative', { argument: name, value: n.toString() }), index);
  if (n > 256n) f.fail(said('evalCountTooLarge', { argument: name, value: n.toString() }), index);
  return Number(n);
}

export const RANDOM_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  Guid: {
    evaluate(f: Frame) {
      const b = f.runtime.randomBytes(16);
      const bytes = Uint8Array.from(b.subarray(0, 16));
      bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
      bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
      const h = hex(bytes);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  },
  RandomString: {
    evaluate(f: Frame) {
      const length = f.integer(0);
      const minNumbers = count(f, 1, 'MinimumNumbers');
      const minSpecial = count(f, 2, 'MinimumSpecialCharacters');
      const minCapital = count(f, 3, 'MinimumCapital');
      const minLower = count(f, 4, 'MinimumLowerCase');
      const avoid = f.filled(5) ? f.string(5) : '';
      if (length === null || minNumbers === null || minSpecial === null || minCapital === null) return null;
      if (minLower === null || avoid === null) return null;
      if (length < 1n || length > 256n) f.fail(said('evalRandomLength', { value: length.toString() }), 0);
      const total = Number(length);
      const sum = minNumbers + minSpecial + minCapital + minLower;
      if (sum > total) f.fail(said('evalRandomSum', { length: String(total), sum: String(sum) }), 0);
      const excluded = new Set(avoid);
      const classes = [
        { name: 'evalClassDigits', chars: DIGITS, min: minNumbers },
        { name: 'evalClassSpecial', chars: SPECIAL, min: minSpecial },
        { name: 'evalClassCapitals', chars: CAPITALS, min: minCapital },
        { name: 'evalClassLower', chars: LOWER, min: minLower },
      ].map((c) => ({ ...c, allowed: [...c.chars].filter((ch) => !excluded.has(ch)) }));
      const out: string[] = [];
      for (const c of classes) {
        if (c.min > 0 && c.allowed.length === 0) {
          f.fail(said('evalAvoidClass', { characterClassCode: c.name, min: String(c.min) }), 5);
        }
        for (let i = 0; i < c.min; i++) out.push(pick(f.runtime, c.allowed));
      }
      const union = classes.flatMap((c) => c.allowed);
      if (out.length < total && union.length === 0) f.fail(said('evalAvoidAll'), 5);
      while (out.length < total) out.push(pick(f.runtime, union));
      // Fisher–Yates, so the class minimums are not always at the front.
      for (let i = out.length - 1; i > 0; i--) {
        const j = randomBelow(f.runtime, i + 1);
        [out[i], out[j]] = [out[j] as string, out[i] as string];
      }
      return out.join('');
    },
  },
};
