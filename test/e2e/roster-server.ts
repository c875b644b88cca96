import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(import.meta.dirname, '../..');

export interface RunningRoster {
  url: string;
  origin: string;
  stop(): Promise<void>;
}

/** `roster serve` from the build, as an admin would start it, on a data folder of the test's own. */
export async function startRoster(dataDir: string, env: Record<string, string>): Promise<RunningRoster> {
  const cli = join(root, 'out/main/cli.js');
  if (!existsSync(cli)) throw new Error('Build first: npm run build (npm test does this before the tests)');
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', '--data-dir', dataDir], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error('roster serve printed no URL within 30 s')), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /Open: (\S+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`roster serve exited with ${code}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    stop: () =>
      new Promise((resolveStop) => {
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}
