/**
 * A real SCIM 2.0 server for tests: scimmy 1.3.5 (protocol, schemas, PATCH engine, filter parser,
 * ListResponse) behind scimmy-routers 1.3.2 on express 4, with in-memory User and Group handlers
 * written here (scimmy leaves storage to its user). Listens on 127.0.0.1 at a free port with a random
 * bearer token; every request is recorded by an express middleware in front of the routers.
 *
 * What this server lacks or does differently (tests adapt to it):
 * - Filter values are not JSON-unescaped by scimmy's tokenizer, and a value containing `\"` cannot be
 *   tokenized at all: `userName eq "a\"b"` fails with 400 invalidFilter before any handler runs.
 *   The handlers below unescape `\\` themselves, so values with a backslash do match.
 * - PATCH values are type-checked strictly: `{"op":"Replace","path":"active","value":"False"}` (the
 *   entra-legacy string form) is rejected with 400 invalidValue. Op names are case-insensitive.
 * - scimmy keeps one global configuration (SCIMMY.Config, declared resources), so only one scimmy
 *   server per process; vitest runs each test file in its own worker, which is enough.
 * - /Bulk is advertised by scimmy-routers (maxOperations 1000 unless `bulkMaxOperations` is given);
 *   Roster never uses it. Sorting is supported; ETags and changePassword are not.
 * - Uniqueness (409) is enforced here for userName (case-insensitive) and group displayName.
 * - Only the enterprise User extension is declared; no custom extension schemas.
 * - A list answer pages at 20 resources unless `count` is given (scimmy's ListResponse default).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import { parseQuery, type RecordedRequest, type ScimPeer } from './scim-request-log';

type StoredResource = Record<string, unknown> & { id: string };

interface Store {
  users: Map<string, StoredResource>;
  groups: Map<string, StoredResource>;
}

export interface ScimmyServerOptions {
  /** Declared as bulk.maxOperations in /ServiceProviderConfig (discovery lowers the member chunk to it). */
  bulkMaxOperations?: number;
  /**
   * Run after a request is recorded and before scimmy sees it: a constraint layer (quirk peers) or a
   * dialect adapter. A handler must not mutate the recorded body; replace `request.body` instead.
   */
  layers?: express.RequestHandler[];
}

function plain(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

function clone(resource: StoredResource): StoredResource {
  return structuredClone(resource);
}

/** JSON string escapes in a filter value (scimmy passes them through raw). */
function unescapeFilterValue(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** Simple `attr eq "value"` expressions, matched here; anything else goes to scimmy's own matcher. */
const caseInsensitive = new Set(['username', 'displayname', 'emails']);

function simpleEq(filter: unknown): { attribute: string; value: string } | null {
  if (!Array.isArray(filter) || filter.length !== 1) return null;
  const expression: unknown = filter[0];
  if (typeof expression !== 'object' || expression === null) return null;
  const entries: [string, unknown][] = Object.entries(expression as Record<string, unknown>);
  if (entries.length !== 1) return null;
  const [attribute, test] = entries[0]!;
  if (!Array.isArray(test) || test.length !== 2) return null;
  const [comparator, value] = test as unknown[];
  if (String(comparator).toLowerCase() !== 'eq' || typeof value !== 'string') return null;
  return { attribute, value: unescapeFilterValue(value) };
}

function readFilter(resource: { filter?: unknown }, all: StoredResource[]): StoredResource[] {
  const filter = resource.filter as (unknown[] & { match?: (values: object[]) => object[] }) | undefined;
  if (!filter) return all;
  const eq = simpleEq(filter);
  if (eq && eq.attribute.toLowerCase() !== 'id') {
    const folded = caseInsensitive.has(eq.attribute.toLowerCase());
    return all.filter((item) => {
      const key = Object.keys(item).find((k) => k.toLowerCase() === eq.attribute.toLowerCase());
      const actual = key === undefined ? undefined : item[key];
      if (typeof actual !== 'string') return false;
      return folded ? actual.toLowerCase() === eq.value.toLowerCase() : actual === eq.value;
    });
  }
  return (filter.match?.(all) ?? all) as StoredResource[];
}

/** scimmy's typings demand a scimType string; undefined is what it means by "none". */
function scimError(status: number, scimType: string | undefined, detail: string): Error {
  return new SCIMMY.Types.Error(status, scimType as string, detail);
}

function notFound(id: string | undefined): Error {
  return scimError(404, undefined, `Resource ${id ?? ''} not found`);
}

function conflict(detail: string): Error {
  return scimError(409, 'uniqueness', detail);
}

/**
 * scimmy types handler results as its schema classes, but accepts plain objects (it re-parses them);
 * the stored JSON is handed over as whatever type the handler signature asks for.
 */
function asScimmy<T>(value: StoredResource | StoredResource[]): T {
  return value as unknown as T;
}

function storeOf(ctx: unknown): Store {
  return ctx as Store;
}

type UserEgressResult = Awaited<ReturnType<Parameters<typeof SCIMMY.Resources.User.egress>[0]>>;
type GroupEgressResult = Awaited<ReturnType<Parameters<typeof SCIMMY.Resources.Group.egress>[0]>>;

let declared = false;

/** scimmy's resource registry is global: declare once, and route each call to its server's store. */
function declareResources(): void {
  if (declared) return;
  declared = true;
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .extend(SCIMMY.Schemas.EnterpriseUser, false)
    .ingress((resource, instance, ctx) => {
      const store = storeOf(ctx);
      const data = plain(instance);
      const id = resource.id ?? randomUUID();
      const existing = resource.id ? store.users.get(id) : undefined;
      if (resource.id && !existing) throw notFound(resource.id);
      const userName = typeof data['userName'] === 'string' ? data['userName'].toLowerCase() : '';
      for (const [otherId, other] of store.users) {
        if (otherId !== id && String(other['userName']).toLowerCase() === userName) {
          throw conflict(`A user with userName "${String(data['userName'])}" already exists`);
        }
      }
      const now = new Date().toISOString();
      const created = (existing?.['meta'] as { created?: string } | undefined)?.created ?? now;
      const record: StoredResource = { ...data, id, meta: { created, lastModified: now } };
      store.users.set(id, record);
      return asScimmy(clone(record));
    })
    .egress((resource, ctx) => {
      const store = storeOf(ctx);
      if (resource.id) {
        const user = store.users.get(resource.id);
        if (!user) throw notFound(resource.id);
        return asScimmy<UserEgressResult>(clone(user));
      }
      return asScimmy<UserEgressResult>(readFilter(resource, [...store.users.values()].map(clone)));
    })
    .degress((resource, ctx) => {
      if (!resource.id || !storeOf(ctx).users.delete(resource.id)) throw notFound(resource.id);
    });

  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .ingress((resource, instance, ctx) => {
      const store = storeOf(ctx);
      const data = plain(instance);
      const id = resource.id ?? randomUUID();
      const existing = resource.id ? store.groups.get(id) : undefined;
      if (resource.id && !existing) throw notFound(resource.id);
      const displayName = typeof data['displayName'] === 'string' ? data['displayName'].toLowerCase() : '';
      for (const [otherId, other] of store.groups) {
        if (otherId !== id && String(other['displayName']).toLowerCase() === displayName) {
          throw conflict(`A group named "${String(data['displayName'])}" already exists`);
        }
      }
      const now = new Date().toISOString();
      const created = (existing?.['meta'] as { created?: string } | undefined)?.created ?? now;
      const record: StoredResource = { ...data, id, meta: { created, lastModified: now } };
      store.groups.set(id, record);
      return asScimmy(clone(record));
    })
    .egress((resource, ctx) => {
      const store = storeOf(ctx);
      if (resource.id) {
        const group = store.groups.get(resource.id);
        if (!group) throw notFound(resource.id);
        return asScimmy<GroupEgressResult>(clone(group));
      }
      return asScimmy<GroupEgressResult>(readFilter(resource, [...store.groups.values()].map(clone)));
    })
    .degress((resource, ctx) => {
      if (!resource.id || !storeOf(ctx).groups.delete(resource.id)) throw notFound(resource.id);
    });
}

export interface ScimmyPeer extends ScimPeer {
  /** Direct read of what the server stored (for assertions beyond the wire). */
  storedUser(id: string): Record<string, unknown> | undefined;
  storedGroup(id: string): Record<string, unknown> | undefined;
}

/** The express app of a scimmy server, for a caller that serves it itself (the bench's server process). */
export interface ScimmyApp {
  app: express.Express;
  token: string;
  requests: RecordedRequest[];
  store: Store;
}

export function createScimmyApp(options: ScimmyServerOptions = {}): ScimmyApp {
  declareResources();
  const token = randomBytes(24).toString('base64url');
  const store: Store = { users: new Map(), groups: new Map() };
  const requests: RecordedRequest[] = [];

  const routers = new SCIMMYRouters({
    type: 'bearer',
    handler: (request: Request) => {
      if (request.header('Authorization') !== `Bearer ${token}`) throw new Error('Invalid bearer token');
      return 'roster-tests';
    },
    context: () => store,
  });
  if (options.bulkMaxOperations !== undefined) {
    SCIMMY.Config.set('bulk', { maxOperations: options.bulkMaxOperations });
  }

  const app = express();
  app.use(
    '/scim/v2',
    express.json({ type: ['application/scim+json', 'application/json'], limit: '5mb' }),
    (request: Request, _response: Response, next: NextFunction) => {
      const search = request.originalUrl.includes('?')
        ? request.originalUrl.slice(request.originalUrl.indexOf('?'))
        : '';
      requests.push({
        method: request.method,
        path: request.path,
        query: parseQuery(search),
        body: ['POST', 'PUT', 'PATCH'].includes(request.method) ? (request.body as unknown) : undefined,
      });
      next();
    },
    ...(options.layers ?? []),
    routers,
  );
  return { app, token, requests, store };
}

export async function startScimmyServer(options: ScimmyServerOptions = {}): Promise<ScimmyPeer> {
  const { app, token, requests, store } = createScimmyApp(options);
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/scim/v2`,
    token,
    requests,
    resetRequests: () => {
      requests.length = 0;
    },
    storedUser: (id) => store.users.get(id),
    storedGroup: (id) => store.groups.get(id),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
