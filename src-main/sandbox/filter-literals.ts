/**
 * SCIMMY's filter tokenizer ends a string at the first `"` even after a backslash, so
 * `userName eq "a\"b"` fails to parse and `"a\\b"` keeps both backslashes. Roster (and RFC 7644
 * §3.4.2.2, which uses JSON strings) escapes quotes and backslashes, so the sandbox swaps each string
 * literal for a placeholder SCIMMY parses safely, and puts the decoded value back after parsing.
 */

export class FilterLiteralError extends Error {
  override name = 'FilterLiteralError';
}

export interface ProtectedFilter {
  filter: string;
  literals: string[];
}

// A space and `#` cannot occur in an unquoted filter word, so no client value can look like this.
const placeholderPattern = /^#literal (\d+)#$/;

function placeholder(index: number): string {
  return `"#literal ${index}#"`;
}

export function protectFilterLiterals(filter: string): ProtectedFilter {
  const literals: string[] = [];
  let out = '';
  let i = 0;
  while (i < filter.length) {
    const char = filter[i];
    if (char !== '"') {
      out += char;
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < filter.length && filter[end] !== '"') end += filter[end] === '\\' ? 2 : 1;
    if (end >= filter.length)
      throw new FilterLiteralError(`Unterminated string in filter at position ${i + 1}`);
    const raw = filter.slice(i, end + 1);
    let decoded: unknown;
    try {
      decoded = JSON.parse(raw);
    } catch {
      throw new FilterLiteralError(`Invalid string ${raw} in filter: use JSON escapes (\\" and \\\\)`);
    }
    out += placeholder(literals.length);
    literals.push(decoded as string);
    i = end + 1;
  }
  return { filter: out, literals };
}

/** Puts decoded literals back into a parsed filter (plain data, as SCIMMY's Filter serialises to). */
export function restoreFilterLiterals(parsed: unknown, literals: readonly string[]): unknown {
  if (typeof parsed === 'string') {
    const match = placeholderPattern.exec(parsed);
    return match ? (literals[Number(match[1])] ?? parsed) : parsed;
  }
  if (Array.isArray(parsed)) return parsed.map((item) => restoreFilterLiterals(item, literals));
  if (typeof parsed === 'object' && parsed !== null) {
    return Object.fromEntries(
      Object.entries(parsed).map(([key, value]) => [key, restoreFilterLiterals(value, literals)]),
    );
  }
  return parsed;
}
