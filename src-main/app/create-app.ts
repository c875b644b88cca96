import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { basename, join } from 'node:path';
import type { AppInfo } from '@shared/domain/app-info';
import { openStore, type Store } from '../store/store';
import { createDefaultVault } from '../vault/choose-vault';
import { loadOrCreateSandboxToken, withSandboxToken } from '../vault/sandbox-token';
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
import { startSandboxIfTarget } from './sandbox/sandbox-connection';
import { createScheduler, type Scheduler } from '../scheduler/scheduler';
import { systemTimers, type Timers } from '../scheduler/time';
import { createLogRetention } from '../scheduler/log-retention';
import type { TriggerTiming } from '../scheduler/change-triggers/index';
import { sourceWatchDeps } from './source-watch';
import { createProgressBoard } from './jobs/progress-board';
import { alertForEngineEvent, alertForQuarantine } from './jobs/quarantine-alerts';
import { createAppNotifier } from '../notify/app-notifier';
import { createEventDesktopNotifier, type DesktopNotifier } from '../notify/desktop';

export interface CreateAppOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  vault?: Vault;
  /**
   * Without `vault`: read secrets from this credentials directory instead of the OS keychain
   * (`roster run --secrets-dir`; `ROSTER_SECRETS_DIR` and systemd's `CREDENTIALS_DIRECTORY` work too).
   */
  secretsDir?: string;
  clock?: () => Date;
  osUser?: string;
  logger?: Logger;
  /** better-sqlite3 addon for the running runtime (Electron passes its own build). */
  sqliteNativeBinding?: string;
  /**
   * How other processes on the data folder name this one when it holds a job ("roster sync", "the
   * Roster app"). Defaults to one derived from the mode and, for the CLI, the command line.
   */
  ownerLabel?: string;
  /** How long a job's lease lasts unless renewed (default 60 s); tests shorten it. */
  leaseTtlMs?: number;
  /**
   * Where job alerts appear on the desktop: the Electron shell passes Electron's notifications;
   * otherwise they go out as the `notifications.desktop` event (browser mode shows them).
   */
  desktopNotifier?: DesktopNotifier;
  /**
   * Run started jobs on their schedule. On by default in the app and browser mode; `roster run`
   * turns it on; one-shot CLI commands (`roster sync`) leave it off.
   */
  startScheduler?: boolean;
  /** The scheduler's timers and monotonic clock (tests pass fake ones; its wall clock is `clock`). */
  schedulerTime?: {
    timers?: Timers;
    monotonicMs?: () => number;
    tickMs?: number;
    /** How long a minute of `intervalMinutes` is; only tests shorten it. */
    minuteMs?: number;
    /** Fast deprovisioning's debounce and poll intervals; only tests shorten them. */
    watchTiming?: TriggerTiming;
  };
}

export interface RosterApp {
  dispatch: Dispatch;
  events: EventBus;
  handlers: Handlers;
  store: Store;
  dataDir: string;
  engine: Engine;
  scheduler: Scheduler;
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
 * The name a refused process is told. The CLI builds its app inside a command's action, so argv is
 * `node …/cli.js <command> …` (or the installed `roster` bin); anything else runs Roster as a library.
 */
function defaultOwnerLabel(mode: CreateAppOptions['mode']): string {
  if (mode === 'electron') return 'the Roster app';
  if (mode === 'browser') return 'the Roster app in browser mode';
  const script = basename(process.argv[1] ?? '');
  const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
  if (/^(cli\.js|roster(\.js|\.cmd)?)$/.test(script)) return command ? `roster ${command}` : 'roster';
  return `a Roster process (${script || 'node'})`;
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
  // The sandbox's token is Roster's own and lives in the data folder; every other secret in the vault.
  const vault = withSandboxToken(
    options.vault ?? createDefaultVault(options.secretsDir ? { secretsDir: options.secretsDir } : {}),
    options.dataDir,
  );
  const connectors = createConnectorFactory(store, vault);
  // A crash or kill leaves cycles "running"; they did not finish and stored no watermark. Another
  // process's cycle is running too, though: only cycles whose job no live lease protects are marked.
  const startedAt = clock();
  store.cycles.markAbandoned(startedAt.toISOString(), {
    keep: (jobId) => store.leases.liveHolder(jobId, startedAt) !== null,
  });
  const progress = createProgressBoard();
  events.onAny((name, payload) => {
    if (name === 'jobs.cycleFinished') progress.clear((payload as { jobId: string }).jobId);
  });
  const engine = createEngine({
    store,
    connectors,
    clock,
    // Called only after a cycle is recorded, once ctx and the notifier exist.
    onJobEvent: (event) => {
      const alert = alertForEngineEvent(ctx, event);
      if (alert) notifier.jobEvent(alert);
      events.emit('jobs.changed', { id: event.kind === 'quarantine' ? event.notice.jobId : event.jobId });
    },
    onProgress: (report) => {
      progress.note(report);
      events.emit('jobs.progress', report);
    },
    owner: {
      ownerId: randomUUID(),
      label: options.ownerLabel ?? defaultOwnerLabel(options.mode),
      pid: process.pid,
      host: hostname(),
    },
    ...(options.leaseTtlMs !== undefined ? { leaseTtlMs: options.leaseTtlMs } : {}),
    warn: (message) => log.warn(message),
  });
  const notifier = createAppNotifier({
    store,
    vault,
    logger: log,
    clock,
    desktop:
      options.desktopNotifier ??
      createEventDesktopNotifier((notice) => events.emit('notifications.desktop', notice)),
  });
  const time = options.schedulerTime ?? {};
  const timers = time.timers ?? systemTimers;
  const scheduler = createScheduler({
    engine,
    store,
    clock: { now: clock, monotonicMs: time.monotonicMs ?? (() => performance.now()) },
    timers,
    log,
    housekeeping: createLogRetention({
      prune: (cutoff, limit) => store.log.pruneOlderThan(cutoff, limit),
      retentionDays: () => store.settings.getAppSettings().logRetentionDays,
      clock: { now: clock },
      timers,
      log,
    }),
    // Called only once the scheduler runs a cycle, after ctx exists.
    prepare: async (jobId) => {
      const job = store.jobs.get(jobId);
      if (job) await startSandboxIfTarget(ctx, job.targetConnectionId);
    },
    onCycleFinished: (cycle) => events.emit('jobs.cycleFinished', cycle),
    onChanged: (id) => events.emit('jobs.changed', { id }),
    onQuarantine: (notice) => {
      const alert = alertForQuarantine(ctx, notice);
      if (alert) notifier.jobEvent(alert);
    },
    ...(time.tickMs !== undefined ? { tickMs: time.tickMs } : {}),
    ...(time.minuteMs !== undefined ? { minuteMs: time.minuteMs } : {}),
    sourceWatch: sourceWatchDeps(store, connectors, time.watchTiming),
  });
  const ctx: AppContext = {
    store,
    vault,
    events,
    engine,
    scheduler,
    progress,
    connectors,
    notifier,
    sandbox: createSandboxManager({
      dbPath: join(options.dataDir, 'sandbox.db'),
      token: () => loadOrCreateSandboxToken(options.dataDir),
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
  if (options.startScheduler ?? options.mode !== 'cli') scheduler.start();
  return {
    dispatch: createDispatch(handlers, log),
    events,
    handlers,
    store,
    dataDir: options.dataDir,
    engine,
    scheduler,
    context: ctx,
    async close() {
      // Scheduled cycles stop at a safe point and are recorded before anything below closes.
      await scheduler.stop();
      // Cycles end (record written, lease released) before the store closes under them.
      await engine.stopAll();
      await ctx.sandbox.stop();
      notifier.close();
      store.close();
    },
  };
}
