import type { Store } from '../store/store';
import type { Vault } from '../vault/vault';
import type { EventBus } from './event-bus';
import type { AppInfo } from '@shared/domain/app-info';

/** What every handler may use. Built once by createApp(). */
export interface AppContext {
  store: Store;
  vault: Vault;
  events: EventBus;
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
