import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** Path and query relative to the SCIM base URL, e.g. `/Users?filter=…`. */
  url: string;
  body: string;
}

export type ProxyDecision =
  { respond: { status: number; headers?: Record<string, string>; body?: string } } | 'forward';

/** The SCIM error a target sends for a value it will not take: a permanent failure (§9.1). */
export function scimRefusal(detail: string): ProxyDecision {
  return {
    respond: {
      status: 400,
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '400',
        scimType: 'invalidValue',
        detail,
      }),
    },
  };
}

export interface ScimProxy {
  baseUrl: string;
  /** What reached the proxy, in order (including requests it answered itself). */
  seen: ProxiedRequest[];
  stop(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of a real SCIM test server, for the two situations a server cannot
 * be asked to produce on cue: a throttling answer (429) and a change made by someone else between
 * two of Roster's requests. `before` may answer a request itself; `after` runs once the upstream has
 * answered and before the answer goes back to Roster.
 */
export async function startScimProxy(
  upstreamBaseUrl: string,
  hooks: {
    before?: (req: ProxiedRequest) => ProxyDecision;
    after?: (req: ProxiedRequest, status: number) => Promise<void>;
  },
): Promise<ScimProxy> {
  const upstream = new URL(upstreamBaseUrl);
  const seen: ProxiedRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const proxied: ProxiedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', body };
      seen.push(proxied);
      const decision = hooks.before?.(proxied) ?? 'forward';
      if (decision !== 'forward') {
        res.writeHead(decision.respond.status, {
          'Content-Type': 'application/scim+json',
          ...(decision.respond.headers ?? {}),
        });
        res.end(decision.respond.body ?? '');
        return;
      }
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: proxied.method,
          path: `${upstream.pathname.replace(/\/$/, '')}${proxied.url}`,
          headers: { ...req.headers, host: upstream.host },
        },
        (upstreamRes) => {
          const out: Buffer[] = [];
          upstreamRes.on('data', (c: Buffer) => out.push(c));
          upstreamRes.on('end', () => {
            const status = upstreamRes.statusCode ?? 502;
            void (hooks.after?.(proxied, status) ?? Promise.resolve()).then(() => {
              res.writeHead(status, upstreamRes.headers);
              res.end(Buffer.concat(out));
            });
          });
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
