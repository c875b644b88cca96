/**
 * LDAP search filters (RFC 4515). Values are escaped here and nowhere else: a value from a CSV
 * file or a mapping must never be able to change a filter's meaning.
 */

/**
 * RFC 4515 §3: `\` `*` `(` `)` and NUL become `\5c` `\2a` `\28` `\29` `\00`. Other characters, non-ASCII
 * included, travel as UTF-8 as they are (escaping them as bytes would be correct LDAP, but ldapts'
 * filter parser turns each `\XX` into one character, which would garble multi-byte letters).
 */
export function escapeFilterValue(value: string): string {
  let out = '';
  for (const char of value) {
    switch (char) {
      case '\\':
        out += '\\5c';
        break;
      case '*':
        out += '\\2a';
        break;
      case '(':
        out += '\\28';
        break;
      case ')':
        out += '\\29';
        break;
      case '\u0000':
        out += '\\00';
        break;
      default:
        out += char;
    }
  }
  return out;
}

/** Bytes as `\xx` escapes: for binary values (objectGUID) in filters sent as text to other tools. */
export function escapeFilterBytes(bytes: Uint8Array): string {
  return [...bytes].map((b) => `\\${b.toString(16).padStart(2, '0')}`).join('');
}

const attributeDescription = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)(?:;[A-Za-z0-9-]+)*$/;

/** True for an attribute description a filter may name (`mail`, `2.5.4.3`, `cn;lang-ko`). */
export function isAttributeName(name: string): boolean {
  return attributeDescription.test(name);
}

/** `(attr=value)` with the value escaped; throws for a name that is not an attribute description. */
export function equalityFilter(attribute: string, value: string): string {
  if (!isAttributeName(attribute)) throw new Error(`"${attribute}" is not an LDAP attribute name`);
  return `(${attribute}=${escapeFilterValue(value)})`;
}

/** A configured filter may be written without its outer parentheses (`objectClass=user`). */
export function parenthesized(filter: string): string {
  const text = filter.trim();
  return text.startsWith('(') ? text : `(${text})`;
}

/** `(&a b …)`, or the single filter itself; empty parts are ignored. */
export function andFilter(...filters: (string | null | undefined)[]): string {
  const parts = filters.filter((f): f is string => !!f && f.trim() !== '').map(parenthesized);
  if (parts.length === 0) return '(objectClass=*)';
  if (parts.length === 1) return parts[0] as string;
  return `(&${parts.join('')})`;
}

/** `(|a b …)`, or the single filter itself. */
export function orFilter(filters: readonly string[]): string {
  const parts = filters.map(parenthesized);
  if (parts.length === 1) return parts[0] as string;
  return `(|${parts.join('')})`;
}
