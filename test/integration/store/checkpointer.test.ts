import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCheckpointer } from '../../../src-main/store/checkpointer';
import { openStore } from '../../../src-main/store/store';
import { makeTempDir } from '../temp-dir';

describe('the store’s checkpoints', () => {
  const dir = makeTempDir('roster-checkpoint-');
  afterAll(() => dir.remove());

  function fill(store: ReturnType<typeof openStore>, count: number): void {
    store.transaction(() => {
      for (let i = 0; i < count; i++)
        store.settings.setValue(`bench.key.${i}`, { value: 'x'.repeat(500), at: i });
    });
  }

  it('copies the whole log into the database from its own thread', async () => {
    const store = openStore({ path: join(dir.path, 'a.db') });
    fill(store, 2000);
    const result = await store.checkpoint();
    expect(result.frames).toBeGreaterThan(0);
    expect(result.copied).toBe(result.frames);
    // Asked twice at once: one checkpoint runs, and both callers hear its result.
    fill(store, 100);
    const [first, second] = await Promise.all([store.checkpoint(), store.checkpoint()]);
    expect(second).toEqual(first);
    expect(first.copied).toBe(first.frames);
    store.close();
  });

  it('closes with a checkpoint in flight, and the database opens again whole', async () => {
    const path = join(dir.path, 'b.db');
    const store = openStore({ path });
    fill(store, 2000);
    const running = store.checkpoint();
    store.close();
    // Either it finished before the close or it tells that it did not; it never hangs.
    await running.then(
      (result) => expect(result.copied).toBeLessThanOrEqual(result.frames),
      (error: unknown) => expect(String(error)).toMatch(/ended before it answered/),
    );
    const again = openStore({ path });
    expect(again.settings.getValue('bench.key.1999')).toEqual({ value: 'x'.repeat(500), at: 1999 });
    again.close();
  });

  it('loads the store’s own build of the native addon in its thread (Electron opens the store with one)', async () => {
    const addon = join(
      dirname(createRequire(__filename).resolve('better-sqlite3/package.json')),
      'build/Release/better_sqlite3.node',
    );
    const store = openStore({ path: join(dir.path, 'c.db'), nativeBinding: addon });
    fill(store, 500);
    const result = await store.checkpoint();
    expect(result.copied).toBe(result.frames);
    store.close();

    // The thread opens with that addon, not the package's default: a wrong path fails its checkpoint
    // (and loses nothing: the frames stay in the log).
    const checkpointer = createCheckpointer(join(dir.path, 'c.db'), join(dir.path, 'no-such.node'));
    await expect(checkpointer.run()).rejects.toThrow(/no-such\.node/);
    await checkpointer.close();
  });
});
