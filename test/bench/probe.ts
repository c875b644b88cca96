/**
 * Loaded into the measured `roster` process with `node --require out/bench/probe.cjs` (nothing in
 * the product knows of it; CommonJS, see rolldown.config.mjs). It watches the event loop with
 * perf_hooks' monitorEventLoopDelay and, every 100 ms, notes the longest delay of that window with
 * the wall time it ended; at exit it writes those windows and the peak resident set size to
 * $ROSTER_BENCH_PROBE. The harness keeps the windows that fall inside the cycle (its start and end
 * come from the cycle's own record), so start-up — loading the bundle, opening the database — is not
 * counted as a stall of the cycle.
 *
 * On a loaded machine a process that waits for a core shows event-loop delays it did not cause. So
 * the probe also notes busy turns: a 5 ms timer compares each gap between its ticks with the CPU time
 * the process used in it. A gap the process spent computing (a synchronous step) used about as much
 * CPU as wall time; a gap it spent waiting for a core used little. The CPU of a gap (capped by the
 * gap) is the turn's length as an idle machine would have seen it. It is the main thread's CPU where
 * Linux tells it (/proc/self/task/<pid>/schedstat, in the scheduler's ticks of a few ms): the
 * process's CPU also counts the store's checkpoint thread, GC helpers and libuv's pool, which run
 * beside the event loop, not in it. The ticks cost CPU that counts in the process's figure (about 30 ms per wall
 * second), so the rows that compare Roster's time and CPU with the raw client's (which runs without a
 * probe) turn them off with ROSTER_BENCH_PROBE_TURNS=0; their busy turn then reads 0.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ProbeReport {
  /** [wall-clock ms when the window ended, longest event-loop delay in it (ms)], windows over 5 ms only. */
  windows: [number, number][];
  maxRssKb: number;
  /** CPU time the process used (user + system): what a loaded machine does not inflate. */
  cpuMs: number;
  /**
   * Of that, the event loop's own thread (Linux only; null elsewhere). The rest ran beside it: V8's
   * helper threads (optimising compiles, parallel GC), libuv's pool and the store's checkpoint thread.
   */
  mainThreadCpuMs: number | null;
  /** [wall-clock ms when the gap ended, CPU ms used in it], gaps that used over 5 ms only. */
  busy: [number, number][];
}

const out = process.env['ROSTER_BENCH_PROBE'];
if (out) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const windows: [number, number][] = [];
  const note = () => {
    const maxMs = histogram.max / 1e6;
    if (maxMs > 5) windows.push([Date.now(), Math.round(maxMs * 10) / 10]);
    histogram.reset();
  };
  setInterval(note, 100).unref();
  const busy: [number, number][] = [];
  const turns = process.env['ROSTER_BENCH_PROBE_TURNS'] !== '0';
  // With ROSTER_BENCH_PROFILE, busy gaps over 20 ms are also kept on the monotonic clock the V8
  // profile uses (µs), so profile-summary.mjs --turns can say what ran in each long turn.
  const profileDir = process.env['ROSTER_BENCH_PROFILE'];
  const longTurns: [number, number, number][] = [];
  const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
  let lastTick = performance.now();
  let lastTickUs = monotonicUs();
  // One read per tick (the difference is taken here): the probe's own CPU counts in the figure.
  const mainThreadStat = `/proc/self/task/${process.pid}/schedstat`;
  const mainThreadCpuMs = (): number => Number(readFileSync(mainThreadStat, 'utf8').split(' ')[0]) / 1e6;
  const processCpuMs = (): number => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  let cpuClock = processCpuMs;
  try {
    if (Number.isFinite(mainThreadCpuMs())) cpuClock = mainThreadCpuMs;
  } catch {
    // Not Linux: the whole process's CPU, slightly over.
  }
  let lastCpu = cpuClock();
  if (turns)
    setInterval(() => {
      const now = performance.now();
      const cpuNow = cpuClock();
      const cpuMs = Math.min(cpuNow - lastCpu, now - lastTick);
      if (cpuMs > 5) busy.push([Date.now(), Math.round(cpuMs * 10) / 10]);
      if (profileDir && cpuMs > 20) longTurns.push([lastTickUs, monotonicUs(), Math.round(cpuMs * 10) / 10]);
      lastTick = now;
      if (profileDir) lastTickUs = monotonicUs();
      lastCpu = cpuNow;
    }, 5).unref();
  // ROSTER_BENCH_MEMTRACE=<prefix>: to <prefix>.<pid>.json, every 250 ms, [wall ms, rss, heapTotal, heapUsed, external] in MB,
  // to see where in a cycle the peak falls and how much of it is V8's heap.
  const memTrace = process.env['ROSTER_BENCH_MEMTRACE'];
  const memSamples: number[][] = [];
  if (memTrace) {
    const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
    setInterval(() => {
      const m = process.memoryUsage();
      memSamples.push([Date.now(), mb(m.rss), mb(m.heapTotal), mb(m.heapUsed), mb(m.external)]);
    }, 250).unref();
  }
  process.on('exit', () => {
    if (memTrace) writeFileSync(`${memTrace}.${process.pid}.json`, JSON.stringify(memSamples));
    note();
    const usage = process.resourceUsage();
    const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
    let mainCpu: number | null = null;
    try {
      mainCpu = Math.round(mainThreadCpuMs());
    } catch {
      // Not Linux.
    }
    const report: ProbeReport = { windows, maxRssKb: usage.maxRSS, cpuMs, mainThreadCpuMs: mainCpu, busy };
    writeFileSync(out, JSON.stringify(report));
    if (profileDir) writeFileSync(join(profileDir, `turns-${process.pid}.json`), JSON.stringify(longTurns));
  });
}
