/**
 * When a changed file may be read: not while it is still being written. An export rewrites a file in
 * chunks, or writes a temporary file and renames it over the old one; either way Roster waits a
 * short debounce after the last sign of change, then compares the files' marks (size, mtime, inode)
 * twice, `checkMs` apart, and reads only once two marks agree. A half-written file read as a whole
 * would look like a source that lost its last rows — leavers that are not leavers.
 *
 * Pure timer logic over injectable timers and an injectable `marks` probe, so the rules are tested
 * on fake time.
 */
import type { TimerHandle, Timers } from '../time';

/** The files' identity now; null when one of them is missing (mid-rename, or deleted). */
export type MarksProbe = () => Promise<string | null>;

export interface SettleOptions {
  timers: Timers;
  /** Quiet time after the last change signal before the first look (default 2 s). */
  debounceMs?: number;
  /** Time between the two looks that must agree (default 1 s). */
  checkMs?: number;
  marks: MarksProbe;
  /** The files changed and stopped changing. */
  onSettled(): void;
  onError(error: unknown): void;
}

export interface Settler {
  /** A sign that a file changed (a watch event, a poll that saw a new mark). */
  poke(): void;
  close(): void;
}

export const defaultDebounceMs = 2_000;
export const defaultCheckMs = 1_000;

export function createSettler(options: SettleOptions): Settler {
  const debounceMs = options.debounceMs ?? defaultDebounceMs;
  const checkMs = options.checkMs ?? defaultCheckMs;
  let timer: TimerHandle | null = null;
  /** The mark of the previous look, while looking; null before the first look. */
  let previous: string | null = null;
  let closed = false;

  function schedule(callback: () => void, ms: number): void {
    if (timer) options.timers.clear(timer);
    timer = options.timers.set(() => {
      timer = null;
      callback();
    }, ms);
  }

  function look(): void {
    options.marks().then(
      (mark) => {
        if (closed) return;
        // A poke meanwhile restarted the debounce: that timer decides, not this look.
        if (timer) return;
        if (mark === null) {
          // Missing (replaced by rename, or deleted): its reappearance pokes again.
          previous = null;
          return;
        }
        if (previous === mark) {
          previous = null;
          options.onSettled();
          return;
        }
        previous = mark;
        schedule(look, checkMs);
      },
      (error: unknown) => {
        previous = null;
        if (!closed) options.onError(error);
      },
    );
  }

  return {
    poke() {
      if (closed) return;
      // Still changing: the looks start over after a quiet debounce.
      previous = null;
      schedule(look, debounceMs);
    },
    close() {
      closed = true;
      if (timer) options.timers.clear(timer);
      timer = null;
    },
  };
}
