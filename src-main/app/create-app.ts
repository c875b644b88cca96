import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { AppInfo } from '@shared/domain/app-info';
import { openStore, type Store } from '../store/store';
import { createKeytarVault } from '../vault/keytar-vault';
import { redact } from '../vault/redact';
import type { Vault } from '../vault/vault';
import type { AppContext, Logger } from './context';
import { createDispatch, type Dispatch } from './dispatch';
import { createEventBus, type EventBus } from './event-bus';
import { createHandlers } from './handlers/index';
import type { Handlers } from './handlers/types';
import type { Engine } from '../engine/engine';
import { appVersion } from './version';
import { createEngine } from '../engine/engine';
import { createConnectorFactory } from './connector-factory';
import { createSandboxManager } from './sandbox/sandbox-manager';

export interface CreateAppOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  vault?: Vault;
  clock?: () => Date;
  osUser?: string;
  logger?: Logger;
  /** better-sqlite3 addon for the running runtime (Electron passes its own build). */
  sqliteNativeBinding?: string;
}

export interface RosterApp {
  dispatch: Dispatch;
  events: EventBus;
  handlers: Handlers;
  store: Store;
  dataDir: string;
  engine: Engine;
  /** For the CLI and tests, which use services directly; transports go through dispatch only. */
  context: AppContext;
  close(): Promise<void>;
}

export const databaseFileName = 'roster.db';

function consoleLogger(): Logger {
  return {
    info: (m) => console.log(redact(m)),
    warn: (m) => console.warn(redact(m)),
    error: (m) => console.error(redact(m)),
  };
}

function currentOsUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env['USER'] ?? process.env['USERNAME'] ?? 'unknown';
  }
}

/**
 * The one composition root. The Electron shell, browser mode, the CLI and the integration tests all
 * build Roster's services here and nowhere else.
 */
export function createApp(options: CreateAppOptions): RosterApp {
  const log = options.logger ?? consoleLogger();
  const databasePath = join(options.dataDir, databaseFileName);
  const store = openStore(
    options.sqliteNativeBinding
      ? { path: databasePath, nativeBinding: options.sqliteNativeBinding }
      : { path: databasePath },
  );
  if (store.backupPath) log.info(`Backed up the database before migrating: ${store.backupPath}`);

  const events = createEventBus((error) => log.warn(`An event listener failed: ${String(error)}`));
  const clock = options.clock ?? (() => new Date());
  const vault = options.vault ?? createKeytarVault();
  const connectors = createConnectorFactory(store, vault);
  // A crash or kill leaves cycles "running"; they did not finish and stored no watermark.
  store.cycles.markAbandoned(clock().toISOString());
  const engine = createEngine({
    store,
    connectors,
    clock,
    onProgress: (progress) => events.emit('jobs.progress', progress),
  });
  const ctx: AppContext = {
    store,
    vault,
    events,
    engine,
    connectors,
    sandbox: createSandboxManager({
      dbPath: join(options.dataDir, 'sandbox.db'),
      ...(options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {}),
      onChange: (status) => events.emit('sandbox.changed', status),
    }),
    clock,
    osUser: options.osUser ?? currentOsUser(),
    log,
    info: {
      name: 'Roster',
      version: appVersion,
      mode: options.mode,
      dataDir: options.dataDir,
      databasePath,
      schemaVersion: store.schemaVersion,
      osUser: options.osUser ?? currentOsUser(),
      platform: process.platform,
    },
  };
  const handlers = createHandlers(ctx);
  return {
    dispatch: createDispatch(handlers, log),
    events,
    handlers,
    store,
    dataDir: options.dataDir,
    engine,
    context: ctx,
    async close() {
      for (const jobId of engine.runningJobs()) engine.cancel(jobId);
      await ctx.sandbox.stop();
      store.close();
    },
  };
}
