import { toLowerCulture, toLowerInvariant, toUpperCulture, toUpperInvariant } from '../case-mapping';
import { clip } from '../coerce';
import { said } from '../evaluation-messages';
import { resolveCulture } from '../culture';
import { base64, upperHex, utf16leBytes, utf8Bytes } from '../encoding';
import { normalizeDiacritics } from '../normalize-diacritics';
import { pcase } from '../pcase';
import type { Frame, FunctionImpl } from './frame';

function unary(map: (s: string) => string): FunctionImpl {
  return {
    evaluate(f: Frame) {
      const s = f.string(0);
      return s === null ? null : map(s);
    },
  };
}

/** The culture slot of ToLower/ToUpper: undefined for invariant, null when the value is null. */
function culture(f: Frame): string | undefined | null {
  if (!f.filled(1)) return undefined;
  const name = f.string(1);
  if (name === null) return null;
  const tag = resolveCulture(name);
  if (tag === null) f.fail(said('evalUnknownCulture', { value: clip(name) }), 1);
  return tag === '' ? undefined : tag;
}

function caseFunction(
  invariant: (s: string) => string,
  cultural: (s: string, tag: string) => string,
): FunctionImpl {
  return {
    evaluate(f: Frame) {
      const s = f.string(0);
      const tag = culture(f);
      if (s === null || tag === null) return null;
      return tag === undefined ? invariant(s) : cultural(s, tag);
    },
  };
}

const COMPARE_TYPES: Readonly<Record<string, 'binary' | 'text'>> = {
  vbbinarycompare: 'binary',
  vbtextcompare: 'text',
  '0': 'binary',
  '1': 'text',
};

export const TEXT_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  Append: {
    evaluate(f: Frame) {
      const s = f.string(0);
      const suffix = f.string(1);
      return s === null || suffix === null ? null : s + suffix;
    },
  },
  CStr: unary((s) => s),
  StripSpaces: unary((s) => s.replace(/ /g, '')),
  NormalizeDiacritics: unary(normalizeDiacritics),
  ConvertToBase64: unary((s) => base64(utf16leBytes(s))),
  ConvertToUTF8Hex: unary((s) => upperHex(utf8Bytes(s))),
  ToLower: caseFunction(toLowerInvariant, toLowerCulture),
  ToUpper: caseFunction(toUpperInvariant, toUpperCulture),
  PCase: {
    evaluate(f: Frame) {
      const s = f.string(0);
      const separators = f.filled(1) ? f.string(1) : undefined;
      if (s === null || separators === null) return null;
      return pcase(s, separators);
    },
  },
  Left: {
    evaluate(f: Frame) {
      const s = f.string(0) ?? '';
      const n = f.integer(1);
      if (n === null) return null;
      if (n < 0n) return s;
      return n >= BigInt(s.length) ? s : s.slice(0, Number(n));
    },
  },
  Mid: {
    evaluate(f: Frame) {
      const s = f.string(0);
      const start = f.integer(1);
      const length = f.integer(2);
      if (s === null || start === null || length === null) return null;
      if (start < 1n) f.fail(said('evalStartAtLeastOne', { value: start.toString() }), 1);
      if (length < 0n) f.fail(said('evalLengthNegative', { value: length.toString() }), 2);
      if (start > BigInt(s.length)) return '';
      const from = Number(start) - 1;
      const count = length > BigInt(s.length) ? s.length : Number(length);
      return s.slice(from, from + count);
    },
  },
  Word: {
    evaluate(f: Frame) {
      const s = f.string(0) ?? '';
      const n = f.integer(1);
      const delimiters = f.string(2);
      if (n === null || delimiters === null) return null;
      if (n < 1n) return '';
      // With no delimiters the whole string is word 1.
      if (delimiters.length === 0) return n === 1n ? s : '';
      const set = new Set(delimiters);
      let index = 0n;
      let current = '';
      for (const ch of s) {
        if (!set.has(ch)) {
          current += ch;
          continue;
        }
        // Empty runs between adjacent delimiters are not words (Roster decision).
        if (current.length > 0 && ++index === n) return current;
        current = '';
      }
      return current.length > 0 && ++index === n ? current : '';
    },
  },
  InStr: {
    evaluate(f: Frame) {
      const haystack = f.string(0);
      const needle = f.string(1);
      const start = f.filled(2) ? f.integer(2) : 1n;
      const compare = f.filled(3) ? f.string(3) : 'vbBinaryCompare';
      if (haystack === null || needle === null || start === null || compare === null) return null;
      if (start < 1n) f.fail(said('evalStartAtLeastOne', { value: start.toString() }), 2);
      const mode = COMPARE_TYPES[compare.toLowerCase()];
      if (mode === undefined) {
        f.fail(said('evalCompareType', { value: clip(compare) }), 3);
      }
      if (start > BigInt(haystack.length)) return 0n;
      if (needle === '') return start;
      const a = mode === 'text' ? toLowerInvariant(haystack) : haystack;
      const b = mode === 'text' ? toLowerInvariant(needle) : needle;
      return BigInt(a.indexOf(b, Number(start) - 1) + 1);
    },
  },
};
