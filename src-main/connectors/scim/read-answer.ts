/**
 * Reading an answer's body with limits (ARCHITECTURE.md §6: untrusted input is parsed with limits).
 * A body larger than the limit is refused as soon as that is known — from Content-Length before
 * reading a byte, or when the running total passes it — and the stream is destroyed so the rest is
 * never downloaded. JSON is parsed with a nesting limit: a hostile answer ends in one sentence, never
 * in a RangeError from code that walks the value later.
 */
import { BoundedJsonError, parseBoundedJson } from '@shared/text/bounded-json';

/** Larger answers are refused rather than buffered: a runaway response must not exhaust memory. */
export const maxAnswerBytes = 32 * 1024 * 1024;
/** SCIM resources nest a handful of levels (ListResponse → resource → extension → manager). */
const maxAnswerDepth = 64;

/** What undici's response body offers that is used here. */
export interface AnswerBody extends AsyncIterable<unknown> {
  destroy(error?: Error): unknown;
}

export type AnswerText = { kind: 'text'; text: string } | { kind: 'tooLarge'; declaredBytes: number | null };

function declaredLength(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

/** The body as text, or `tooLarge` (the body is then destroyed, not drained). Transport errors throw. */
export async function readAnswerText(
  body: AnswerBody,
  contentLength: string | string[] | undefined,
  limitBytes: number = maxAnswerBytes,
): Promise<AnswerText> {
  const declared = declaredLength(contentLength);
  if (declared !== null && declared > limitBytes) {
    body.destroy();
    return { kind: 'tooLarge', declaredBytes: declared };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limitBytes) {
      body.destroy();
      return { kind: 'tooLarge', declaredBytes: null };
    }
    chunks.push(buffer);
  }
  return { kind: 'text', text: Buffer.concat(chunks).toString('utf8') };
}

export type ParsedAnswer =
  | { kind: 'json'; value: unknown }
  | { kind: 'notJson' }
  /** Valid JSON beyond the limits; `message` names the place (line and column). */
  | { kind: 'tooDeep'; message: string };

/** `where` names the request for messages: `GET /Users/42`. An empty body is `undefined` (204). */
export function parseAnswer(text: string, where: string): ParsedAnswer {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { kind: 'json', value: undefined };
  // JSON.parse first (it does not recurse, so deep text cannot overflow the stack), then a walk of
  // the value for its nesting: a fraction of the cost of scanning every character in script, which
  // was a tenth of the connector's time per answer (issue 11). Strings need no limit of their own:
  // the body is already bounded in bytes.
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch {
    return { kind: 'notJson' };
  }
  if (nestsAtMost(value, maxAnswerDepth)) return { kind: 'json', value };
  try {
    // Only to word the refusal: the bounded parser names the line and column.
    parseBoundedJson(body, where, { maxDepth: maxAnswerDepth, maxStringLength: maxAnswerBytes });
  } catch (error) {
    if (error instanceof BoundedJsonError) return { kind: 'tooDeep', message: error.message };
    throw error;
  }
  return { kind: 'tooDeep', message: `${where}: nested more than ${maxAnswerDepth} levels deep` };
}

/** Whether arrays and objects nest at most `levels` deep in `value` (the outermost one is level 1). */
function nestsAtMost(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (levels === 0) return false;
  const children = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
  for (const child of children) if (!nestsAtMost(child, levels - 1)) return false;
  return true;
}
