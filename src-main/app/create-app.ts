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
import { appVersion } from './version';

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
  close(): void;
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
  const ctx: AppContext = {
    store,
    vault: options.vault ?? createKeytarVault(),
    events,
    clock: options.clock ?? (() => new Date()),
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
    close: () => store.close(),
  };
}
