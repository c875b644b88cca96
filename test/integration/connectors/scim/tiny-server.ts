/**
 * A scripted HTTP server on loopback for the transport tests (throttling, failures, odd answers):
 * each request is recorded with its arrival time before the test's handler answers it.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface Hit {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export type TinyHandler = (hit: Hit, response: ServerResponse, index: number) => void;

export interface TinyServer {
  origin: string;
  hits: Hit[];
  close(): Promise<void>;
}

export const emptyList = JSON.stringify({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
  totalResults: 0,
  Resources: [],
});

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/scim+json', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

export async function startTinyServer(
  handler: TinyHandler,
  tls?: { key: string; cert: string },
): Promise<TinyServer> {
  const hits: Hit[] = [];
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    const at = Date.now();
    readBody(request)
      .then((body) => {
        const hit: Hit = {
          method: request.method ?? 'GET',
          url: request.url ?? '/',
          headers: request.headers,
          body,
          at,
        };
        hits.push(hit);
        handler(hit, response, hits.length - 1);
      })
      .catch(() => response.destroy());
  };
  const server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
