import type { CommandInputArg, CommandName, CommandOutput, EventName, EventPayload } from '@shared/contract';
import { ApiError } from './api-error';
import { createElectronTransport, type RosterBridge } from './electron-transport';
import { createHttpTransport } from './http-transport';
import type { Transport } from './transport';

export { ApiError };

declare global {
  interface Window {
    roster?: RosterBridge;
  }
}

let transport: Transport | null = null;

function current(): Transport {
  transport ??= window.roster ? createElectronTransport(window.roster) : createHttpTransport();
  return transport;
}

/** For component tests: run the renderer against a transport of the test's choosing. */
export function useTransport(next: Transport): void {
  transport = next;
}

export function transportKind(): Transport['kind'] {
  return current().kind;
}

/** Runs a command; resolves with its output or rejects with an ApiError carrying the error code. */
export async function call<K extends CommandName>(
  command: K,
  ...input: Record<never, never> extends CommandInputArg<K> ? [CommandInputArg<K>?] : [CommandInputArg<K>]
): Promise<CommandOutput<K>> {
  const result = await current().invoke(command, input[0] ?? {});
  if (!result.ok) throw new ApiError(result.error);
  return result.value as CommandOutput<K>;
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();
let unsubscribeTransport: (() => void) | null = null;

/** Subscribes to one app event; returns the unsubscribe function. One transport subscription is shared. */
export function onEvent<K extends EventName>(
  name: K,
  listener: (payload: EventPayload<K>) => void,
): () => void {
  unsubscribeTransport ??= current().subscribe((eventName, payload) => {
    for (const fn of listeners.get(eventName) ?? []) fn(payload);
  });
  const set = listeners.get(name) ?? new Set();
  set.add(listener as (payload: unknown) => void);
  listeners.set(name, set);
  return () => set.delete(listener as (payload: unknown) => void);
}

/**
 * Where the browser downloads an exported file (`/exports/<fileName>`, same origin, the cookie carries
 * the token). null in the desktop app, which writes the file to disk and shows its path instead.
 */
export function exportDownloadUrl(fileName: string): string | null {
  return current().kind === 'browser' ? `/exports/${encodeURIComponent(fileName)}` : null;
}
