/**
 * A real SCIM 2.0 server for tests: better-auth 1.7 with the @better-auth/scim 1.7.5 plugin, on an
 * in-memory better-sqlite3 database (its own migrations create the tables). One static provisioning
 * connection with a random bearer credential, as the plugin's `connections` option defines them.
 * Better Auth's fetch handler is wrapped by a node:http server that records every SCIM request
 * before passing it on. Base URL: `http://127.0.0.1:<port>/api/auth/scim/v2`.
 *
 * What this server lacks or does differently (tests adapt to it):
 * - No /Bulk (bulk.supported false, maxOperations 0), no sorting, no ETags.
 * - filter.maxResults is 100.
 * - Users must have an email: a create without `emails` is rejected (400) unless userName itself is
 *   an email address, which then becomes the email. Email values are stored lower-cased (and a
 *   missing displayName is filled from the email).
 * - Email values are validated as addresses: a work email with a `"` in it is rejected.
 * - Group displayName is unique (409, case-insensitive).
 * - Only the core User, the enterprise extension and Group exist: a custom extension URN in a body is
 *   rejected.
 * - Entra's legacy Group schema URI on POST /Groups is accepted only because this peer turns on the
 *   plugin's `compatibility.microsoftEntra.acceptLegacyGroupSchema`.
 * (Filter values with escaped quotes and backslashes, PATCH, PUT, Groups with members and 409 on
 * duplicates all work.)
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { scim } from '@better-auth/scim';
import { parseJsonBody, parseQuery, type RecordedRequest, type ScimPeer } from './scim-request-log';

const scimPath = '/api/auth/scim/v2';

function buildAuth(origin: string, token: string, database: Database.Database) {
  return betterAuth({
    database,
    baseURL: origin,
    secret: randomBytes(32).toString('hex'),
    // Tests send many requests quickly; the server's own limiter is not what they exercise.
    rateLimit: { enabled: false },
    logger: { disabled: true },
    plugins: [
      scim({
        connections: [{ id: 'roster-tests', credentials: [{ type: 'bearer', id: 'roster', token }] }],
        compatibility: { microsoftEntra: { acceptLegacyGroupSchema: true } },
      }),
    ],
  });
}

type Auth = ReturnType<typeof buildAuth>;

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

export async function startBetterAuthScimServer(): Promise<ScimPeer> {
  const token = randomBytes(24).toString('base64url');
  const requests: RecordedRequest[] = [];
  const database = new Database(':memory:');
  let auth: Auth | null = null;
  let origin = '';

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readAll(request);
    const url = new URL(request.url ?? '/', origin);
    const method = request.method ?? 'GET';
    if (url.pathname.startsWith(scimPath)) {
      requests.push({
        method,
        path: url.pathname.slice(scimPath.length) || '/',
        query: parseQuery(url.search),
        body: ['POST', 'PUT', 'PATCH'].includes(method) ? parseJsonBody(raw) : undefined,
      });
    }
    if (!auth) {
      response.writeHead(503).end();
      return;
    }
    const answer = await auth.handler(
      new Request(url, {
        method,
        headers: toHeaders(request),
        body: method === 'GET' || method === 'HEAD' || raw.length === 0 ? undefined : raw,
      }),
    );
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      headers[name] = value;
    });
    response.writeHead(answer.status, headers);
    response.end(Buffer.from(await answer.arrayBuffer()));
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  // better-auth needs its own origin as baseURL, which is known only once the port is.
  const instance = buildAuth(origin, token, database);
  const { runMigrations } = await getMigrations(instance.options);
  await runMigrations();
  auth = instance;

  return {
    baseUrl: `${origin}${scimPath}`,
    token,
    requests,
    resetRequests: () => {
      requests.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          database.close();
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
