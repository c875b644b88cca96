/**
 * Pieces of a request URL, decoded without throwing: a malformed percent-escape (`/rpc/%E0%A4%A`) is
 * the client's mistake, answered 400, never a 500 from a URIError deep in a handler.
 */

/** The decoded text, or null when it holds a malformed percent-escape. */
export function decodePathPart(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The request's URL on this server, or null when the request line is not a usable URL. */
export function requestUrl(url: string | undefined, host: string): URL | null {
  try {
    return new URL(url ?? '/', `http://${host}`);
  } catch {
    return null;
  }
}
