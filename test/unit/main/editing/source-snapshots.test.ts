import { describe, expect, it } from 'vitest';
import type { SourceConnector, SourceObject } from '../../../../src-main/connectors/connector';
import { createSourceSnapshots } from '../../../../src-main/app/editing/source-snapshots';
import type { ConnectionRecord } from '../../../../src-main/store/connections-repo';

function user(anchor: string): SourceObject {
  return {
    type: 'User',
    anchor,
    displayName: anchor,
    attributes: {},
    hash: anchor,
    disabled: false,
    softDeleted: false,
  };
}

/** A source of `count` users that counts its reads; `changed` is what pollChanges answers. */
function fakeSource(count: number, state: { reads: number; changed: boolean }): SourceConnector {
  return {
    capabilities: { delta: false, groups: false, nestedGroups: false },
    testConnection: () => Promise.reject(new Error('not used')),
    discoverSchema: () =>
      Promise.resolve([{ objectType: 'User', name: 'mail', type: 'String', multiValued: false }]),
    read: () => {
      state.reads++;
      const objects = Array.from({ length: count }, (_, i) => user(`u${i}`));
      return Promise.resolve({
        kind: 'full',
        pages: (async function* () {
          await Promise.resolve();
          yield objects;
        })(),
        deletedAnchors: () => [],
        watermark: () => 'w1',
      });
    },
    pollChanges: () => Promise.resolve({ changed: state.changed, by: 'csn' }),
  };
}

function connection(id: string, updatedAt = 't1'): ConnectionRecord {
  return { id, name: id, kind: 'ldap', settings: {}, secretIds: {}, createdAt: 't0', updatedAt };
}

const clock = () => new Date('2026-01-01T00:00:00.000Z');

describe('the source snapshot cache', () => {
  it('shares one read between callers, and reads again when the directory reports a change', async () => {
    const state = { reads: 0, changed: false };
    const cache = createSourceSnapshots(() => Promise.resolve(fakeSource(3, state)), clock);
    const [a, b] = await Promise.all([cache.get(connection('c')), cache.get(connection('c'))]);
    expect(a).toBe(b);
    expect(state.reads).toBe(1);
    await cache.get(connection('c'));
    expect(state.reads).toBe(1);
    state.changed = true;
    const fresh = await cache.get(connection('c'));
    expect(state.reads).toBe(2);
    expect(fresh.users.size).toBe(3);
    expect(fresh.schema.map((s) => s.name)).toEqual(['mail']);
  });

  it('reads again when the connection was saved since', async () => {
    const state = { reads: 0, changed: false };
    const cache = createSourceSnapshots(() => Promise.resolve(fakeSource(1, state)), clock);
    await cache.get(connection('c', 't1'));
    await cache.get(connection('c', 't2'));
    expect(state.reads).toBe(2);
    cache.invalidate('c');
    await cache.get(connection('c', 't2'));
    expect(state.reads).toBe(3);
  });

  it('keeps at most the configured snapshots and objects; a read over the bound is used once and not kept', async () => {
    const state = { reads: 0, changed: false };
    const sizes: Record<string, number> = { small: 10, other: 10, third: 10, huge: 50 };
    const cache = createSourceSnapshots((c) => Promise.resolve(fakeSource(sizes[c.id] ?? 0, state)), clock, {
      ttlMs: 60_000,
      maxSnapshots: 2,
      maxObjects: 40,
    });
    await cache.get(connection('small'));
    await cache.get(connection('other'));
    expect(cache.heldObjects()).toBe(20);
    await cache.get(connection('third'));
    expect(cache.heldObjects()).toBe(20); // "small" was the least recently used
    const huge = await cache.get(connection('huge'));
    expect(huge.users.size).toBe(50);
    expect(cache.heldObjects()).toBe(0);
    const readsBefore = state.reads;
    await cache.get(connection('small'));
    expect(state.reads).toBe(readsBefore + 1);
  });

  it('never keeps a failed read', async () => {
    let fail = true;
    const state = { reads: 0, changed: false };
    const cache = createSourceSnapshots(
      () => (fail ? Promise.reject(new Error('file is gone')) : Promise.resolve(fakeSource(2, state))),
      clock,
    );
    await expect(cache.get(connection('c'))).rejects.toThrow('file is gone');
    fail = false;
    expect((await cache.get(connection('c'))).users.size).toBe(2);
  });

  it('reads again once the snapshot is older than its time to live', async () => {
    const state = { reads: 0, changed: false };
    const cache = createSourceSnapshots(() => Promise.resolve(fakeSource(1, state)), clock, {
      ttlMs: 0,
      maxSnapshots: 2,
      maxObjects: 100,
    });
    await cache.get(connection('c'));
    await cache.get(connection('c'));
    expect(state.reads).toBe(2);
  });
});
