import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { refusal } from '@shared/domain/error-messages';
import { loopbackBindAddress } from './loopback-host';
import type { JsonObject } from './records';
import { createScimApp, scimMountPath } from './scim-app';
import { toScimGroup } from './scim-groups';
import { toScimUser } from './scim-users';
import { openSandboxDatabase, resolveSandboxToken } from './sandbox-db';
import { createSandboxStore } from './sandbox-store';

export interface SandboxOptions {
  /** The sandbox's own SQLite file (created 0600 if missing). */
  dbPath: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A loopback address only: 127.0.0.1 (the default), another 127.x address, localhost or ::1. */
  host?: string;
  /** Replaces the stored token; without it the stored one is kept, or a random one made and stored. */
  token?: string;
  /** A better-sqlite3 addon built for the running runtime (Electron gets its own build). */
  nativeBinding?: string;
  /** Receives errors behind a 500 answer, for the app's log; they are not thrown anywhere. */
  onError?: (error: unknown) => void;
}

export interface SandboxUser {
  id: string;
  userName: string;
  externalId: string | null;
  displayName: string | null;
  active: boolean;
  created: string;
  lastModified: string;
  /** The user as a SCIM client reads it (without meta.location). */
  resource: JsonObject;
}

export interface SandboxGroup {
  id: string;
  displayName: string;
  externalId: string | null;
  memberCount: number;
  created: string;
  lastModified: string;
  /** The group as a SCIM client reads it, without members (see memberCount). */
  resource: JsonObject;
}

export interface SandboxListQuery {
  offset: number;
  limit: number;
  /** Case-insensitive substring of userName/displayName/externalId (users) or displayName/externalId (groups). */
  search?: string;
}

export interface SandboxStats {
  users: number;
  activeUsers: number;
  groups: number;
  memberships: number;
  /** HTTP requests served since this start, whatever their outcome (401s included). */
  requests: number;
}

export interface Sandbox {
  /** The SCIM base URL to give a connection: `http://127.0.0.1:<port>/scim/v2`. */
  baseUrl: string;
  token: string;
  port: number;
  stop(): Promise<void>;
  listUsers(query: SandboxListQuery): { total: number; items: SandboxUser[] };
  listGroups(query: SandboxListQuery): { total: number; items: SandboxGroup[] };
  stats(): SandboxStats;
  /** Deletes every user, group and membership. The token stays: the app holds it as a secret. */
  reset(): void;
}

const maxBrowseLimit = 1000;

/**
 * SCIMMY's configuration and resource location prefix are process-wide, so two sandboxes running at
 * once would answer with each other's URLs. One at a time, then, and a clear error otherwise.
 */
let runningDbPath: string | null = null;

/** Starts the Roster Sandbox: a SCIM 2.0 server on loopback, backed by its own SQLite file. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { bind, urlHost } = loopbackBindAddress(options.host ?? '127.0.0.1');
  const requestedPort = options.port ?? 0;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw refusal('invalidInput', 'sandboxPortRange', { port: String(options.port) });
  }
  if (runningDbPath !== null) {
    throw refusal('conflict', 'sandboxAlreadyRunning', { path: runningDbPath });
  }
  runningDbPath = options.dbPath;

  const db = (() => {
    try {
      return openSandboxDatabase(options.dbPath, options.nativeBinding);
    } catch (error) {
      runningDbPath = null;
      throw error;
    }
  })();
  try {
    const token = resolveSandboxToken(db, options.token);
    const store = createSandboxStore(db);
    let origin = '';
    let requests = 0;
    const app = createScimApp({
      store,
      token,
      origin: () => origin,
      onRequest: () => (requests += 1),
      onError: options.onError ?? (() => undefined),
    });
    const server = createServer(app);
    const port = await listen(server, requestedPort, bind);
    origin = `http://${urlHost}:${port}`;

    let stopped = false;
    return {
      baseUrl: origin + scimMountPath,
      token,
      port,
      async stop() {
        if (stopped) return;
        stopped = true;
        await close(server);
        db.close();
        runningDbPath = null;
      },
      listUsers(query) {
        const { offset, limit, search } = browseQuery(query);
        const page = store.users.browse(offset, limit, search);
        return {
          total: page.total,
          items: page.items.map((user) => ({
            id: user.id,
            userName: user.userName,
            externalId: user.externalId,
            displayName: user.displayName,
            active: user.active,
            created: user.created,
            lastModified: user.lastModified,
            resource: toScimUser(user),
          })),
        };
      },
      listGroups(query) {
        const { offset, limit, search } = browseQuery(query);
        const page = store.groups.browse(offset, limit, search);
        return {
          total: page.total,
          items: page.items.map(({ memberCount, ...group }) => ({
            id: group.id,
            displayName: group.displayName,
            externalId: group.externalId,
            memberCount,
            created: group.created,
            lastModified: group.lastModified,
            resource: toScimGroup(group, [], origin + scimMountPath),
          })),
        };
      },
      stats() {
        return { ...store.users.counts(), ...store.groups.counts(), requests };
      },
      reset() {
        store.reset();
      },
    };
  } catch (error) {
    db.close();
    runningDbPath = null;
    throw error;
  }
}

function browseQuery(query: SandboxListQuery): SandboxListQuery {
  const offset = Math.max(0, Math.trunc(query.offset) || 0);
  const limit = Math.min(maxBrowseLimit, Math.max(0, Math.trunc(query.limit) || 0));
  return { offset, limit, search: query.search };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? refusal('conflict', 'sandboxPortInUse', { port: String(port), host })
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting, drops idle keep-alive connections (clients pool them), and waits for the rest. */
function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
