import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail } from '@shared/domain/result';
import { parseBoundedJson } from '@shared/text/bounded-json';
import type { RosterApp } from '../create-app';
import { openEventStream } from './event-stream';
import { assertLoopbackBindAddress } from './loopback';
import { guardRequest, tokenCookieName } from './request-guard';
import { securityHeaders } from './security-headers';
import { serveExport, serveStatic } from './static-files';
import { decodePathPart, requestUrl } from './url-parts';
import { join } from 'node:path';

export interface BrowserServerOptions {
  app: RosterApp;
  rendererDir: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  token?: string;
}

export interface BrowserServer {
  /** The URL to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function badRequest(res: ServerResponse, message: string): void {
  sendJson(res, 400, fail({ code: 'invalidInput', message }));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error(`Request body over ${maxBodyBytes} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Browser mode: the renderer and the contract over loopback HTTP (commands) and SSE (events).
 * Binds loopback only, demands the per-run token on every request, checks Host and Origin, and sends
 * no CORS headers, so no other web page can call it.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = assertLoopbackBindAddress(options.host ?? '127.0.0.1');
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = 0;
  const cookieName = () => `${tokenCookieName}_${port}`;

  async function handleRpc(command: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, fail({ code: 'invalidInput', message: 'Commands are sent as application/json' }));
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      // Bounded like every JSON Roster reads: a deeply nested body is refused here, before any code walks it.
      input = body.length === 0 ? {} : parseBoundedJson(body, 'The request body');
    } catch (error) {
      badRequest(res, error instanceof Error ? error.message : 'The request body cannot be read');
      return;
    }
    sendJson(res, 200, await options.app.dispatch(command, input));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = guardRequest(req, port, token, cookieName());
    if (!verdict.allow) {
      const code =
        verdict.status === 400 ? 'invalidInput' : verdict.status === 401 ? 'unauthorized' : 'forbidden';
      sendJson(res, verdict.status, { ok: false, error: { code, message: verdict.reason } });
      return;
    }
    const url = requestUrl(req.url, req.headers.host ?? '127.0.0.1');
    if (!url) {
      badRequest(res, 'The request URL cannot be read');
      return;
    }
    if (verdict.tokenFrom === 'query') {
      // Trade the token in the URL for a cookie, and drop it from the address bar and history.
      url.searchParams.delete('token');
      res.writeHead(302, {
        ...securityHeaders,
        'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') {
        res.writeHead(405, { ...securityHeaders, Allow: 'POST' }).end();
        return;
      }
      const command = decodePathPart(url.pathname.slice('/rpc/'.length));
      if (command === null) badRequest(res, 'The command name in the URL has a malformed %-escape');
      else await handleRpc(command, req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...securityHeaders, Allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname.startsWith('/exports/')) {
      const name = decodePathPart(url.pathname.slice('/exports/'.length));
      if (name === null) badRequest(res, 'The file name in the URL has a malformed %-escape');
      else serveExport(join(options.app.dataDir, 'exports'), name, res);
      return;
    }
    if (url.pathname === '/events') {
      openEventStream(res, options.app.events, securityHeaders);
      return;
    }
    const pathname = decodePathPart(url.pathname);
    if (pathname === null) {
      badRequest(res, 'The path has a malformed %-escape');
      return;
    }
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    serveStatic(options.rendererDir, pathname, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, fail({ code: 'internal', message: 'The request failed' }));
      else res.destroy(error instanceof Error ? error : undefined);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
