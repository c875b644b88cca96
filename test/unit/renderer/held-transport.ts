import { beforeEach } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Result } from '@shared/domain/result';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';

/** One call the test answers when it chooses, in any order. */
export interface HeldCall {
  command: string;
  input: unknown;
  resolve(result: Result<unknown>): void;
  /** Answers with `value` (a successful result). */
  answer(value: unknown): void;
}

/**
 * A transport for store tests: answers to `commands` wait until the test releases them (to play
 * answers out of order, or events before answers); `others` answers the rest at once, and a command
 * neither knows is refused. Events come from `send`. The app subscribes to events once per module
 * (src-renderer/api), so a test file keeps one of these for all its tests and calls `reset()`.
 */
export function heldTransport(
  commands: readonly string[],
  others: (command: string, input: unknown) => Result<unknown> | undefined = () => undefined,
) {
  const held: HeldCall[] = [];
  let listener: ((name: string, payload: unknown) => void) | null = null;
  const transport: Transport = {
    kind: 'browser',
    invoke: (command, input) => {
      if (commands.includes(command))
        return new Promise((resolve) =>
          held.push({ command, input, resolve, answer: (value) => resolve({ ok: true, value }) }),
        );
      return Promise.resolve(
        others(command, input) ?? { ok: false, error: { code: 'unknownCommand', message: command } },
      );
    },
    subscribe: (next) => {
      listener = next;
      return () => (listener = null);
    },
  };
  return {
    transport,
    held,
    /** The held calls of one command, in the order they were made. */
    heldOf: (command: string) => held.filter((call) => call.command === command),
    send: (name: string, payload: unknown) => listener?.(name, payload),
    reset: () => void held.splice(0),
  };
}

/** A held transport that every test of the `describe` it is called in starts on, with a fresh Pinia. */
export function useHeldTransport(
  ...args: Parameters<typeof heldTransport>
): ReturnType<typeof heldTransport> {
  const io = heldTransport(...args);
  beforeEach(() => {
    io.reset();
    useTransport(io.transport);
    setActivePinia(createPinia());
  });
  return io;
}
