import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookieName = 'roster_token';

export type GuardVerdict =
  | { allow: true; tokenFrom: 'cookie' | 'header' | 'query' }
  | { allow: false; status: 400 | 401 | 403; reason: string };

/**
 * The paths that answer with data or act: commands, events and exports. They take the token only from
 * the cookie or an Authorization header; a token in their URL would land in logs, history and
 * Referer headers, and would let a leaked link call commands directly.
 */
export function isApiPath(pathname: string): boolean {
  return pathname.startsWith('/rpc/') || pathname === '/events' || pathname.startsWith('/exports/');
}

/** How many times a header appears in the raw request (Node keeps only the first Host). */
function headerCount(req: IncomingMessage, name: string): number {
  let count = 0;
  const raw = req.rawHeaders ?? [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i]?.toLowerCase() === name) count++;
  return count;
}

/** The path of the request line, or null when it is not a URL path at all. */
function pathnameOf(url: string | undefined): string | null {
  try {
    return new URL(url ?? '/', 'http://roster.invalid').pathname;
  } catch {
    return null;
  }
}

/** Host names a browser on this machine may use for the server (DNS rebinding defence). */
function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

function sameToken(candidate: string | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * The cookie carries the port in its name: cookies are shared by every port of a host, and two Roster
 * servers must not overwrite each other's token.
 *
 * Every request passes here first: more than one Host header is refused (400), a foreign Host or Origin
 * (403) before the token is even looked at; then the per-run token must come as cookie or bearer
 * header, or — only when a page is loaded, never for /rpc, /events or /exports — as `?token=` (401
 * otherwise).
 */
export function guardRequest(
  req: IncomingMessage,
  port: number,
  token: string,
  cookieName: string = `${tokenCookieName}_${port}`,
): GuardVerdict {
  const hosts = allowedHosts(port);
  // Two Host headers are a smuggling attempt or a broken proxy: which one would a check trust?
  if (headerCount(req, 'host') > 1)
    return { allow: false, status: 400, reason: 'The request has more than one Host header' };
  const host = req.headers.host;
  if (!host || !hosts.has(host.toLowerCase())) {
    return { allow: false, status: 403, reason: `Host "${host ?? ''}" is not this Roster server` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost: string | null = null;
    try {
      const url = new URL(origin);
      originHost = url.protocol === 'http:' ? url.host.toLowerCase() : null;
    } catch {
      originHost = null;
    }
    if (!originHost || !hosts.has(originHost)) {
      return { allow: false, status: 403, reason: `Origin "${origin}" may not call this Roster server` };
    }
  }
  if (sameToken(readCookie(req.headers.cookie, cookieName), token))
    return { allow: true, tokenFrom: 'cookie' };
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ') && sameToken(auth.slice('Bearer '.length), token)) {
    return { allow: true, tokenFrom: 'header' };
  }
  // `?token=` only on loading the page: it is traded for the cookie at once (browser-server.ts).
  const method = req.method ?? 'GET';
  const pathname = pathnameOf(req.url);
  if ((method === 'GET' || method === 'HEAD') && pathname !== null && !isApiPath(pathname)) {
    const queryToken =
      new URL(req.url ?? '/', 'http://roster.invalid').searchParams.get('token') ?? undefined;
    if (sameToken(queryToken, token)) return { allow: true, tokenFrom: 'query' };
  }
  return {
    allow: false,
    status: 401,
    reason: 'Open Roster with the link printed when it started (it carries the token)',
  };
}
