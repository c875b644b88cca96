/**
 * RFC 4512 §4.1 schema descriptions, as the subschema subentry lists them in attributeTypes and
 * objectClasses: `( 2.5.4.3 NAME ( 'cn' 'commonName' ) SUP name SYNTAX 1.3.6.1.4.1.1466.115.121.1.15{32768} )`.
 * A description this parser cannot read is skipped by the caller, never guessed at.
 */

export interface AttributeTypeDescription {
  oid: string;
  names: string[];
  sup: string | null;
  /** The syntax OID without its length bound. */
  syntax: string | null;
  singleValue: boolean;
  noUserModification: boolean;
  usage: string;
  obsolete: boolean;
}

export interface ObjectClassDescription {
  oid: string;
  names: string[];
  sup: string[];
  kind: 'ABSTRACT' | 'STRUCTURAL' | 'AUXILIARY';
  must: string[];
  may: string[];
}

type Token = { kind: 'open' | 'close' } | { kind: 'quoted' | 'word'; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'open' : 'close' });
      i++;
    } else if (char === "'") {
      const end = text.indexOf("'", i + 1);
      if (end === -1) throw new Error('unterminated quoted string');
      // RFC 4512 escapes ' and \ in qdstrings as \27 and \5C.
      tokens.push({
        kind: 'quoted',
        text: text
          .slice(i + 1, end)
          .replace(/\\(27|5c)/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      });
      i = end + 1;
    } else {
      let end = i;
      while (end < text.length && !/[\s()']/.test(text[end] as string)) end++;
      tokens.push({ kind: 'word', text: text.slice(i, end) });
      i = end;
    }
  }
  return tokens;
}

/** Keyword → its values (one, or a parenthesised list; `$` separators dropped); flags get []. */
function fields(text: string): { oid: string; fields: Map<string, string[]> } {
  const tokens = tokenize(text);
  if (tokens[0]?.kind !== 'open') throw new Error('a description starts with "("');
  const oidToken = tokens[1];
  if (!oidToken || (oidToken.kind !== 'word' && oidToken.kind !== 'quoted')) throw new Error('no OID');
  const map = new Map<string, string[]>();
  let i = 2;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    if (token.kind === 'close') break;
    if (token.kind !== 'word') {
      i++;
      continue;
    }
    const keyword = token.text.toUpperCase();
    const next = tokens[i + 1];
    if (next?.kind === 'open') {
      const values: string[] = [];
      i += 2;
      while (i < tokens.length && tokens[i]?.kind !== 'close') {
        const item = tokens[i] as Token;
        if ((item.kind === 'word' && item.text !== '$') || item.kind === 'quoted') values.push(item.text);
        i++;
      }
      map.set(keyword, values);
      i++;
    } else if (next && (next.kind === 'word' || next.kind === 'quoted') && !flags.has(keyword)) {
      map.set(keyword, [next.text]);
      i += 2;
    } else {
      map.set(keyword, []);
      i++;
    }
  }
  return { oid: oidToken.text, fields: map };
}

/** Keywords without a value; every other keyword takes the next token (or list) as its value. */
const flags = new Set([
  'OBSOLETE',
  'SINGLE-VALUE',
  'COLLECTIVE',
  'NO-USER-MODIFICATION',
  'ABSTRACT',
  'STRUCTURAL',
  'AUXILIARY',
]);

export function parseAttributeType(text: string): AttributeTypeDescription {
  const { oid, fields: f } = fields(text);
  const syntax = f.get('SYNTAX')?.[0]?.replace(/\{\d*\}$/, '') ?? null;
  return {
    oid,
    names: f.get('NAME') ?? [],
    sup: f.get('SUP')?.[0] ?? null,
    syntax,
    singleValue: f.has('SINGLE-VALUE'),
    noUserModification: f.has('NO-USER-MODIFICATION'),
    usage: f.get('USAGE')?.[0] ?? 'userApplications',
    obsolete: f.has('OBSOLETE'),
  };
}

export function parseObjectClass(text: string): ObjectClassDescription {
  const { oid, fields: f } = fields(text);
  const kind = f.has('ABSTRACT') ? 'ABSTRACT' : f.has('AUXILIARY') ? 'AUXILIARY' : 'STRUCTURAL';
  return {
    oid,
    names: f.get('NAME') ?? [],
    sup: f.get('SUP') ?? [],
    kind,
    must: f.get('MUST') ?? [],
    may: f.get('MAY') ?? [],
  };
}
