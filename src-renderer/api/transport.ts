import type { Result } from '@shared/domain/result';

/** How the renderer reaches the app services. Only src-renderer/api knows which one is in use. */
export interface Transport {
  kind: 'electron' | 'browser';
  invoke(command: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}
