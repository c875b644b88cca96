/**
 * What a SCIM test server received, recorded at the server (not by the client under test), so a test
 * can assert exactly which requests Roster sent.
 */

export interface RecordedRequest {
  method: string;
  /** Relative to the SCIM base URL: `/Users`, `/Groups/<id>`. */
  path: string;
  /** Decoded query parameters: `{ filter: 'userName eq "ann"' }`. */
  query: Record<string, string>;
  /** Parsed JSON body of POST/PUT/PATCH; undefined otherwise. */
  body: unknown;
}

/** Every test peer exposes this. */
export interface ScimPeer {
  baseUrl: string;
  token: string;
  /** Live list: grows as requests arrive, emptied by resetRequests(). */
  requests: RecordedRequest[];
  resetRequests(): void;
  stop(): Promise<void>;
}

/** `a=b&c=d` → map; `+` is kept literally (SCIM clients send %20 for spaces). */
export function parseQuery(search: string): Record<string, string> {
  const query: Record<string, string> = {};
  const text = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const index = pair.indexOf('=');
    const key = index === -1 ? pair : pair.slice(0, index);
    const value = index === -1 ? '' : pair.slice(index + 1);
    query[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  return query;
}

export function parseJsonBody(raw: Buffer | string): unknown {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function requestsTo(peer: ScimPeer, method: string, pathPrefix: string): RecordedRequest[] {
  return peer.requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix));
}
