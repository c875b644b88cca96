/**
 * undici's Agent and request(), loaded from their own modules rather than from the package's index.
 *
 * Why: the index loads every part of undici — fetch, WebSocket, EventSource, the mock agents, the
 * cache stores — and that took 109–115 ms of each `roster sync`'s start (0.42 s in all, for a cycle
 * that may take 0.02 s); these two modules and what they need take 38–45 ms (node 20, this machine,
 * `require` timed in a fresh process). The app never uses the rest. undici has no exports map, so
 * Node resolves these paths as it resolves the index; an upgrade that moved them would fail
 * undici-core.test.ts and every SCIM test in CI, never at a user's desk.
 */
import AgentClass from 'undici/lib/dispatcher/agent.js';
import requestOnDispatcher from 'undici/lib/api/api-request.js';
import type { Dispatcher } from 'undici';
import { EventEmitter } from 'node:events';

export const Agent = AgentClass;
export type Agent = InstanceType<typeof AgentClass>;
export type { Dispatcher };

export type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> & {
  method: Dispatcher.HttpMethod;
  dispatcher: Dispatcher;
};

/** undici's `request(url, options)` with an explicit dispatcher (the app never uses a global one). */
export function request(url: string, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  const parsed = new URL(url);
  return requestAt({ origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` }, options);
}

/** `request` to an origin and a path (with its query) already known apart: nothing to parse. */
export function requestAt(
  target: { origin: string; path: string },
  options: RequestOptions,
): Promise<Dispatcher.ResponseData> {
  const { dispatcher, ...rest } = options;
  return requestOnDispatcher.call(dispatcher, { ...rest, origin: target.origin, path: target.path });
}

/** What aborts one request: `signal` goes to `request()`, `abort(reason)` rejects it with `reason`. */
export interface RequestDeadline {
  signal: EventEmitter;
  abort(reason: Error): void;
}

/**
 * A request's abort handle as an EventEmitter, which undici takes as a signal as it takes an
 * AbortSignal (its `signal` option: "AbortSignal | EventEmitter"; it listens for 'abort' and rejects
 * with the emitter's `reason`). Why not an AbortController: creating one and undici's add/remove of
 * its listener cost 20–35 µs of CPU per request against a local server (90–110 against 70 µs in
 * all for the client, `node` timed 4,000 POSTs at concurrency 4), a quarter of what undici itself
 * costs, for a signal that almost never fires.
 */
export function requestDeadline(): RequestDeadline {
  const signal = new EventEmitter() as EventEmitter & { reason?: Error };
  return {
    signal,
    abort(reason) {
      signal.reason = reason;
      signal.emit('abort');
    },
  };
}
