import { describe, expect, it } from 'vitest';
import { commandNames } from '@shared/contract';
import { createHandlers } from '../../../src-main/app/handlers/index';
import type { AppContext } from '../../../src-main/app/context';

describe('the contract and the handlers', () => {
  // Handlers only close over the context when built, so an empty one is enough to list them.
  const handlers = createHandlers({ store: {} } as unknown as AppContext);

  it('has a handler for every command', () => {
    const missing = commandNames.filter((name) => !(name in handlers));
    expect(missing).toEqual([]);
  });

  it('has a command for every handler', () => {
    const extra = Object.keys(handlers).filter((name) => !(commandNames as string[]).includes(name));
    expect(extra).toEqual([]);
  });

  it('has exactly one handler per command', () => {
    expect(Object.keys(handlers).sort()).toEqual([...commandNames].sort());
  });
});
