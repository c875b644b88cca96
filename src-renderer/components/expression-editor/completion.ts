import { FUNCTION_CATALOGUE, tokenize, VIRTUAL_ATTRIBUTES, type FunctionInfo } from '@shared/expressions';

export type CompletionKind = 'function' | 'attribute' | 'enum';

export interface CompletionItem {
  readonly kind: CompletionKind;
  readonly label: string;
  /** Replaces the text from `from` to `to`. */
  readonly insert: string;
  /** Where the caret goes, counted from the start of `insert`. */
  readonly caret: number;
  /** Functions: their signature. */
  readonly detail?: string;
  /** Functions: one sentence. */
  readonly description?: string;
}

export interface Completion {
  readonly from: number;
  readonly to: number;
  /** What the user has typed so far (between `from` and the caret). */
  readonly prefix: string;
  readonly items: readonly CompletionItem[];
}

const ENUM_NAMES = ['vbBinaryCompare', 'vbTextCompare'];
/** Characters that end an attribute name being typed when its "]" is not there yet. */
const ATTRIBUTE_STOP = /[\],()"[\s]/;

/** Prefix matches first, then names that contain the typed text; both ignoring case. */
function rank<T>(entries: readonly T[], nameOf: (entry: T) => string, typed: string): T[] {
  const needle = typed.toLowerCase();
  const starts = entries.filter((e) => nameOf(e).toLowerCase().startsWith(needle));
  const contains = needle
    ? entries.filter(
        (e) => !nameOf(e).toLowerCase().startsWith(needle) && nameOf(e).toLowerCase().includes(needle),
      )
    : [];
  return [...starts, ...contains];
}

function functionItem(info: FunctionInfo, parenFollows: boolean): CompletionItem {
  const noArguments = info.maxArgs === 0;
  const insert = parenFollows ? info.name : noArguments ? `${info.name}()` : `${info.name}(`;
  return {
    kind: 'function',
    label: info.name,
    insert,
    // With "(" already there, step over it.
    caret: parenFollows ? info.name.length + 1 : insert.length,
    detail: info.signature,
    description: info.description,
  };
}

function attributeNames(sourceAttributes: readonly string[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const name of [...sourceAttributes, ...VIRTUAL_ATTRIBUTES]) {
    const key = name.toLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

function attributeCompletion(
  text: string,
  nameStart: number,
  cursor: number,
  sourceAttributes: readonly string[],
): Completion | null {
  const prefix = text.slice(nameStart, cursor);
  if (ATTRIBUTE_STOP.test(prefix)) return null;
  let to = cursor;
  while (to < text.length && !ATTRIBUTE_STOP.test(text.charAt(to))) to++;
  const closed = text.charAt(to) === ']';
  const items = rank(attributeNames(sourceAttributes), (n) => n, prefix).map((name): CompletionItem => ({
    kind: 'attribute',
    label: name,
    insert: closed ? name : `${name}]`,
    // After the "]", whether it was typed or inserted.
    caret: name.length + 1,
  }));
  return items.length > 0 ? { from: nameStart, to, prefix, items } : null;
}

/**
 * What to offer at the caret: function names (and the two InStr enums) while a word is typed, source
 * attribute names after "[". Null inside strings and anywhere nothing fits. Pure.
 */
export function completionAt(
  text: string,
  cursor: number,
  sourceAttributes: readonly string[],
): Completion | null {
  const token = tokenize(text).find((t) => t.start < cursor && cursor <= t.end);
  if (!token) return null;
  if (token.kind === 'attribute') {
    // Just after a closing "]": the reference is complete.
    if (cursor === token.end && text.charAt(token.end - 1) === ']') return null;
    return attributeCompletion(text, token.start + 1, cursor, sourceAttributes);
  }
  if (token.kind !== 'name') return null;
  const prefix = text.slice(token.start, cursor);
  const parenFollows = text.charAt(token.end) === '(';
  const functions = rank(FUNCTION_CATALOGUE, (f) => f.name, prefix).map((f) => functionItem(f, parenFollows));
  const enums = rank(ENUM_NAMES, (n) => n, prefix).map((name): CompletionItem => ({
    kind: 'enum',
    label: name,
    insert: name,
    caret: name.length,
  }));
  const items = [...functions, ...enums];
  return items.length > 0 ? { from: token.start, to: token.end, prefix, items } : null;
}

/** The text after accepting `item`, and where the caret goes. */
export function applyCompletion(
  text: string,
  completion: Pick<Completion, 'from' | 'to'>,
  item: CompletionItem,
): { text: string; caret: number } {
  const next = text.slice(0, completion.from) + item.insert + text.slice(completion.to);
  return { text: next, caret: completion.from + item.caret };
}
