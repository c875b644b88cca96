/**
 * A loopback HTTP proxy in front of a real SCIM server that misbehaves on purpose, the way real SaaS
 * APIs do under load — so the chaos tests can prove, at the server, what the engine promises under
 * faults and crashes (issue 8). Unlike scim-proxy.ts (one scripted answer per test), it draws a fault
 * for every request from a seeded generator: the same seed gives the same sequence of faults in
 * arrival order (which requests get them still depends on the client's concurrency).
 *
 * Faults, each counted:
 * - `throttled`: 429 with `Retry-After: 1`, never forwarded (the server did nothing).
 * - `error500Before`: 500 without forwarding (not applied).
 * - `error500After`: forwarded and applied at the server, then answered 500 — the client cannot tell
 *   this from `error500Before`, which is exactly what makes retrying a POST dangerous.
 * - `timeout`: forwarded (applied), then never answered; the connection is held until the client
 *   gives up (the job's SCIM connection should use a short `timeoutSeconds`).
 * - `garbage`: forwarded (applied), then answered 200 with a body that is not JSON.
 *
 * Every request that reached the upstream is logged with the upstream's status (and, for a create,
 * the new id), whatever the client was told. Hooks let a test act at two exact moments — before a
 * request is forwarded, and after the upstream answered but before the client hears of it — which is
 * where the crash test SIGKILLs Roster.
 */
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from './seeded-random';

export type FaultKind = 'throttled' | 'error500Before' | 'error500After' | 'timeout' | 'garbage';

export const faultKinds: readonly FaultKind[] = [
  'throttled',
  'error500Before',
  'error500After',
  'timeout',
  'garbage',
];

/** Fractions of requests (0..1) that get each fault; their sum must be at most 1. */
export interface FaultMix {
  /** 429 + Retry-After: 1. */
  throttle: number;
  /** 500, half before forwarding and half after. */
  serverError: number;
  timeout: number;
  garbage: number;
}

export const noFaults: FaultMix = { throttle: 0, serverError: 0, timeout: 0, garbage: 0 };

export interface FaultRequest {
  /** 1-based arrival order at the proxy. */
  seq: number;
  method: string;
  /** Path and query relative to the SCIM base URL, e.g. `/Users?filter=…`. */
  url: string;
  /** `url` without its query. */
  path: string;
  /** The raw request body. */
  text: string;
  /** The parsed JSON body, or undefined (none, or not JSON). */
  body: unknown;
}

export interface UpstreamEntry extends FaultRequest {
  /** What the upstream answered. */
  status: number;
  /** `id` of the resource in a 2xx JSON answer to a POST (the object the server created). */
  createdId: string | null;
  /** The fault the client got instead of the upstream's answer, if any. */
  fault: FaultKind | null;
  /** True when a hook dropped the connection instead of answering (the client was killed). */
  dropped: boolean;
}

export interface FaultCounts {
  /** Every request that reached the proxy, exempt ones included. */
  requests: number;
  /** Requests that reached the upstream. */
  forwarded: number;
  /** Requests answered with the upstream's own answer. */
  passed: number;
  /** Requests the `exempt` hook waved through without a fault. */
  exempt: number;
  /** Requests a hook held back (never forwarded, never answered) or dropped after forwarding. */
  held: number;
  dropped: number;
  /** Requests whose client went away before an answer (killed, or gave up on a timeout). */
  clientGone: number;
  throttled: number;
  error500Before: number;
  error500After: number;
  timeout: number;
  garbage: number;
}

export interface FaultProxyHooks {
  /** Requests for which this is true are forwarded untouched, never faulted (e.g. a test's own calls). */
  exempt?: (req: FaultRequest) => boolean;
  /**
   * Runs for a request about to be forwarded (no fault drawn, or a fault that forwards). `hold`: never
   * forward and never answer — the caller is about to kill the client.
   */
  beforeForward?: (req: FaultRequest) => Promise<'forward' | 'hold'> | 'forward' | 'hold';
  /**
   * Runs once the upstream answered, before the client hears of it. `drop`: close the connection
   * without an answer — the "sent but not recorded" window of a crash.
   */
  afterUpstream?: (entry: UpstreamEntry) => Promise<'answer' | 'drop'> | 'answer' | 'drop';
}

export interface FaultProxy {
  /** Give this to the SCIM connection: same path as the upstream's base URL, on the proxy's port. */
  baseUrl: string;
  /** What reached the upstream, in arrival order; cleared by clearLog(). */
  upstreamLog: UpstreamEntry[];
  readonly counts: FaultCounts;
  /** Zeroes the counts (the log stays). */
  resetCounts(): void;
  clearLog(): void;
  setMix(mix: FaultMix): void;
  setHooks(hooks: FaultProxyHooks): void;
  /** Requests currently held open (timeouts, holds) until their client goes away. */
  readonly open: number;
  /**
   * Resolves once no request is being forwarded or held: what a killed client had already sent has
   * landed at the upstream (or never will), so the server can be read.
   */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Kept here too for the chaos tests that replay a fault sequence from its seed. */
export { seededRandom };

function emptyCounts(): FaultCounts {
  return {
    requests: 0,
    forwarded: 0,
    passed: 0,
    exempt: 0,
    held: 0,
    dropped: 0,
    clientGone: 0,
    throttled: 0,
    error500Before: 0,
    error500After: 0,
    timeout: 0,
    garbage: 0,
  };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function idOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const id = (body as Record<string, unknown>)['id'];
  return typeof id === 'string' ? id : null;
}

function scimError(status: number, detail: string): string {
  return JSON.stringify({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    status: String(status),
    detail,
  });
}

function validateMix(mix: FaultMix): void {
  const values = [mix.throttle, mix.serverError, mix.timeout, mix.garbage];
  if (values.some((v) => !(v >= 0 && v <= 1)) || values.reduce((a, b) => a + b, 0) > 1 + 1e-9) {
    throw new Error(`Bad fault mix ${JSON.stringify(mix)}: each 0..1, sum at most 1`);
  }
}

export async function startFaultProxy(options: {
  upstreamBaseUrl: string;
  seed: number;
  mix?: FaultMix;
  hooks?: FaultProxyHooks;
}): Promise<FaultProxy> {
  const upstream = new URL(options.upstreamBaseUrl);
  const upstreamPrefix = upstream.pathname.replace(/\/$/, '');
  // Keep-alive to the upstream: thousands of requests per cycle would otherwise each open a socket.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const random = seededRandom(options.seed);
  let mix = options.mix ?? noFaults;
  validateMix(mix);
  let hooks: FaultProxyHooks = options.hooks ?? {};
  let counts = emptyCounts();
  const upstreamLog: UpstreamEntry[] = [];
  let seq = 0;
  let open = 0;
  let active = 0;

  /** One draw per request decides its fault; the half/half split of 500s takes a second draw. */
  function drawFault(): FaultKind | null {
    const r = random();
    let edge = mix.throttle;
    if (r < edge) return 'throttled';
    edge += mix.serverError;
    if (r < edge) return random() < 0.5 ? 'error500Before' : 'error500After';
    edge += mix.timeout;
    if (r < edge) return 'timeout';
    edge += mix.garbage;
    if (r < edge) return 'garbage';
    return null;
  }

  function forward(
    req: FaultRequest,
    headers: IncomingMessage['headers'],
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const out = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: `${upstreamPrefix}${req.url}`,
          headers: { ...headers, host: upstream.host, connection: 'keep-alive' },
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(req.text);
    });
  }

  /** Holds a response open until the client closes the connection (a hung server, or a dead client). */
  function holdOpen(res: ServerResponse): void {
    open++;
    res.on('close', () => {
      open--;
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, text: string): Promise<void> {
    const url = req.url ?? '/';
    const path = url.startsWith(upstreamPrefix) ? url.slice(upstreamPrefix.length) || '/' : url;
    const request: FaultRequest = {
      seq: ++seq,
      method: req.method ?? 'GET',
      url: path,
      path: path.split('?')[0] ?? path,
      text,
      body: parseJson(text),
    };
    counts.requests++;
    let gone = false;
    res.on('close', () => {
      if (!res.writableFinished) {
        gone = true;
        counts.clientGone++;
      }
    });
    const exempt = hooks.exempt?.(request) === true;
    const fault = exempt ? null : drawFault();
    if (exempt) counts.exempt++;
    // Counted when drawn, whether or not the client is still there to receive it.
    if (fault) counts[fault]++;
    if (fault === 'throttled' || fault === 'error500Before') {
      res.writeHead(fault === 'throttled' ? 429 : 500, {
        'Content-Type': 'application/scim+json',
        ...(fault === 'throttled' ? { 'Retry-After': '1' } : {}),
      });
      res.end(scimError(fault === 'throttled' ? 429 : 500, `Injected ${fault}`));
      return;
    }
    if (!exempt && hooks.beforeForward && (await hooks.beforeForward(request)) === 'hold') {
      counts.held++;
      // The hook may have outlived the client (it kills it): a closed connection needs no holding.
      if (!gone) holdOpen(res);
      return;
    }
    let answer: { status: number; headers: IncomingMessage['headers']; body: Buffer };
    try {
      answer = await forward(request, req.headers);
    } catch {
      res.writeHead(502).end();
      return;
    }
    counts.forwarded++;
    const body = parseJson(answer.body.toString('utf8'));
    const entry: UpstreamEntry = {
      ...request,
      status: answer.status,
      createdId: request.method === 'POST' && answer.status < 300 ? idOf(body) : null,
      fault,
      dropped: false,
    };
    upstreamLog.push(entry);
    if (!exempt && hooks.afterUpstream && (await hooks.afterUpstream(entry)) === 'drop') {
      entry.dropped = true;
      counts.dropped++;
      res.destroy();
      return;
    }
    if (gone) return;
    if (fault === 'timeout') {
      holdOpen(res);
      return;
    }
    if (fault === 'error500After') {
      res.writeHead(500, { 'Content-Type': 'application/scim+json' });
      res.end(scimError(500, 'Injected error500After (the request was applied)'));
      return;
    }
    if (fault === 'garbage') {
      res.writeHead(200, { 'Content-Type': 'application/scim+json' });
      res.end('<html><body>502 Bad Gateway</body></html>{"truncated":');
      return;
    }
    counts.passed++;
    const headers = { ...answer.headers };
    // The body is re-sent whole: a chunked transfer header from the upstream would no longer be true.
    delete headers['transfer-encoding'];
    headers['content-length'] = String(answer.body.length);
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      active++;
      handle(req, res, Buffer.concat(chunks).toString('utf8'))
        .catch(() => {
          if (!res.headersSent) res.writeHead(502);
          res.end();
        })
        .finally(() => active--);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}${upstreamPrefix}`,
    upstreamLog,
    get counts() {
      return counts;
    },
    get open() {
      return open;
    },
    idle: async () => {
      while (active > 0 || open > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    resetCounts: () => {
      counts = emptyCounts();
    },
    clearLog: () => {
      upstreamLog.length = 0;
    },
    setMix: (next) => {
      validateMix(next);
      mix = next;
    },
    setHooks: (next) => {
      hooks = next;
    },
    stop: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
