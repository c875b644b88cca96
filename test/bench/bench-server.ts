/**
 * One SCIM server in a process of its own, for `npm run bench`: scimmy (in memory, the test peer) or
 * the Roster Sandbox (SQLite). Started by server-process.ts; prints one JSON line
 * `{ baseUrl, token }` on stdout once it listens.
 *
 *   node out/bench/bench-server.mjs --kind scimmy|sandbox [--db <file>] [--rate <requests/s>]
 *
 * In front of the SCIM app it counts every request by kind (served here, so what Roster or the raw
 * client sends is counted at the receiving end), keeps the writes it is told to record (for the raw
 * client to replay the same bodies), and with `--rate` enforces R requests per second the way SaaS
 * APIs do: a token bucket holding a tenth of a second of requests, and 429 with `Retry-After: 1`
 * when it is empty. `/__bench/*` is the bench's own control surface and is neither counted nor limited.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { openSandboxDatabase, resolveSandboxToken } from '../../src-main/sandbox/sandbox-db';
import { createSandboxStore } from '../../src-main/sandbox/sandbox-store';
import { createScimApp } from '../../src-main/sandbox/scim-app';
import { createScimmyApp } from '../peers/scimmy-server';

export interface ServerStats {
  /** `GET /Users?filter`, `GET /Users` (a list page), `GET /Users/<id>`, `POST /Users`, … */
  byKind: Record<string, number>;
  total: number;
  /** Answered 429 by the rate limit (included in total). */
  throttled: number;
  /** When the first and the last SCIM request since the last reset arrived (ms, this process's clock). */
  firstAt: number | null;
  lastAt: number | null;
  /** Between the first and the last request: how long none was in flight (ms; a diagnostic). */
  idleMs?: number;
  /** The server's CPU since the last reset (ms; a diagnostic). */
  cpuMs?: number;
}

export interface RecordedWrite {
  method: string;
  /** Relative to the SCIM base: `/Users`, `/Groups/<id>`. */
  path: string;
  body: unknown;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

/** `GET /Users?filter` etc.: the method, the endpoint, and whether it names one resource or filters. */
export function requestKind(method: string, path: string, hasFilter: boolean): string {
  const [endpoint = '', id] = path.split('/').filter(Boolean);
  if (id !== undefined) return `${method} /${endpoint}/<id>`;
  if (method === 'GET') return `GET /${endpoint}${hasFilter ? '?filter' : ' (list)'}`;
  return `${method} /${endpoint}`;
}

function scimApp(kind: string): { app: express.Express; token: string } {
  if (kind === 'scimmy') {
    const scimmy = createScimmyApp();
    return { app: scimmy.app, token: scimmy.token };
  }
  const dbPath = argument('db');
  if (!dbPath) throw new Error('--db <file> is required for the sandbox');
  const db = openSandboxDatabase(dbPath);
  const token = resolveSandboxToken(db, undefined);
  const app = createScimApp({
    store: createSandboxStore(db),
    token,
    origin: () => origin,
    onRequest: () => undefined,
    onError: (error) => console.error(error),
  });
  return { app, token };
}

let origin = '';

function main(): void {
  const kind = argument('kind') ?? 'scimmy';
  const rate = Number(argument('rate') ?? 0);
  const { app: scim, token } = scimApp(kind);
  const stats: ServerStats = { byKind: {}, total: 0, throttled: 0, firstAt: null, lastAt: null };
  let recording = false;
  const writes: RecordedWrite[] = [];
  const capacity = Math.max(1, rate / 10);
  let tokens = capacity;
  let refilledAt = performance.now();

  const app = express();
  // Diagnostics of how the client kept the server busy: the time with no request of it in flight
  // between its first and last, and the server's own CPU since the reset.
  let inFlight = 0;
  let changedAt = 0;
  let idleMs = 0;
  let cpuAtReset = process.cpuUsage();
  const inFlightChanges = (delta: number) => {
    const now = performance.now();
    if (inFlight === 0 && stats.firstAt !== null) idleMs += now - changedAt;
    inFlight += delta;
    changedAt = now;
  };
  app.get('/__bench/stats', (_req, res) => {
    const cpu = process.cpuUsage(cpuAtReset);
    res.json({ ...stats, idleMs: Math.round(idleMs), cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
  });
  app.post('/__bench/reset', (_req, res) => {
    stats.byKind = {};
    stats.total = 0;
    stats.throttled = 0;
    stats.firstAt = null;
    stats.lastAt = null;
    idleMs = 0;
    cpuAtReset = process.cpuUsage();
    writes.length = 0;
    res.json({ ok: true });
  });
  app.post('/__bench/record/:on', (req, res) => {
    recording = req.params['on'] === 'on';
    res.json({ recording });
  });
  app.get('/__bench/writes', (_req, res) => void res.json(writes));
  app.use('/scim/v2', (req: Request, res: Response, next: NextFunction) => {
    stats.total++;
    inFlightChanges(1);
    res.once('finish', () => inFlightChanges(-1));
    stats.lastAt = performance.now();
    stats.firstAt ??= stats.lastAt;
    const kindOf = requestKind(req.method, req.path, typeof req.query['filter'] === 'string');
    stats.byKind[kindOf] = (stats.byKind[kindOf] ?? 0) + 1;
    if (rate > 0) {
      const now = performance.now();
      tokens = Math.min(capacity, tokens + ((now - refilledAt) / 1000) * rate);
      refilledAt = now;
      if (tokens < 1) {
        stats.throttled++;
        res.status(429).set('Retry-After', '1').type('application/scim+json');
        res.send(
          JSON.stringify({
            schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
            status: '429',
            detail: `More than ${rate} requests per second`,
          }),
        );
        return;
      }
      tokens -= 1;
    }
    next();
  });
  // Parsed once here; the SCIM apps' own body parsers see req._body and leave it.
  app.use('/scim/v2', express.json({ type: ['application/scim+json', 'application/json'], limit: '5mb' }));
  app.use('/scim/v2', (req: Request, _res: Response, next: NextFunction) => {
    if (recording && req.method !== 'GET')
      writes.push({ method: req.method, path: req.path, body: req.body });
    next();
  });
  app.use(scim);

  const server = createServer(app);
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
    process.stdout.write(`${JSON.stringify({ baseUrl: `${origin}/scim/v2`, token, pid: process.pid })}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

main();
