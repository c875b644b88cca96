import type { SchedulerClock, TimerHandle, Timers } from '../../../../src-main/scheduler/time';

interface Pending {
  handle: TimerHandle;
  /** Monotonic time it fires at: timers count awake time, as Node's do. */
  at: number;
  callback: () => void;
}

/** Lets promise callbacks (a cycle ending, the scheduler reacting) run, without waiting on real time. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Fake wall clock, monotonic clock and timers. `advance` moves both clocks and fires due timers in
 * order; `sleep` moves only the wall clock, like a suspended computer; `setWall` is a clock change.
 */
export class FakeTime implements SchedulerClock, Timers {
  private wall: number;
  private mono = 0;
  private pending: Pending[] = [];

  constructor(start: string) {
    this.wall = Date.parse(start);
  }

  now = (): Date => new Date(this.wall);
  monotonicMs = (): number => this.mono;

  set = (callback: () => void, ms: number): TimerHandle => {
    const handle: TimerHandle = { timer: Symbol('timer') };
    this.pending.push({ handle, at: this.mono + Math.max(0, ms), callback });
    return handle;
  };

  clear = (handle: TimerHandle): void => {
    this.pending = this.pending.filter((p) => p.handle !== handle);
  };

  /** Awake time passes: both clocks move, timers fire in order, promise work runs between them. */
  async advance(ms: number): Promise<void> {
    const until = this.mono + ms;
    await settle();
    for (;;) {
      this.pending.sort((a, b) => a.at - b.at);
      const next = this.pending[0];
      if (!next || next.at > until) break;
      this.pending.shift();
      this.wall += next.at - this.mono;
      this.mono = next.at;
      next.callback();
      await settle();
    }
    this.wall += until - this.mono;
    this.mono = until;
    await settle();
  }

  async advanceMinutes(minutes: number): Promise<void> {
    await this.advance(minutes * 60_000);
  }

  /** The computer sleeps: the wall clock moves, nothing else does and no timer fires. */
  sleep(ms: number): void {
    this.wall += ms;
  }

  setWall(iso: string): void {
    this.wall = Date.parse(iso);
  }

  timerCount(): number {
    return this.pending.length;
  }
}
