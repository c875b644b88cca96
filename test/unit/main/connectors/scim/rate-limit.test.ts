import { describe, expect, it } from 'vitest';
import { createRequestLimiter, type LimiterClock } from '../../../../../src-main/connectors/scim/rate-limit';

/** A clock moved by hand: timers fire only when the test advances time. */
function manualClock(): LimiterClock & { advance(ms: number): void } {
  let now = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 0;
  return {
    now: () => now,
    setTimeout(callback, ms) {
      nextId += 1;
      timers.push({ at: now + ms, callback, id: nextId });
      return nextId;
    },
    clearTimeout(handle) {
      timers = timers.filter((t) => t.id !== handle);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const timer of due) timer.callback();
    },
  };
}

function deferred(): { promise: Promise<string>; resolve(value: string): void } {
  let resolve!: (value: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
const cancelled = () => new Error('cancelled');

describe('request limiter', () => {
  it('spaces starts by 1000 / maxRequestsPerSecond ms', async () => {
    const clock = manualClock();
    const limiter = createRequestLimiter({ maxRequestsPerSecond: 10, maxConcurrency: 10 }, cancelled, clock);
    const started: number[] = [];
    const runs = [0, 1, 2].map(() => limiter.run(() => Promise.resolve(started.push(clock.now()))));
    await flush();
    expect(started).toEqual([0]);
    clock.advance(99);
    await flush();
    expect(started).toEqual([0]);
    clock.advance(1);
    clock.advance(100);
    await Promise.all(runs);
    expect(started).toEqual([0, 100, 200]);
  });

  it('keeps at most maxConcurrency tasks in flight, starting the next when one finishes', async () => {
    const clock = manualClock();
    const limiter = createRequestLimiter({ maxRequestsPerSecond: 1000, maxConcurrency: 2 }, cancelled, clock);
    const tasks = [deferred(), deferred(), deferred()];
    let running = 0;
    const runs = tasks.map((task) =>
      limiter.run(() => {
        running += 1;
        return task.promise;
      }),
    );
    clock.advance(1);
    await flush();
    clock.advance(1);
    await flush();
    expect(running).toBe(2);
    tasks[0]!.resolve('a');
    await flush();
    clock.advance(1);
    await flush();
    expect(running).toBe(3);
    tasks[1]!.resolve('b');
    tasks[2]!.resolve('c');
    await expect(Promise.all(runs)).resolves.toEqual(['a', 'b', 'c']);
  });

  it('frees the slot of a task that throws synchronously', async () => {
    const limiter = createRequestLimiter(
      { maxRequestsPerSecond: 1000, maxConcurrency: 1 },
      cancelled,
      manualClock(),
    );
    await expect(
      limiter.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
  });

  it('on stop, rejects waiting and later tasks with the cancelled error; tasks in flight finish', async () => {
    const clock = manualClock();
    const limiter = createRequestLimiter({ maxRequestsPerSecond: 1000, maxConcurrency: 1 }, cancelled, clock);
    const inFlight = deferred();
    const first = limiter.run(() => inFlight.promise);
    const queued = [limiter.run(() => Promise.resolve('never')), limiter.run(() => Promise.resolve('never'))];
    await flush();
    limiter.stop();
    limiter.stop();
    for (const run of queued) await expect(run).rejects.toThrow('cancelled');
    await expect(limiter.run(() => Promise.resolve('late'))).rejects.toThrow('cancelled');
    inFlight.resolve('done');
    await expect(first).resolves.toBe('done');
  });

  it('starts requests at once while the bucket holds tokens: no timer unless the rate requires it', async () => {
    const clock = manualClock();
    const limiter = createRequestLimiter(
      { maxRequestsPerSecond: 1000, maxConcurrency: 100 },
      cancelled,
      clock,
    );
    clock.advance(1000);
    const started: number[] = [];
    const runs = Array.from({ length: 50 }, () =>
      limiter.run(() => Promise.resolve(started.push(clock.now()))),
    );
    await Promise.all(runs);
    // 50 ms of requests at 1,000/s may start together; the 51st waits for its token.
    expect(started).toHaveLength(50);
    expect(new Set(started)).toEqual(new Set([1000]));
  });

  it('lowers the rate when throttle answers start, once for the answers of requests sent at the old rate', async () => {
    const clock = manualClock();
    const throttle = new Error('429');
    const limiter = createRequestLimiter(
      { maxRequestsPerSecond: 100, maxConcurrency: 10 },
      cancelled,
      clock,
      {
        isThrottle: (error) => error === throttle,
      },
    );
    expect(limiter.currentRate()).toBe(100);
    // Quiet answers for a second, then three throttle answers to requests in flight together.
    for (let i = 0; i < 50; i++) {
      const run = limiter.run(() => Promise.resolve('ok'));
      clock.advance(20);
      await run;
    }
    const pending = [deferred(), deferred(), deferred()];
    const runs = pending.map((p) => limiter.run(() => p.promise.then(() => Promise.reject(throttle))));
    await flush();
    clock.advance(10);
    for (const [i, p] of pending.entries()) {
      p.resolve('');
      await expect(runs[i]).rejects.toBe(throttle);
    }
    const lowered = limiter.currentRate();
    expect(lowered).toBeLessThan(100);
    // The third answer came from a request sent before the change: no second decrease.
    expect(lowered).toBeGreaterThanOrEqual(25);
  });

  it('keeps a fixed rate when the caller does not say what a throttle answer is', async () => {
    const clock = manualClock();
    const limiter = createRequestLimiter({ maxRequestsPerSecond: 100, maxConcurrency: 1 }, cancelled, clock);
    await expect(limiter.run(() => Promise.reject(new Error('429')))).rejects.toThrow('429');
    expect(limiter.currentRate()).toBe(100);
  });

  it('leaves the rate alone when throttle answers come whatever the pace', async () => {
    const clock = manualClock();
    const throttle = new Error('429');
    const limiter = createRequestLimiter({ maxRequestsPerSecond: 100, maxConcurrency: 1 }, cancelled, clock, {
      isThrottle: (error) => error === throttle,
    });
    // Every fifth answer is a 429, at any pace (a flaky gateway); the client sends one request every
    // 200 ms, or when the limiter lets it.
    let lowest = limiter.currentRate();
    for (let i = 1; i <= 600; i++) {
      let settled = false;
      const run = limiter.run(() => {
        const answer = i % 5 === 0 ? Promise.reject(throttle) : Promise.resolve('ok');
        clock.advance(200);
        return answer;
      });
      void run.catch(() => undefined).finally(() => (settled = true));
      while (!settled) {
        await flush();
        if (!settled) clock.advance(10);
      }
      lowest = Math.min(lowest, limiter.currentRate());
    }
    // Telling the storm from a pace limit takes a step or two down, never below half the pace sent;
    // then the rate goes back to the ceiling and stays there.
    expect(lowest).toBeGreaterThanOrEqual(2);
    expect(limiter.currentRate()).toBe(100);
  });
});
