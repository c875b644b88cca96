import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createWriteBehind } from '../../../src-main/engine/write-behind';
import { openStore, type Store } from '../../../src-main/store/store';
import { makeTempDir } from '../temp-dir';
import { keysLeft, logEntry } from '../retention/log-entries';

/** Many objects per transaction, and still: an intent is committed before its write is sent. */
describe('write-behind', () => {
  const dir = makeTempDir('roster-write-behind-');
  let store: Store;
  afterEach(() => store?.close());
  afterAll(() => dir.remove());

  function open(): Store {
    store = openStore({ path: join(dir.path, `${Math.random()}.db`) });
    const now = new Date().toISOString();
    for (const id of ['s', 't'])
      store.connections.insert({
        id,
        name: id,
        kind: 'csv',
        settings: {},
        secretIds: {},
        createdAt: now,
        updatedAt: now,
      });
    store.jobs.insert({
      id: 'j',
      name: 'Job',
      sourceConnectionId: 's',
      targetConnectionId: 't',
      config: {} as never,
      status: 'Active',
      statusInfo: {},
      watermark: null,
      createdAt: now,
      updatedAt: now,
    });
    return store;
  }

  const intent = (anchor: string) => ({
    jobId: 'j',
    cycleId: 'c',
    objectType: 'User' as const,
    anchor,
    displayName: anchor,
    operation: 'create' as const,
    targetId: null,
    detail: {},
    createdAt: new Date().toISOString(),
  });
  const state = (anchor: string) => () =>
    store.sourceState.upsertMany('j', [
      { objectType: 'User', anchor, stateHash: `h-${anchor}`, displayName: anchor },
    ]);

  it('commits intents asked for in one turn together, and nothing else with them', async () => {
    const writes = createWriteBehind(open());
    writes.queue(state('done-1'));
    writes.queue(state('done-2'));
    expect(store.sourceState.forJob('j').size).toBe(0);
    const ids = await Promise.all([writes.beginIntent(intent('a')), writes.beginIntent(intent('b'))]);
    // Committed (a second connection would see them) before the caller may send anything.
    expect(store.intents.forJob('j').map((i) => i.id)).toEqual(ids);
    // The outcomes wait for their own batch: an intent's commit writes the intents table alone.
    expect(store.sourceState.forJob('j').size).toBe(0);
    writes.flush();
    expect([...store.sourceState.forJob('j').keys()]).toHaveLength(2);
  });

  it('commits waiting intents with a batch of outcomes when the batch goes first', async () => {
    const writes = createWriteBehind(open(), { maxQueued: 2 });
    const asked = writes.beginIntent(intent('a'));
    writes.queue(state('done-1'));
    writes.queue(state('done-2'));
    expect(store.intents.forJob('j')).toHaveLength(1);
    expect(store.sourceState.forJob('j').size).toBe(2);
    expect(await asked).toBe(store.intents.forJob('j')[0]?.id);
  });

  it('writes queued outcomes after maxDelayMs', async () => {
    const writes = createWriteBehind(open(), { maxDelayMs: 5 });
    writes.queue(state('a'));
    expect(store.sourceState.forJob('j').size).toBe(0);
    await vi.waitFor(() => expect(store.sourceState.forJob('j').size).toBe(1));
  });

  it('writes queued outcomes at flush, and after maxQueued without waiting', () => {
    const writes = createWriteBehind(open(), { maxQueued: 3 });
    writes.queue(state('a'));
    writes.queue(state('b'));
    expect(store.sourceState.forJob('j').size).toBe(0);
    writes.queue(state('c'));
    expect(store.sourceState.forJob('j').size).toBe(3);
    writes.queue(state('d'));
    writes.flush();
    expect(store.sourceState.forJob('j').size).toBe(4);
  });

  it('starts with a small batch and grows it at most twofold per commit', () => {
    const writes = createWriteBehind(open(), { maxQueued: 200, minQueued: 4, firstQueued: 10, now: () => 0 });
    let committed = 0;
    const sizes: number[] = [];
    for (let i = 0; i < 170; i++) {
      writes.queue(state(`u${i}`));
      const now = store.sourceState.forJob('j').size;
      if (now !== committed) sizes.push(now - committed);
      committed = now;
    }
    // Commits that took no time would allow maxQueued at once; the batch doubles instead.
    expect(sizes).toEqual([10, 20, 40, 80]);
  });

  it('sizes batches by the time a commit took, between minQueued and maxQueued', () => {
    // A clock that each outcome's write advances by 1 ms: a batch of n takes n ms.
    let clock = 0;
    const writes = createWriteBehind(open(), {
      maxQueued: 40,
      minQueued: 4,
      firstQueued: 40,
      maxCommitMs: 10,
      now: () => clock,
    });
    const slow = (anchor: string) => () => {
      clock += 1;
      state(anchor)();
    };
    const queueSlow = (from: number, count: number) => {
      for (let i = from; i < from + count; i++) writes.queue(slow(`u${i}`));
    };
    queueSlow(0, 39);
    expect(store.sourceState.forJob('j').size).toBe(0);
    queueSlow(39, 1);
    // 40 outcomes took 40 ms: the next batch is what fits in 10 ms, 10 outcomes.
    expect(store.sourceState.forJob('j').size).toBe(40);
    queueSlow(40, 9);
    expect(store.sourceState.forJob('j').size).toBe(40);
    queueSlow(49, 1);
    expect(store.sourceState.forJob('j').size).toBe(50);
    // Cheap commits grow the batch back (twofold each), never past maxQueued; a very slow one never
    // below minQueued.
    clock = 0;
    for (let i = 50; i < 60; i++) writes.queue(state(`u${i}`));
    expect(store.sourceState.forJob('j').size).toBe(60);
    for (let i = 60; i < 79; i++) writes.queue(state(`u${i}`));
    expect(store.sourceState.forJob('j').size).toBe(60);
    writes.queue(state('u79'));
    expect(store.sourceState.forJob('j').size).toBe(80);
    for (let i = 80; i < 100; i++) writes.queue(state(`u${i}`));
    expect(store.sourceState.forJob('j').size).toBe(80);
    for (let i = 100; i < 120; i++) writes.queue(state(`u${i}`));
    expect(store.sourceState.forJob('j').size).toBe(120);
    const verySlow = (anchor: string) => () => {
      clock += 100;
      state(anchor)();
    };
    for (let i = 120; i < 160; i++) writes.queue(verySlow(`u${i}`));
    expect(store.sourceState.forJob('j').size).toBe(160);
    for (let i = 160; i < 163; i++) writes.queue(state(`u${i}`));
    expect(store.sourceState.forJob('j').size).toBe(160);
    writes.queue(state('u163'));
    expect(store.sourceState.forJob('j').size).toBe(164);
  });

  it('tells each outcome that asked, after its transaction committed', () => {
    const writes = createWriteBehind(open(), { maxQueued: 3 });
    const told: [string, number][] = [];
    const tell = (anchor: string) => () => told.push([anchor, store.sourceState.forJob('j').size]);
    writes.queue(state('a'), { committed: tell('a') });
    writes.queue(state('b'));
    expect(told).toEqual([]);
    writes.queue(state('c'), { committed: tell('c') });
    // Both told once the three states were in the store, in queue order.
    expect(told).toEqual([
      ['a', 3],
      ['c', 3],
    ]);
    writes.queue(state('d'), { committed: tell('d') });
    writes.flush();
    expect(told.map(([anchor]) => anchor)).toEqual(['a', 'c', 'd']);
  });

  it('inserts the queued outcomes’ log entries with their batch, in queue order, all or none', () => {
    const writes = createWriteBehind(open(), { maxQueued: 3 });
    const at = '2026-12-04T12:00:00.000Z';
    let inserts = 0;
    const insertMany = store.log.insertMany.bind(store.log);
    store.log.insertMany = (entries) => {
      inserts += 1;
      insertMany(entries);
    };
    writes.queue(state('a'), { log: logEntry('j', at, 'a') });
    writes.queue(state('b'));
    expect(keysLeft(store, 'j')).toEqual([]);
    writes.queue(state('c'), { log: logEntry('j', at, 'c') });
    // One insert for the batch, in the transaction that wrote the states.
    expect(keysLeft(store, 'j')).toEqual(['a', 'c']);
    expect(store.sourceState.forJob('j').size).toBe(3);
    expect(inserts).toBe(1);
    // A batch whose transaction fails writes none of its entries.
    writes.queue(state('d'), { log: logEntry('j', at, 'd') });
    writes.queue(() => {
      throw new Error('disk full');
    });
    expect(() => writes.flush()).toThrow('disk full');
    expect(keysLeft(store, 'j')).toEqual(['a', 'c']);
    expect(store.sourceState.forJob('j').size).toBe(3);
  });

  it('keeps a failed commit: its intents are refused and the next flush throws, so the cycle fails', async () => {
    const writes = createWriteBehind(open(), { maxQueued: 2 });
    const asked = writes.beginIntent(intent('a'));
    let told = false;
    writes.queue(state('done-1'), { committed: () => (told = true) });
    writes.queue(() => {
      throw new Error('disk full');
    });
    // A transaction that failed tells no one: the cycle's view keeps what the store does not have.
    expect(told).toBe(false);
    await expect(asked).rejects.toThrow('disk full');
    // Nothing of that transaction landed: the intent was never committed, so its write is never sent.
    expect(store.intents.forJob('j')).toEqual([]);
    expect(store.sourceState.forJob('j').size).toBe(0);
    expect(() => writes.flush()).toThrow('disk full');
    await expect(writes.beginIntent(intent('b'))).rejects.toThrow('disk full');
  });

  it('checkpoints the write-ahead log on another thread, asked for after a commit, never inside one', async () => {
    const real = open();
    const checkpoints: { frames: number; copied: number }[] = [];
    let committing = false;
    const watched: Store = {
      ...real,
      transaction: (work) => {
        committing = true;
        try {
          return real.transaction(work);
        } finally {
          committing = false;
        }
      },
      checkpoint: async () => {
        expect(committing).toBe(false);
        const result = await real.checkpoint();
        checkpoints.push(result);
        return result;
      },
    };
    // 8 pages counted per outcome: a batch of 10 counts 80, so the 100-page mark falls in the second.
    const writes = createWriteBehind(watched, { maxQueued: 10, checkpointPages: 100 });
    for (let i = 0; i < 10; i++) writes.queue(state(`u${i}`));
    expect(checkpoints).toHaveLength(0);
    for (let i = 10; i < 20; i++) writes.queue(state(`u${i}`));
    // Asked for, not run here: the worker answers in a later turn.
    expect(checkpoints).toHaveLength(0);
    await vi.waitFor(() => expect(checkpoints).toHaveLength(1));
    // The log held the batches' pages, and a checkpoint with no reader in the way copied them all.
    expect(checkpoints[0]?.frames).toBeGreaterThan(0);
    expect(checkpoints[0]?.copied).toBe(checkpoints[0]?.frames);
  });
});
