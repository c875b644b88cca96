import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookieName = 'roster_token';

export type GuardVerdict =
  | { allow: true; tokenFrom: 'cookie' | 'header' | 'query' }
  | { allow: false; status: 401 | 403; reason: string };

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
 * Every request passes here first: a foreign Host or Origin is refused (403) before the token is even
 * looked at; then the per-run token must come as cookie, bearer header or `?token=` (401 otherwise).
 */
export function guardRequest(
  req: IncomingMessage,
  port: number,
  token: string,
  cookieName: string = `${tokenCookieName}_${port}`,
): GuardVerdict {
  const hosts = allowedHosts(port);
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
  const queryToken = new URL(req.url ?? '/', 'http://roster.invalid').searchParams.get('token') ?? undefined;
  if (sameToken(queryToken, token)) return { allow: true, tokenFrom: 'query' };
  return {
    allow: false,
    status: 401,
    reason: 'Open Roster with the link printed when it started (it carries the token)',
  };
}
