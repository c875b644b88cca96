/**
 * Starts bench-server.mjs as a child process and talks to its `/__bench` control surface. Each
 * scenario gets a fresh server, so what one run left behind never slows the next.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { request } from 'undici';
import type { RecordedWrite, ServerStats } from './bench-server';

export type ServerKind = 'scimmy' | 'sandbox';

/** Servers still running: killed if the harness exits early, so none outlives a failed run. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface BenchServer {
  kind: ServerKind;
  baseUrl: string;
  token: string;
  pid: number;
  stats(): Promise<ServerStats>;
  reset(): Promise<void>;
  record(on: boolean): Promise<void>;
  writes(): Promise<RecordedWrite[]>;
  stop(): Promise<void>;
}

export async function startBenchServer(
  kind: ServerKind,
  options: { dir: string; rate?: number },
): Promise<BenchServer> {
  const args = [join(import.meta.dirname, 'bench-server.mjs'), '--kind', kind];
  if (kind === 'sandbox') args.push('--db', join(options.dir, 'sandbox.db'));
  if (options.rate) args.push('--rate', String(options.rate));
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  running.add(child);
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`The ${kind} server exited with ${code}`)));
  });
  const { baseUrl, token, pid } = JSON.parse(first) as { baseUrl: string; token: string; pid: number };
  const control = baseUrl.replace(/\/scim\/v2$/, '/__bench');
  const call = async <T>(method: 'GET' | 'POST', path: string): Promise<T> => {
    const response = await request(`${control}${path}`, { method });
    return (await response.body.json()) as T;
  };
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  return {
    kind,
    baseUrl,
    token,
    pid,
    stats: () => call<ServerStats>('GET', '/stats'),
    reset: async () => void (await call('POST', '/reset')),
    record: async (on) => void (await call('POST', `/record/${on ? 'on' : 'off'}`)),
    writes: () => call<RecordedWrite[]>('GET', '/writes'),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
