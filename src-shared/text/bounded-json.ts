/**
 * JSON from files, command lines and servers, parsed with limits (ARCHITECTURE.md §6): a byte-order
 * mark is dropped, nesting deeper than `maxDepth` and strings longer than `maxStringLength` are
 * refused before JSON.parse sees them, so hostile input ends in one clear sentence that names the
 * place — never a RangeError with a stack trace from code that walks the value afterwards.
 */

export interface JsonLimits {
  /** Deepest nesting of arrays and objects (default 64). */
  maxDepth?: number;
  /** Longest string, in UTF-16 code units (default 1 MiB). */
  maxStringLength?: number;
}

export class BoundedJsonError extends Error {
  constructor(
    message: string,
    /** 1-based line and column of the problem in the text. */
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'BoundedJsonError';
  }
}

const defaultMaxDepth = 64;
const defaultMaxStringLength = 1024 * 1024;

/** At most `max` characters of `text`, on one line, for quoting bad data in a message. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max)}…`;
}

function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** Scans `text` once for nesting depth and string length; JSON syntax itself is left to JSON.parse. */
function checkLimits(text: string, where: string, maxDepth: number, maxStringLength: number): void {
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      if (inString && i - stringStart > maxStringLength) {
        const at = position(text, stringStart);
        throw new BoundedJsonError(
          `${where}: line ${at.line}, column ${at.column}: a string is longer than ${maxStringLength} characters`,
          at.line,
          at.column,
        );
      }
      continue;
    }
    if (c === 34) {
      inString = true;
      stringStart = i;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > maxDepth) {
        const at = position(text, i);
        throw new BoundedJsonError(
          `${where}: line ${at.line}, column ${at.column}: nested more than ${maxDepth} levels deep`,
          at.line,
          at.column,
        );
      }
    } else if (c === 93 || c === 125) {
      depth--;
    }
  }
}

/**
 * The index JSON.parse's message points at, when it gives one. Its message itself is not passed on:
 * newer engines quote the input in it, and the input may be megabytes long.
 */
function syntaxIndex(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : '';
  const match = /position (\d+)/.exec(message);
  if (match) return Math.min(Number(match[1]), text.length);
  return /end of (JSON )?input/i.test(message) ? text.length : 0;
}

/**
 * Parses JSON text with limits. `where` names the place for messages (`jobs.json`, `--source`,
 * `GET /Users/42`). Throws BoundedJsonError with a message that quotes at most a short excerpt.
 */
export function parseBoundedJson(text: string, where: string, limits: JsonLimits = {}): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new BoundedJsonError(`${where} is empty, not JSON`, 1, 1);
  checkLimits(
    body,
    where,
    limits.maxDepth ?? defaultMaxDepth,
    limits.maxStringLength ?? defaultMaxStringLength,
  );
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const index = syntaxIndex(body, error);
    // Text that ends too early is pointed at its last character, not past a trailing newline.
    const at = position(body, index >= body.length ? Math.max(0, body.trimEnd().length - 1) : index);
    const near =
      index >= body.length
        ? 'the text ends too early (a bracket, brace or quote is not closed)'
        : `near "${excerpt(body.slice(Math.max(0, index - 20), index + 20), 40)}"`;
    throw new BoundedJsonError(
      `${where} is not valid JSON: line ${at.line}, column ${at.column}, ${near}`,
      at.line,
      at.column,
    );
  }
}
