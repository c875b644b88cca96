import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OnDemandStep } from '@shared/domain/on-demand';
import { startScimmyServer } from '../../peers/scimmy-server';
import { EngineKit, employee } from '../engine/engine-kit';
import { usePrivateKeyring } from '../use-private-keyring';

const cli = resolve(import.meta.dirname, '../../../out/main/cli.js');

function roster(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, ...inject('keyringEnv') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolveRun({ status, stdout, stderr }));
  });
}

describe('roster provision <job> against a real SCIM server', () => {
  let kit: EngineKit;
  let data = '';

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error('Build first: npm run build');
    usePrivateKeyring();
    kit = new EngineKit(await startScimmyServer());
    await kit.start([employee(1), employee(2, { givenName: 'Seojun', surname: 'Lee' })]);
    data = join(kit.dir.path, 'data');
    // The CLI opens the data folder on its own, as an admin's shell would.
    await kit.app.close();
  });
  afterAll(async () => {
    await kit.peer.stop();
    kit.dir.remove();
  });

  it('prints each step as a readable line and creates the user', async () => {
    const run = await roster(['provision', 'HR → App', '--user', 'Seojun Lee', '--data-dir', data]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('[1] Import Seojun Lee (E0002): ok');
    expect(run.stdout).toContain('      givenName = Seojun');
    expect(run.stdout).toContain('[2] Scope check Seojun Lee (E0002): ok');
    expect(run.stdout).toContain('      scopeAll: true');
    expect(run.stdout).toContain('      userName eq "user2@example.com" → 0 found');
    expect(run.stdout).toMatch(
      /\[4\] Action Seojun Lee \(E0002\): ok — create \(target object \S+\): userName/,
    );
    expect(run.stdout).toMatch(/Provision on demand \S+: success in \d+\.\d s\./);
    expect(kit.peer.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('prints JSON lines with --json: every step, then the result', async () => {
    const run = await roster(['provision', 'HR → App', '--user', 'E0002', '--json', '--data-dir', data]);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { step?: OnDemandStep; result?: { status: string } });
    expect(lines.flatMap((l) => (l.step ? [l.step.detail.kind] : []))).toEqual([
      'import',
      'scope',
      'match',
      'action',
    ]);
    expect(lines.at(-1)?.result?.status).toBe('skipped');
  });

  it('exits 2 with the closest names when nobody matches', async () => {
    const run = await roster(['provision', 'HR → App', '--user', 'Seojoon Lee', '--data-dir', data]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('NotFound: No user "Seojoon Lee" in HR. Did you mean: Seojun Lee (E0002)?');
  });

  it('exits 2 on bad input: neither --user nor --group, too many members, an unknown job', async () => {
    const neither = await roster(['provision', 'HR → App', '--data-dir', data]);
    expect(neither.status).toBe(2);
    expect(neither.stderr).toContain('Give either --user <key|email|name> or --group <name>.');
    const many = await roster([
      'provision',
      'HR → App',
      '--group',
      'G',
      '--members',
      'a,b,c,d,e,f',
      '--data-dir',
      data,
    ]);
    expect(many.status).toBe(2);
    expect(many.stderr).toContain('at most 5 members, not 6');
    const job = await roster(['provision', 'HR to Ap', '--user', 'E0001', '--data-dir', data]);
    expect(job.status).toBe(2);
    expect(job.stderr).toContain('There is no job "HR to Ap". Jobs: HR → App');
  });
});
