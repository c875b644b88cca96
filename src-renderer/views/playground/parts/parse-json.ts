import { jsonErrorOffset } from './json-error-offset';

/** Why a JSON text could not be used, and where. */
export type JsonProblem =
  | {
      readonly kind: 'syntax';
      readonly line: number;
      readonly column: number;
      /** The character found there; undefined when the text ends too early. */
      readonly found?: string;
    }
  | { readonly kind: 'notAnObject' };

export type JsonResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: JsonProblem };

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Parses JSON; a syntax error names its line and column and the character found there. */
export function parseJson(text: string): JsonResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const offset = jsonErrorOffset(text);
    const found = offset < text.length ? String.fromCodePoint(text.codePointAt(offset) ?? 0) : undefined;
    return {
      ok: false,
      problem: { kind: 'syntax', ...lineAndColumn(text, offset), ...(found === undefined ? {} : { found }) },
    };
  }
}

/** A sample source object: one JSON object, not an array, string or null. */
export function parseJsonObject(text: string): JsonResult<Record<string, unknown>> {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, problem: { kind: 'notAnObject' } };
  return { ok: true, value: value as Record<string, unknown> };
}
