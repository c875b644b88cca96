import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startScimmyServer, type ScimmyPeer } from '../../peers/scimmy-server';
import { employee, employeesCsv } from '../engine/engine-kit';
import { makeTempDir } from '../temp-dir';

const cli = resolve(import.meta.dirname, '../../../out/main/cli.js');

/**
 * The built `roster` as an admin runs it: its own process, the data folder, the private keyring.
 * Asynchronous on purpose: the SCIM server it talks to runs in this test process.
 */
function roster(
  args: string[],
  input?: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
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
    child.stdin.end(input ?? '');
  });
}

describe('roster data commands against a real SCIM server', async () => {
  const dir = makeTempDir('roster-cli-');
  const data = join(dir.path, 'data');
  const csv = join(dir.path, 'hr.csv');
  let peer: ScimmyPeer;

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error('Build first: npm run build');
    peer = await startScimmyServer();
    writeFileSync(
      csv,
      employeesCsv([
        employee(1, { groups: 'Sales' }),
        employee(2, { groups: 'Sales', manager: 'E0001' }),
        employee(3),
      ]),
    );
    writeFileSync(
      join(dir.path, 'connections.json'),
      JSON.stringify({
        format: 'roster-connections',
        version: 1,
        connections: [
          {
            name: 'HR',
            kind: 'csv',
            settings: {
              path: csv,
              keyColumn: 'employeeId',
              displayNameColumn: 'displayName',
              managerColumn: 'manager',
              groupsColumn: 'groups',
            },
          },
          { name: 'App', kind: 'scim', settings: { baseUrl: peer.baseUrl, authType: 'bearer' } },
        ],
      }),
    );
    writeFileSync(
      join(dir.path, 'job.json'),
      JSON.stringify({
        format: 'roster-job',
        version: 1,
        job: {
          name: 'HR to App',
          sourceConnection: 'HR',
          targetConnection: 'App',
          settings: { scope: 'all' },
          objectMappings: [
            {
              name: 'Users',
              sourceObject: 'User',
              targetObject: 'User',
              attributeMappings: [
                { target: 'userName', type: 'Direct', source: 'email', matchingPriority: 1 },
                { target: 'active', type: 'Expression', source: 'Not([IsSoftDeleted])' },
                { target: 'displayName', type: 'Expression', source: 'Join(" ", [givenName], [surname])' },
                { target: 'title', type: 'Direct', source: 'jobTitle' },
              ],
            },
          ],
          targetSchema: [
            { objectType: 'User', name: 'userName', required: true },
            { objectType: 'User', name: 'active', type: 'Boolean' },
            { objectType: 'User', name: 'displayName' },
            { objectType: 'User', name: 'title' },
          ],
        },
      }),
    );
  });
  afterAll(async () => {
    await peer.stop();
    dir.remove();
  });

  it('imports connection profiles, then stores a secret read from standard input only', async () => {
    const imported = await roster([
      'connection',
      'import',
      join(dir.path, 'connections.json'),
      '--data-dir',
      data,
    ]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('created  HR (csv)');
    expect(imported.stdout).toContain('created  App (scim)');
    const secret = await roster(
      ['secret', 'set', 'App', 'bearerToken', '--data-dir', data],
      `${peer.token}\n`,
    );
    expect(secret.status).toBe(0);
    expect(secret.stdout).toContain('Stored bearerToken for App in the keychain.');
    const list = await roster(['connection', 'list', '--data-dir', data]);
    expect(list.stdout).toMatch(/App\tscim\tbearerToken: set/);
    expect(readFileSync(join(data, 'roster.db')).toString('latin1')).not.toContain(peer.token);
  });

  it('imports a job file and lists it; export gives the same job back', async () => {
    expect(
      (await roster(['job', 'import', join(dir.path, 'job.json'), '--data-dir', data])).stdout,
    ).toContain('Imported job "HR to App"');
    expect((await roster(['job', 'list', '--data-dir', data])).stdout).toMatch(/HR to App\tNotRun\tHR → App/);
    const exported = JSON.parse(
      (await roster(['job', 'export', 'HR to App', '--data-dir', data])).stdout,
    ) as { job: { objectMappings: unknown[] }; connections: { name: string }[] };
    expect(exported.job.objectMappings).toHaveLength(1);
    expect(exported.connections.map((c) => c.name).sort()).toEqual(['App', 'HR']);
    expect(JSON.stringify(exported)).not.toContain(peer.token);
  });

  it('dry-runs with a plan CSV and makes no write request', async () => {
    peer.resetRequests();
    const planPath = join(dir.path, 'plan.csv');
    const run = await roster(['sync', 'HR to App', '--dry-run', '--plan-out', planPath, '--data-dir', data]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Dry run \S+ \(initial\) completed/);
    expect(run.stdout).toContain('3 planned action(s).');
    expect(peer.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    const plan = readFileSync(planPath, 'utf8');
    expect(plan.charCodeAt(0)).toBe(0xfeff);
    expect(plan).toContain('E0001');
    expect(plan).toContain('user1@example.com');
  });

  it('syncs, and a second sync of the unchanged file sends nothing', async () => {
    const first = await roster(['sync', 'HR to App', '--data-dir', data]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/3 created/);
    peer.resetRequests();
    const second = await roster(['sync', 'HR to App', '--data-dir', data]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/\(incremental\) completed.*3 unchanged/);
    expect(peer.requests).toEqual([]);
  });

  it('exports the log as CSV and JSON', async () => {
    const csvOut = join(dir.path, 'log.csv');
    expect(
      (await roster(['logs', 'export', 'HR to App', '--format', 'csv', '--out', csvOut, '--data-dir', data]))
        .stdout,
    ).toMatch(/Wrote \d+ log entries/);
    const text = readFileSync(csvOut, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\ufefftime,job,cycle,action,status,errorCode,reason,sourceKey,sourceDisplayName,targetId,userNameOrEmail,modifiedProperties,changeId',
    );
    expect(text).toContain('create');
    const jsonOut = join(dir.path, 'log.json');
    await roster(['logs', 'export', 'HR to App', '--format', 'json', '--out', jsonOut, '--data-dir', data]);
    const entries = JSON.parse(readFileSync(jsonOut, 'utf8')) as {
      provisioningAction: string;
      provisioningSteps: unknown[];
    }[];
    expect(entries.filter((e) => e.provisioningAction === 'create')).toHaveLength(3);
    expect(entries[0]?.provisioningSteps.length).toBeGreaterThan(2);
  });

  it('restarts and resets a job', async () => {
    expect((await roster(['reset', 'HR to App', '--data-dir', data])).stdout).toContain(
      'Restarted "HR to App"',
    );
    peer.resetRequests();
    const again = await roster(['sync', 'HR to App', '--data-dir', data]);
    expect(again.stdout).toMatch(/\(initial\) completed/);
    expect(peer.requests.filter((r) => r.method === 'POST')).toEqual([]); // links kept: nothing created twice
    expect((await roster(['reset', 'HR to App', '--full', '--data-dir', data])).stdout).toContain(
      'links, state and watermark cleared',
    );
  });

  it('exits 2 on bad input and 1 when the cycle cannot run', async () => {
    const unknown = await roster(['sync', 'No such job', '--data-dir', data]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('There is no job "No such job". Jobs: HR to App');
    writeFileSync(
      join(dir.path, 'bad-job.json'),
      JSON.stringify({ format: 'roster-job', version: 1, job: { name: 'X' } }),
    );
    const bad = await roster(['job', 'import', join(dir.path, 'bad-job.json'), '--data-dir', data]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('job.sourceConnection');
    writeFileSync(csv, '');
    const failed = await roster(['sync', 'HR to App', '--data-dir', data]);
    expect(failed.status).toBe(1);
  });
});
