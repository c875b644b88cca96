/**
 * A load that takes a given share of the machine's cores and does nothing else: busy for `share` of
 * every 10 ms, asleep (Atomics.wait, no timer) for the rest, in as many processes as whole cores it
 * needs. The bench runs the raw client beside it with Roster's own CPU rate (ROSTER_BENCH_RAW_BURN=1)
 * to tell how much of Roster's extra time is only its CPU competing with the server's for the cores.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const burnerSource = `
const share = Number(process.argv[1]);
const pause = new Int32Array(new SharedArrayBuffer(4));
for (;;) {
  const started = performance.now();
  while (performance.now() - started < share * 10);
  Atomics.wait(pause, 0, 0, (1 - share) * 10);
}
`;

export interface CpuBurner {
  stop(): Promise<void>;
}

/** `cores`: the share of cores to take, e.g. 0.65 (one process), 1.3 (two of 0.65 each). */
export function startCpuBurner(cores: number): CpuBurner {
  const processes = Math.max(1, Math.ceil(cores));
  const share = Math.min(1, Math.max(0, cores / processes));
  const children: ChildProcess[] = Array.from({ length: processes }, () =>
    spawn(process.execPath, ['-e', burnerSource, String(share)], { stdio: 'ignore' }),
  );
  return {
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGKILL');
            }),
        ),
      );
    },
  };
}
