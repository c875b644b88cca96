import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

const root = resolve(import.meta.dirname, '../../..');
const cli = join(root, 'out/main/cli.js');

/** Runs the built `roster` until it prints a line matching `until`, then stops it. */
function runUntil(args: string[], until: RegExp, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  return new Promise((resolveLines, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`timed out; output so far:\n${lines.join('\n')}`));
    }, 60_000);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        lines.push(line);
        if (until.test(line)) {
          clearTimeout(timer);
          child.kill('SIGTERM');
          resolveLines(lines);
        }
      });
    }
  });
}

describe('the roster CLI (built)', () => {
  const dir = makeTempDir();
  beforeAll(() => {
    usePrivateKeyring();
    if (!existsSync(cli)) throw new Error('Build first: npm run build (npm test does this before the tests)');
  });
  afterAll(() => dir.remove());

  it('prints its version', () => {
    const run = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(packageJson.version);
  });

  it('prints help that lists its commands', () => {
    const run = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: roster');
    expect(run.stdout).toMatch(/serve \[options\]/);
  });

  it('exits 2 with a usage message on an unknown command', () => {
    const run = spawnSync(process.execPath, [cli, 'frobnicate'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });

  it('serves browser mode on loopback with a token, using --data-dir', async () => {
    const lines = await runUntil(['serve', '--data-dir', join(dir.path, 'serve')], /Open: /);
    expect(lines.join('\n')).toMatch(/Open: http:\/\/127\.0\.0\.1:\d+\/\?token=\S{43}/);
    expect(existsSync(join(dir.path, 'serve', 'roster.db'))).toBe(true);
  });

  it('refuses to serve on a non-loopback address', () => {
    const run = spawnSync(
      process.execPath,
      [cli, 'serve', '--host', '0.0.0.0', '--data-dir', join(dir.path, 'x')],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('refusing to listen on "0.0.0.0"');
  });

  it('launch says in one line that Electron is missing, then starts browser mode', async () => {
    const lines = await runUntil(['launch', '--data-dir', join(dir.path, 'launch')], /Open: /);
    expect(lines[0]).toBe(
      'Electron is not installed and its binary cannot be downloaded on this machine: starting Roster in browser mode instead.',
    );
    expect(lines.some((l) => /Open: http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(l))).toBe(true);
  });
});
