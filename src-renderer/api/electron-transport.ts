import type { Result } from '@shared/domain/result';
import type { Transport } from './transport';

/** What the preload exposes (src-main/shell/preload.ts). */
export interface RosterBridge {
  invoke(command: string, input: unknown): Promise<unknown>;
  on(listener: (name: string, payload: unknown) => void): () => void;
}

export function createElectronTransport(bridge: RosterBridge): Transport {
  return {
    kind: 'electron',
    invoke: async (command, input) => (await bridge.invoke(command, input)) as Result<unknown>,
    subscribe: (listener) => bridge.on(listener),
  };
}
