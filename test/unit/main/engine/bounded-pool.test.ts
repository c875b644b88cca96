import { describe, expect, it } from 'vitest';
import { runBatched, runBounded } from '../../../../src-main/engine/bounded-pool';

/** A task per item that finishes when the test says so, recording when each started. */
function gate() {
  const started: number[] = [];
  const release = new Map<number, () => void>();
  const work = (item: number) =>
    new Promise<void>((resolve) => {
      started.push(item);
      release.set(item, resolve);
    });
  const finish = async (...items: number[]) => {
    for (const item of items) release.get(item)?.();
    // Let the pool's continuations run (they start the next items).
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { started, work, finish };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('runBatched: objects started in batches beyond the concurrency', () => {
  it('starts concurrency + batch at once, then a whole batch each time that many have finished', async () => {
    const { started, work, finish } = gate();
    const done = runBatched(range(30), 4, 8, work);
    expect(started).toEqual(range(12));
    // Seven finish: eight are still running, more than the concurrency, so nothing starts.
    await finish(0, 1, 2, 3, 4, 5, 6);
    expect(started).toHaveLength(12);
    // The eighth leaves four running: eight start together, in the same turn.
    await finish(7);
    expect(started).toEqual(range(20));
    // Twelve were running; when eight of them are done the next eight start, and the four after
    // them finishing leaves eight running: no start.
    await finish(...range(20).slice(8));
    expect(started).toEqual(range(28));
    await finish(...range(28).slice(20));
    expect(started).toEqual(range(30));
    await finish(28, 29);
    await expect(done).resolves.toBeUndefined();
  });

  it('never has more than concurrency + batch in flight, and runs every item once', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await runBatched(range(200), 3, 5, async (item) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, item % 3));
      seen.push(item);
      running--;
    });
    expect(most).toBe(8);
    expect(seen.sort((a, b) => a - b)).toEqual(range(200));
  });

  it('with no batch, keeps concurrency in flight and starts the next as each finishes (a target without its own limiter)', async () => {
    const { started, work, finish } = gate();
    const done = runBatched(range(5), 2, 0, work);
    expect(started).toEqual([0, 1]);
    await finish(0);
    expect(started).toEqual([0, 1, 2]);
    await finish(1, 2);
    expect(started).toEqual(range(5));
    await finish(3, 4);
    await expect(done).resolves.toBeUndefined();
  });

  it('starts nothing after a failure, lets the running items finish, then throws the first error', async () => {
    const finishedItems: number[] = [];
    const started: number[] = [];
    const run = runBatched(range(50), 2, 2, async (item) => {
      started.push(item);
      await new Promise((resolve) => setTimeout(resolve, item === 1 ? 1 : 20));
      if (item === 1) throw new Error('first');
      if (item === 2) throw new Error('second');
      finishedItems.push(item);
    });
    await expect(run).rejects.toThrow('first');
    expect(started).toEqual([0, 1, 2, 3]);
    expect(finishedItems.sort()).toEqual([0, 3]);
  });

  it('stops starting when told to, and settles with no items or a work that throws at once', async () => {
    const started: number[] = [];
    let stop = false;
    await runBatched(
      range(100),
      2,
      2,
      async (item) => {
        started.push(item);
        if (item === 5) stop = true;
        await Promise.resolve();
      },
      () => stop,
    );
    expect(Math.max(...started)).toBeLessThan(10);
    expect(started).toContain(5);

    await expect(runBatched([], 4, 16, () => Promise.resolve())).resolves.toBeUndefined();
    const throwsAtOnce = (item: number): Promise<void> => {
      if (item === 0) throw new Error('at once');
      return Promise.resolve();
    };
    await expect(runBatched(range(3), 1, 1, throwsAtOnce)).rejects.toThrow('at once');
  });
});

describe('runBounded', () => {
  it('keeps at most concurrency in flight and rethrows the first error after the running finish', async () => {
    let running = 0;
    let most = 0;
    await runBounded(range(40), 3, async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
    });
    expect(most).toBe(3);
    const started: number[] = [];
    const run = runBounded(range(10), 2, async (item) => {
      started.push(item);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (item === 0) throw new Error('boom');
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
  });
});
