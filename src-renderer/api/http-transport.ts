import { eventNames } from '@shared/contract';
import type { Result } from '@shared/domain/result';
import type { Transport } from './transport';

/**
 * Browser mode: commands as POST /rpc/<command>, events over Server-Sent Events. The per-run token was
 * traded for an HttpOnly cookie when the page first loaded, so same-origin requests carry it.
 */
export function createHttpTransport(baseUrl = ''): Transport {
  return {
    kind: 'browser',
    async invoke(command, input) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/rpc/${encodeURIComponent(command)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
      } catch (error) {
        return {
          ok: false,
          error: { code: 'internal', message: `Roster's server cannot be reached: ${String(error)}` },
        };
      }
      return (await response.json()) as Result<unknown>;
    },
    subscribe(listener) {
      const source = new EventSource(`${baseUrl}/events`, { withCredentials: true });
      for (const name of eventNames) {
        source.addEventListener(name, (event) =>
          listener(name, JSON.parse((event as MessageEvent<string>).data)),
        );
      }
      return () => source.close();
    },
  };
}
