/**
 * Every command and every event of Roster, in one place. Each transport (Electron IPC, browser-mode
 * HTTP) validates a command's input with the schema below before any handler runs, and answers with a
 * `Result` of the declared output type. Add a command here and the type checker demands its handler;
 * a unit test checks the same at run time.
 */
import { z } from 'zod';
import type { AppInfo, VaultStatus } from './domain/app-info';
import { auditListInputSchema, type AuditPage } from './domain/audit';
import {
  connectionCreateInputSchema,
  connectionIdInputSchema,
  connectionUpdateInputSchema,
  type ConnectionView,
} from './domain/connections';
import { appSettingsPatchSchema, type AppSettings } from './domain/settings';

/** Declares an output type without a run-time schema: outputs come from our own handlers. */
function returns<T>(): T {
  return undefined as unknown as T;
}

function command<I extends z.ZodType, O>(input: I, output: O) {
  return { input, output };
}

const noInput = z.object({}).strict().default({});

export const commands = {
  'app.info': command(noInput, returns<AppInfo>()),
  'vault.status': command(noInput, returns<VaultStatus>()),

  'settings.get': command(noInput, returns<AppSettings>()),
  'settings.update': command(appSettingsPatchSchema, returns<AppSettings>()),

  'connections.list': command(noInput, returns<ConnectionView[]>()),
  'connections.get': command(connectionIdInputSchema, returns<ConnectionView>()),
  'connections.create': command(connectionCreateInputSchema, returns<ConnectionView>()),
  'connections.update': command(connectionUpdateInputSchema, returns<ConnectionView>()),
  'connections.delete': command(connectionIdInputSchema, returns<{ id: string }>()),

  'audit.list': command(auditListInputSchema, returns<AuditPage>()),
} as const;

export const events = {
  'settings.changed': returns<AppSettings>(),
  'connections.changed': returns<{ id: string; change: 'created' | 'updated' | 'deleted' }>(),
  'audit.appended': returns<{ id: number }>(),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.output<Commands[K]['input']>;
/** What a caller may pass: defaults in the schema make some fields optional. */
export type CommandInputArg<K extends CommandName> = z.input<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = Commands[K]['output'];

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = Events[K];

export const commandNames = Object.keys(commands) as CommandName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCommandName(value: string): value is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, value);
}
