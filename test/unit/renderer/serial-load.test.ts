import { describe, expect, it } from 'vitest';
import { serialLoad } from '../../../src-renderer/stores/serial-load';

/** A loader whose runs wait until the test ends them; each run's answer is its number (1, 2, …). */
function heldLoader() {
  const runs: { answer: () => void; fail: (error: Error) => void }[] = [];
  const load = () =>
    new Promise<number>((resolve, reject) => {
      const number = runs.length + 1;
      runs.push({ answer: () => resolve(number), fail: reject });
    });
  return { load, runs };
}

/** What a promise has come to so far, read after letting pending callbacks run. */
function watch<T>(promise: Promise<T>) {
  const seen: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  promise.then(
    (value) => Object.assign(seen, { value, settled: true }),
    (error: unknown) => Object.assign(seen, { error, settled: true }),
  );
  return seen;
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('serialLoad', () => {
  it('starts a load at once when none runs', () => {
    const { load, runs } = heldLoader();
    void serialLoad(load)();
    expect(runs).toHaveLength(1);
  });

  it('never runs two loads at once: a call meanwhile waits for the running one to end', async () => {
    const { load, runs } = heldLoader();
    const reload = serialLoad(load);
    const first = watch(reload());
    const second = watch(reload());
    expect(runs).toHaveLength(1);
    runs[0]!.answer();
    await settle();
    expect(first).toEqual({ value: 1, settled: true });
    expect(runs).toHaveLength(2);
    expect(second.settled).toBe(false);
    runs[1]!.answer();
    await settle();
    expect(second).toEqual({ value: 2, settled: true });
  });

  it('collapses the calls made while a load runs into one more load', async () => {
    const { load, runs } = heldLoader();
    const reload = serialLoad(load);
    void reload();
    const waiting = [reload(), reload(), reload()].map(watch);
    runs[0]!.answer();
    await settle();
    expect(runs).toHaveLength(2);
    runs[1]!.answer();
    await settle();
    expect(runs).toHaveLength(2);
    expect(waiting.map((seen) => seen.value)).toEqual([2, 2, 2]);
  });

  it('serves a call only with a load that started after it, never with the one already running', async () => {
    const { load, runs } = heldLoader();
    const reload = serialLoad(load);
    void reload();
    runs[0]!.answer();
    // Called after the first load answered, but before its caller resumed: it still gets a load of its own.
    const late = watch(reload());
    await settle();
    expect(runs).toHaveLength(2);
    expect(late.settled).toBe(false);
    runs[1]!.answer();
    await settle();
    expect(late.value).toBe(2);
  });

  it('a call made while the queued load runs gets a load after that one', async () => {
    const { load, runs } = heldLoader();
    const reload = serialLoad(load);
    void reload();
    const second = watch(reload());
    runs[0]!.answer();
    await settle();
    const third = watch(reload());
    runs[1]!.answer();
    await settle();
    expect(second.value).toBe(2);
    expect(third.settled).toBe(false);
    runs[2]!.answer();
    await settle();
    expect(third.value).toBe(3);
  });

  it('starts at once again after the loads have ended', async () => {
    const { load, runs } = heldLoader();
    const reload = serialLoad(load);
    const first = reload();
    runs[0]!.answer();
    await first;
    const next = watch(reload());
    expect(runs).toHaveLength(2);
    runs[1]!.answer();
    await settle();
    expect(next.value).toBe(2);
  });

  it('rejects the calls a failed load served, and still runs the load queued behind it', async () => {
    const { load, runs } = heldLoader();
    const reload = serialLoad(load);
    const failed = watch(reload());
    const queued = watch(reload());
    runs[0]!.fail(new Error('app closed'));
    await settle();
    expect(failed.error).toEqual(new Error('app closed'));
    expect(runs).toHaveLength(2);
    runs[1]!.answer();
    await settle();
    expect(queued).toEqual({ value: 2, settled: true });
  });

  it('rejects the calls a failed queued load served, and then starts afresh', async () => {
    const { load, runs } = heldLoader();
    const reload = serialLoad(load);
    void reload();
    const queued = watch(reload());
    runs[0]!.answer();
    await settle();
    runs[1]!.fail(new Error('busy'));
    await settle();
    expect(queued.error).toEqual(new Error('busy'));
    void reload();
    expect(runs).toHaveLength(3);
  });

  it('turns a loader that throws before its first await into a rejection', async () => {
    let calls = 0;
    const reload = serialLoad((): Promise<number> => {
      calls += 1;
      if (calls === 1) throw new Error('not ready');
      return Promise.resolve(calls);
    });
    await expect(reload()).rejects.toThrow('not ready');
    await expect(reload()).resolves.toBe(2);
  });

  it('says busy once when loads start and idle once when the last queued one ends', async () => {
    const { load, runs } = heldLoader();
    const busy: boolean[] = [];
    const reload = serialLoad(load, (now) => busy.push(now));
    void reload();
    const queued = reload();
    expect(busy).toEqual([true]);
    runs[0]!.answer();
    await settle();
    expect(busy).toEqual([true]);
    runs[1]!.answer();
    await queued;
    // Idle before the last caller resumes, so it reads the flag as it will stay.
    expect(busy).toEqual([true, false]);
  });
});
