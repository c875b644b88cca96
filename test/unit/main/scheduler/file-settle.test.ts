import { describe, expect, it } from 'vitest';
import { createSettler } from '../../../../src-main/scheduler/change-triggers/file-settle';
import { FakeTime } from './fake-time';

/** A file as the settler sees it: its mark changes whenever the test "writes" to it. */
function fileOnFakeTime() {
  const time = new FakeTime('2026-03-02T09:00:00.000Z');
  const file = { size: 100, mtime: 1, present: true, looks: 0 };
  const settled: number[] = [];
  const settler = createSettler({
    timers: time,
    debounceMs: 2_000,
    checkMs: 1_000,
    marks: () => {
      file.looks++;
      return Promise.resolve(file.present ? `${file.size}:${file.mtime}` : null);
    },
    onSettled: () => settled.push(time.monotonicMs()),
    onError: (error) => {
      throw error;
    },
  });
  const write = (bytes: number) => {
    file.size += bytes;
    file.mtime++;
    settler.poke();
  };
  return { time, file, settled, settler, write };
}

describe('reading a changed file only once it stopped changing', () => {
  it('starts one cycle after the debounce and two looks that agree (2 s + 1 s)', async () => {
    const { time, settled, write } = fileOnFakeTime();
    write(10);
    await time.advance(2_999);
    expect(settled).toEqual([]);
    await time.advance(1);
    expect(settled).toEqual([3_000]);
    await time.advance(60_000);
    expect(settled).toEqual([3_000]);
  });

  it('restarts the debounce on every change, so a burst of writes gives one cycle after the last', async () => {
    const { time, settled, write } = fileOnFakeTime();
    for (let i = 0; i < 5; i++) {
      write(10);
      await time.advance(1_500);
    }
    expect(settled).toEqual([]);
    await time.advance(1_500);
    expect(settled).toEqual([6_000 + 3_000]); // the last write at 6 s, then 2 s + 1 s
  });

  it('keeps looking while the size or mtime still moves between two looks, with no new watch event', async () => {
    const { time, file, settled, write } = fileOnFakeTime();
    write(10);
    await time.advance(2_000); // first look
    // The writer goes on without the watcher noticing (a network share): the second look differs.
    file.size += 500;
    file.mtime++;
    await time.advance(1_000);
    expect(settled).toEqual([]);
    file.size += 500;
    file.mtime++;
    await time.advance(1_000);
    expect(settled).toEqual([]);
    await time.advance(1_000); // two looks agree at last
    expect(settled).toEqual([5_000]);
  });

  it('waits for a file that is missing (replaced by a rename) to come back', async () => {
    const { time, file, settled, settler } = fileOnFakeTime();
    file.present = false;
    settler.poke();
    await time.advance(30_000);
    expect(settled).toEqual([]);
    file.present = true;
    file.mtime++;
    settler.poke();
    await time.advance(3_000);
    expect(settled).toEqual([33_000]);
  });

  it('does nothing after close', async () => {
    const { time, file, settled, settler, write } = fileOnFakeTime();
    write(10);
    await time.advance(2_500);
    settler.close();
    await time.advance(10_000);
    expect(settled).toEqual([]);
    expect(file.looks).toBe(1);
    expect(time.timerCount()).toBe(0);
  });
});
