/**
 * A loopback proxy in front of a real SCIM test server that injects transport faults, for the cases a
 * server cannot be asked to produce: a fault *before* the request reaches the server (it did nothing:
 * a 429, a 503, a hang, a reset) or *after* the server has carried it out (the answer is lost: a 500,
 * a non-JSON 2xx, a body that breaks off, a hang, a reset, a 201 whose id was stripped). Requests and
 * the decision taken for each are recorded in order.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultRequest {
  method: string;
  /** Path and query relative to the SCIM base URL, e.g. `/Users?filter=…`. */
  url: string;
  body: string;
}

/** A canned answer: `status`, optional headers, a body string. */
export interface CannedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** What goes wrong with one exchange. `hang` never answers; `reset` destroys the socket. */
export type Fault =
  | 'pass'
  | { before: 'hang' | 'reset' | CannedAnswer }
  | { after: 'hang' | 'reset' | 'garbage' | 'truncate' | 'stripId' | CannedAnswer };

export interface FaultProxy {
  baseUrl: string;
  /** Every request that reached the proxy, with the fault chosen for it. */
  seen: (FaultRequest & { fault: Fault })[];
  /** Requests passed on to the real server (those that may have taken effect there). */
  forwarded(): number;
  stop(): Promise<void>;
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

function answer(res: ServerResponse, canned: CannedAnswer): void {
  res.writeHead(canned.status, { 'content-type': 'application/scim+json', ...(canned.headers ?? {}) });
  res.end(canned.body ?? '');
}

function forward(
  upstream: URL,
  req: FaultRequest,
  headers: IncomingHttpHeaders,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: `${upstream.pathname.replace(/\/$/, '')}${req.url}`,
        headers: { ...headers, host: upstream.host },
      },
      (res) => {
        readAll(res).then(
          (body) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body }),
          reject,
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

function stripId(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    delete parsed['id'];
    return JSON.stringify(parsed);
  } catch {
    return body.toString('utf8');
  }
}

export async function startFaultProxy(
  upstreamBaseUrl: string,
  decide: (req: FaultRequest, index: number) => Fault,
): Promise<FaultProxy> {
  const upstream = new URL(upstreamBaseUrl);
  const seen: (FaultRequest & { fault: Fault })[] = [];
  let forwarded = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request: FaultRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      body: (await readAll(req)).toString('utf8'),
    };
    const fault = decide(request, seen.length);
    seen.push({ ...request, fault });
    if (fault !== 'pass' && 'before' in fault) {
      if (fault.before === 'hang') return;
      if (fault.before === 'reset') {
        req.socket.destroy();
        return;
      }
      answer(res, fault.before);
      return;
    }
    forwarded += 1;
    const upstreamAnswer = await forward(upstream, request, req.headers);
    const after = fault === 'pass' ? null : fault.after;
    if (after === null || after === 'stripId') {
      const body = after === 'stripId' ? stripId(upstreamAnswer.body) : upstreamAnswer.body;
      const headers = { ...upstreamAnswer.headers };
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      res.writeHead(upstreamAnswer.status, headers);
      res.end(body);
      return;
    }
    switch (after) {
      case 'hang':
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'garbage':
        answer(res, { status: upstreamAnswer.status < 300 ? upstreamAnswer.status : 200, body: '<html>' });
        return;
      case 'truncate':
        // Promise more than is sent, then drop the connection mid-body.
        res.writeHead(upstreamAnswer.status, {
          'content-type': 'application/scim+json',
          'content-length': String(upstreamAnswer.body.length + 100),
        });
        res.write(upstreamAnswer.body.subarray(0, Math.max(1, upstreamAnswer.body.length >> 1)), () =>
          req.socket.destroy(),
        );
        return;
      default:
        answer(res, after);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    forwarded: () => forwarded,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
