/**
 * How a clause sees one raw source attribute value (scoping-filters.md §2): absent, null, "" and an empty
 * list are empty; numbers and bigints are integers; booleans are booleans. Filters run on raw source values,
 * before any mapping expression.
 */
export type ClauseInput =
  | { readonly kind: 'empty' }
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'integer'; readonly value: bigint; readonly text: string }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly text: string }
  | { readonly kind: 'unsupported'; readonly text: string; readonly why: string };

const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

export function readClauseInput(raw: unknown): ClauseInput {
  if (raw === undefined || raw === null || raw === '') return { kind: 'empty' };
  if (typeof raw === 'string') return { kind: 'string', text: raw };
  if (typeof raw === 'boolean') return { kind: 'boolean', value: raw, text: raw ? 'True' : 'False' };
  if (typeof raw === 'bigint') return { kind: 'integer', value: raw, text: raw.toString() };
  if (typeof raw === 'number') {
    if (Number.isInteger(raw)) return { kind: 'integer', value: BigInt(raw), text: BigInt(raw).toString() };
    return { kind: 'string', text: String(raw) };
  }
  if (Array.isArray(raw)) {
    if (raw.length === 0) return { kind: 'empty' };
    if (raw.length === 1) return readClauseInput(raw[0]);
    return {
      kind: 'unsupported',
      text: JSON.stringify(raw),
      why: 'multi-valued attributes cannot be filtered',
    };
  }
  if (raw instanceof Date)
    return { kind: 'unsupported', text: raw.toISOString(), why: 'date attributes cannot be filtered' };
  return { kind: 'unsupported', text: typeof raw, why: 'this kind of value cannot be filtered' };
}

/** The attribute as a signed 64-bit integer, if its string form is one (scoping-filters.md §5). */
export function clauseInteger(input: ClauseInput): bigint | undefined {
  if (input.kind === 'integer') return input.value;
  if (input.kind === 'string') return parseInteger(input.text);
  return undefined;
}

export function parseInteger(text: string): bigint | undefined {
  if (!/^-?[0-9]+$/.test(text)) return undefined;
  const n = BigInt(text);
  return n < INT64.min || n > INT64.max ? undefined : n;
}

/** Looks an attribute up exactly, then ignoring case, as expression attribute references do. */
export function lookupAttribute(source: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(source, name)) return source[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(source)) if (key.toLowerCase() === lower) return source[key];
  return undefined;
}
