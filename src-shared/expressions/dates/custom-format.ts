import { expressionMessage, type ExpressionMessageCode } from '../expression-messages';

/** A .NET custom date format string split into fields and literals (expressions.md §8.3). */
export type FieldLetter = 'y' | 'M' | 'd' | 'h' | 'H' | 'm' | 's' | 'f' | 'F' | 't' | 'z' | 'K';

export type FormatToken =
  | { readonly kind: 'field'; readonly letter: FieldLetter; readonly count: number }
  | { readonly kind: 'literal'; readonly text: string }
  /** The letter Z: written literally, and on parse it must match "Z" and marks the value as UTC. */
  | { readonly kind: 'utc' };

/** Why a format cannot be used, as a phrase code of syntax-messages.ts with its parameters. */
export interface DateFormatProblem {
  readonly code: ExpressionMessageCode;
  readonly params: Readonly<Record<string, string>>;
}

export type CompiledFormat =
  { ok: true; tokens: readonly FormatToken[] } | { ok: false; message: string; problem: DateFormatProblem };

function rejected(code: ExpressionMessageCode, params: Record<string, string> = {}): CompiledFormat {
  return { ok: false, message: expressionMessage(code, params).text, problem: { code, params } };
}

const FIELD_LETTERS = new Set<string>(['y', 'M', 'd', 'h', 'H', 'm', 's', 'f', 'F', 't', 'z', 'K']);

/** The .NET standard formats Roster accepts, written as the custom formats they stand for. */
const STANDARD_FORMATS: Readonly<Record<string, string>> = {
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  u: "yyyy'-'MM'-'dd HH':'mm':'ssZ",
};

const cache = new Map<string, CompiledFormat>();

/** Splits a format string into tokens, or says why it is not a format Roster supports. */
export function compileDateFormat(format: string): CompiledFormat {
  const hit = cache.get(format);
  if (hit) return hit;
  const result = compileUncached(format);
  if (cache.size > 500) cache.clear();
  cache.set(format, result);
  return result;
}

function compileUncached(format: string): CompiledFormat {
  if (format.length === 0) return rejected('dateFormatEmpty');
  if (format.length === 1) {
    const standard = STANDARD_FORMATS[format];
    if (standard !== undefined) return compileUncached(standard);
    return rejected('dateFormatSingleLetter', { format });
  }
  const tokens: FormatToken[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal) tokens.push({ kind: 'literal', text: literal });
    literal = '';
  };
  let i = 0;
  while (i < format.length) {
    const ch = format[i] as string;
    if (ch === "'" || ch === '"') {
      const close = findClosingQuote(format, i + 1, ch);
      if (close < 0) return rejected('dateFormatOpenQuote', { quote: ch });
      literal += format.slice(i + 1, close).replace(/\\(.)/g, '$1');
      i = close + 1;
      continue;
    }
    if (ch === '\\') {
      const next = format[i + 1];
      if (next === undefined) return rejected('dateFormatLoneBackslash');
      literal += next;
      i += 2;
      continue;
    }
    if (ch === '%') {
      const next = format[i + 1];
      if (next === undefined || next === '%') return rejected('dateFormatLonePercent');
      flush();
      if (FIELD_LETTERS.has(next)) tokens.push({ kind: 'field', letter: next as FieldLetter, count: 1 });
      else if (next === 'Z') tokens.push({ kind: 'utc' });
      else literal += next;
      i += 2;
      continue;
    }
    if (ch === 'Z') {
      flush();
      tokens.push({ kind: 'utc' });
      i++;
      continue;
    }
    if (FIELD_LETTERS.has(ch)) {
      let count = 1;
      while (format[i + count] === ch) count++;
      if ((ch === 'f' || ch === 'F') && count > 7) {
        return rejected('dateFormatFractionDigits', { field: ch.repeat(count) });
      }
      flush();
      tokens.push({ kind: 'field', letter: ch as FieldLetter, count });
      i += count;
      continue;
    }
    literal += ch;
    i++;
  }
  flush();
  return { ok: true, tokens };
}

function findClosingQuote(format: string, from: number, quote: string): number {
  for (let i = from; i < format.length; i++) {
    if (format[i] === '\\') i++;
    else if (format[i] === quote) return i;
  }
  return -1;
}

/** Whether a format uses the 12-hour clock without an AM/PM field, which cannot be parsed unambiguously. */
export function hasHour12WithoutMarker(tokens: readonly FormatToken[]): boolean {
  const has = (letter: FieldLetter): boolean => tokens.some((t) => t.kind === 'field' && t.letter === letter);
  return has('h') && !has('t');
}
