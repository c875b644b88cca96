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

export const Agent = AgentClass;
export type Agent = InstanceType<typeof AgentClass>;
export type { Dispatcher };

export type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> & {
  method: Dispatcher.HttpMethod;
  dispatcher: Dispatcher;
};

/** undici's `request(url, options)` with an explicit dispatcher (the app never uses a global one). */
export function request(url: string, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  const { dispatcher, ...rest } = options;
  const parsed = new URL(url);
  return requestOnDispatcher.call(dispatcher, {
    ...rest,
    origin: parsed.origin,
    path: `${parsed.pathname}${parsed.search}`,
  });
}
