import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { makeTempDir } from '../temp-dir';

const cli = resolve(import.meta.dirname, '../../../out/main/cli.js');

function roster(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, ...inject('keyringEnv') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status) => resolveRun({ status, stdout, stderr }));
    child.stdin.end();
  });
}

describe('roster demo', () => {
  const dir = makeTempDir('roster-demo-cli-');
  afterAll(() => dir.remove());

  it('provisions the demo HR file into the Roster Sandbox, then syncs with nothing to do', async () => {
    const data = join(dir.path, 'data');
    const first = await roster(['demo', '--data-dir', data]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/\(initial\) completed .* 209 created, .* 0 failed/);
    expect(first.stdout).toContain('Roster Sandbox now holds 195 users (195 active) and 14 groups.');
    const again = await roster(['sync', 'Demo: HR file → Roster Sandbox', '--data-dir', data]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/\(incremental\) completed .* 0 created, 0 updated/);
  });
});
