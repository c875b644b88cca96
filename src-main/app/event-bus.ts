import type { EventName, EventPayload } from '@shared/contract';

export type AnyEventListener = (name: EventName, payload: unknown) => void;

/** Typed events from the app services to every attached transport (IPC window, SSE clients). */
export interface EventBus {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  /** Every event, for transports that forward them all. Returns the unsubscribe function. */
  onAny(listener: AnyEventListener): () => void;
}

export function createEventBus(onListenerError: (error: unknown) => void): EventBus {
  const listeners = new Set<AnyEventListener>();
  return {
    emit(name, payload) {
      for (const listener of listeners) {
        // One broken transport (a closed window, a dropped socket) must not stop the others.
        try {
          listener(name, payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    onAny(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
