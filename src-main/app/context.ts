import type { Store } from '../store/store';
import type { Vault } from '../vault/vault';
import type { EventBus } from './event-bus';
import type { AppInfo } from '@shared/domain/app-info';
import type { Engine } from '../engine/engine';
import type { AppConnectorFactory } from './connector-factory';
import type { SandboxManager } from './sandbox/sandbox-manager';
import type { Scheduler } from '../scheduler/scheduler';
import type { ProgressBoard } from './jobs/progress-board';
import type { Notifier } from '../notify/notifier';

/** What every handler may use. Built once by createApp(). */
export interface AppContext {
  store: Store;
  vault: Vault;
  events: EventBus;
  engine: Engine;
  /** Runs started jobs on their schedule; every cycle the app starts goes through it. */
  scheduler: Scheduler;
  /** The latest progress of each running cycle. */
  progress: ProgressBoard;
  connectors: AppConnectorFactory;
  sandbox: SandboxManager;
  /** Job alerts by email and on the desktop (§16): the scheduler and cycle outcomes call `jobEvent`. */
  notifier: Notifier;
  clock: () => Date;
  /** The OS user the app runs as: the "who" of every audit entry. */
  osUser: string;
  info: Omit<AppInfo, 'vault'>;
  log: Logger;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
