/**
 * Length-preserving (simple) case mapping, as .NET's invariant ToUpper/ToLower (expressions.md §5 ToLower).
 * JS applies full mappings (ß → SS) and context rules (final sigma); mapping one code point at a time and
 * keeping the character where the result would grow gives the simple mapping.
 */

/** Simple upper-case mappings that differ from "unchanged" where JS's full mapping expands. */
const SIMPLE_UPPER_EXCEPTIONS: ReadonlyMap<number, number> = (() => {
  const m = new Map<number, number>();
  // Greek with ypogegrammeni: simple upper-case is the titlecase letter with prosgegrammeni.
  for (let i = 0; i < 8; i++) {
    m.set(0x1f80 + i, 0x1f88 + i);
    m.set(0x1f90 + i, 0x1f98 + i);
    m.set(0x1fa0 + i, 0x1fa8 + i);
  }
  m.set(0x1fb3, 0x1fbc);
  m.set(0x1fc3, 0x1fcc);
  m.set(0x1ff3, 0x1ffc);
  return m;
})();

/** U+0130 is the only code point whose full lower-case mapping expands; its simple mapping is "i". */
const SIMPLE_LOWER_EXCEPTIONS: ReadonlyMap<number, number> = new Map([[0x0130, 0x0069]]);

type Mapper = (ch: string) => string;

function mapSimple(
  text: string,
  full: Mapper,
  exceptions: ReadonlyMap<number, number>,
  fallback?: Mapper,
): string {
  let out = '';
  for (const ch of text) {
    const mapped = full(ch);
    if (mapped.length === ch.length && [...mapped].length === 1) {
      out += mapped;
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0;
    const exception = exceptions.get(cp);
    if (exception !== undefined) out += String.fromCodePoint(exception);
    else if (fallback) out += fallback(ch);
    else out += ch;
  }
  return out;
}

export function toUpperInvariant(text: string): string {
  return mapSimple(text, (c) => c.toUpperCase(), SIMPLE_UPPER_EXCEPTIONS);
}

export function toLowerInvariant(text: string): string {
  return mapSimple(text, (c) => c.toLowerCase(), SIMPLE_LOWER_EXCEPTIONS);
}

/** Culture-aware mapping (e.g. tr-TR: i ↔ İ), falling back to the invariant simple mapping where it expands. */
export function toUpperCulture(text: string, locale: string): string {
  return mapSimple(text, (c) => c.toLocaleUpperCase(locale), new Map(), toUpperInvariant);
}

export function toLowerCulture(text: string, locale: string): string {
  return mapSimple(text, (c) => c.toLocaleLowerCase(locale), new Map(), toLowerInvariant);
}

/** The titlecase form PCase uses for a word's first letter: digraphs take their titlecase letter. */
export function toTitleChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x01c4 && cp <= 0x01c6) return '\u01c5';
  if (cp >= 0x01c7 && cp <= 0x01c9) return '\u01c8';
  if (cp >= 0x01ca && cp <= 0x01cc) return '\u01cb';
  if (cp >= 0x01f1 && cp <= 0x01f3) return '\u01f2';
  return toUpperInvariant(ch);
}
