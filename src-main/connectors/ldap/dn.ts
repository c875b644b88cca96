/**
 * Distinguished names (RFC 4514): escaping an attribute value for an RDN, parsing a DN into its RDNs,
 * and a normal form for comparing DNs. Servers answer in different spellings of the same DN
 * (OpenLDAP writes `cn=Kim\2C Min-jun`, AD writes `CN=Kim\, Min-jun`, case differs), so every map keyed
 * by DN uses normalizeDn.
 */

/** RFC 4514 §2.4: the characters that need a backslash anywhere in a value. */
const specials = new Set(['"', '+', ',', ';', '<', '>', '\\']);

function hex(char: string): string {
  return [...Buffer.from(char, 'utf8')]
    .map((b) => `\\${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/**
 * Escapes an RDN attribute value: `"` `+` `,` `;` `<` `>` `\` get a backslash, as do a leading `#` or
 * space and a trailing space; NUL is written `\00`. Other characters, non-ASCII included, stay as
 * they are (the DN travels as UTF-8). `hexOnly` writes every escape as `\XX`, which some parsers —
 * ldapts' modifyDN split among them — handle where `\,` trips them.
 */
export function escapeDnValue(value: string, hexOnly = false): string {
  const chars = [...value];
  return chars
    .map((char, index) => {
      const first = index === 0;
      const last = index === chars.length - 1;
      const needs =
        specials.has(char) ||
        char === '\u0000' ||
        (first && (char === '#' || char === ' ')) ||
        (last && char === ' ');
      if (!needs) return char;
      if (hexOnly || char === '\u0000') return hex(char);
      return `\\${char}`;
    })
    .join('');
}

export interface Rdn {
  /** Attribute type as written (`CN`, `cn`, an OID). */
  type: string;
  /** The value with escapes resolved. */
  value: string;
  /** The RDN exactly as it appeared in the DN (multi-valued RDNs keep their `+`). */
  raw: string;
}

function isHexPair(text: string, at: number): boolean {
  return /^[0-9a-fA-F]{2}$/.test(text.slice(at, at + 2));
}

/** Trims surrounding spaces, but not an escaped trailing space (`trailing\ `). */
function trimUnescaped(raw: string): string {
  let text = raw.trimStart();
  while (text.endsWith(' ')) {
    let backslashes = 0;
    for (let i = text.length - 2; i >= 0 && text[i] === '\\'; i--) backslashes++;
    if (backslashes % 2 === 1) break;
    text = text.slice(0, -1);
  }
  return text;
}

/** Resolves `\,` and `\XX` escapes (hex bytes are UTF-8 and may span several escapes). */
export function unescapeDnValue(raw: string): string {
  let text = trimUnescaped(raw);
  // A value may be written as #<BER hex> (RFC 4514 §2.4): kept as written, it is compared as is.
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) text = text.slice(1, -1);
  const bytes: number[] = [];
  let out = '';
  const flush = () => {
    if (bytes.length > 0) out += Buffer.from(bytes).toString('utf8');
    bytes.length = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\\' && i + 1 < text.length) {
      if (isHexPair(text, i + 1)) {
        bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
        i += 2;
        continue;
      }
      flush();
      out += text[i + 1] as string;
      i += 1;
      continue;
    }
    flush();
    out += char;
  }
  flush();
  return out;
}

/** Splits at unescaped separators (`,` between RDNs, `+` inside one), outside quotes. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\\' && i + 1 < text.length) {
      current += char + (text[i + 1] as string);
      i += 1;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

/** RDNs from the leaf up. The empty DN (the root DSE) has none. */
export function parseDn(dn: string): Rdn[] {
  if (dn.trim() === '') return [];
  return splitUnescaped(dn, ',').map((raw) => {
    const first = splitUnescaped(raw, '+')[0] ?? raw;
    const equals = first.indexOf('=');
    if (equals <= 0) throw new Error(`"${dn}" is not a distinguished name (no "=" in "${raw.trim()}")`);
    return {
      type: first.slice(0, equals).trim(),
      value: unescapeDnValue(first.slice(equals + 1)),
      raw: trimUnescaped(raw),
    };
  });
}

/** True when `dn` parses as a DN. */
export function isDn(dn: string): boolean {
  try {
    parseDn(dn);
    return true;
  } catch {
    return false;
  }
}

function normalRdn(raw: string): string {
  return splitUnescaped(raw, '+')
    .map((ava) => {
      const equals = ava.indexOf('=');
      const type = ava.slice(0, equals).trim().toLowerCase();
      const value = unescapeDnValue(ava.slice(equals + 1));
      return `${type}=${escapeDnValue(value.normalize('NFC').toLowerCase(), true)}`;
    })
    .sort()
    .join('+');
}

/**
 * One spelling per DN, for map keys and comparisons: types and values lower-cased (the naming
 * attributes of directories are case-insensitive in practice), escapes in one form, spaces around
 * separators dropped. Not for sending to a server.
 */
export function normalizeDn(dn: string): string {
  if (dn.trim() === '') return '';
  try {
    return splitUnescaped(dn, ',').map(normalRdn).join(',');
  } catch {
    return dn.trim().toLowerCase();
  }
}

export function sameDn(a: string, b: string): boolean {
  return normalizeDn(a) === normalizeDn(b);
}

/** The DN above `dn` as it was written (`''` for a top entry). */
export function parentDn(dn: string): string {
  const parts = splitUnescaped(dn, ',');
  return trimUnescaped(parts.slice(1).join(','));
}

/** The leaf RDN as it was written: `cn=Kim\2C Min-jun`. */
export function leafRdn(dn: string): string {
  return trimUnescaped(splitUnescaped(dn, ',')[0] ?? '');
}

/** True when `dn` is `ancestor` or below it. */
export function isWithin(dn: string, ancestor: string): boolean {
  const d = normalizeDn(dn);
  const a = normalizeDn(ancestor);
  return a === '' || d === a || d.endsWith(`,${a}`);
}

/** `<type>=<escaped value>,<container>`; the container is used as written. */
export function buildDn(rdnType: string, value: string, container: string, hexOnly = false): string {
  const rdn = `${rdnType}=${escapeDnValue(value, hexOnly)}`;
  return container.trim() === '' ? rdn : `${rdn},${container.trim()}`;
}
