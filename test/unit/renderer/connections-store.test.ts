import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '@shared/domain/connections';
import { useConnectionsStore } from '../../../src-renderer/stores/connections';
import { useHeldTransport, type HeldCall } from './held-transport';

function sandboxAt(updatedAt: string): ConnectionView {
  return {
    id: 'c-1',
    name: 'Roster Sandbox',
    kind: 'scim',
    settings: { baseUrl: 'http://127.0.0.1:4000/scim/v2' },
    secrets: {},
    createdAt: '2026-12-05T00:00:00.000Z',
    updatedAt,
  };
}

describe('the connections store', () => {
  const io = useHeldTransport(['connections.list']);
  const held: HeldCall[] = io.held;

  it('never lets an earlier list replace a later one: a load asked for meanwhile runs after it', async () => {
    const store = useConnectionsStore();
    const first = store.load();
    const second = store.load();
    // The second load waits: its answer cannot arrive before the first one's.
    expect(held).toHaveLength(1);
    held[0]!.answer([sandboxAt('2026-12-05T00:00:01.000Z')]);
    await first;
    expect(held).toHaveLength(2);
    expect(store.loading).toBe(true);
    // The second load read the connection after its update; the first, before.
    held[1]!.answer([sandboxAt('2026-12-05T00:00:02.000Z')]);
    await second;
    expect(store.loading).toBe(false);
    expect(store.items.map((c) => c.updatedAt)).toEqual(['2026-12-05T00:00:02.000Z']);
  });

  it('has the list its caller asked for when a load resolves, though an event asked for another meanwhile', async () => {
    const store = useConnectionsStore();
    // The wizard started the sandbox and loads the connections to choose its new one…
    const afterStart = store.load().then(() => store.items.map((c) => c.updatedAt));
    // …and the app's `connections.changed` event asks for a load while that one is under way.
    const onEvent = store.load();
    held[0]!.answer([sandboxAt('2026-12-05T00:00:02.000Z')]);
    expect(await afterStart).toEqual(['2026-12-05T00:00:02.000Z']);
    held[1]!.answer([sandboxAt('2026-12-05T00:00:02.000Z')]);
    await onEvent;
    expect(store.loading).toBe(false);
  });
});
