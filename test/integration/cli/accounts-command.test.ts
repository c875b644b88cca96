/**
 * `roster accounts` spawned as an admin's shell would run it (the built CLI), against a real SCIM
 * server (scimmy) and a real SQLite data folder: discover with progress on stderr and the counts on
 * stdout, list as a table, CSV and JSON, act on accounts through the lease, the log and the audit,
 * and bad arguments refused with exit 2 and the closest known value.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccountRow } from '@shared/domain/accounts';
import { createApp } from '../../../src-main/app/create-app';
import { startScimmyServer, type ScimmyPeer } from '../../peers/scimmy-server';
import { EngineKit, employee } from '../engine/engine-kit';
import { usePrivateKeyring } from '../use-private-keyring';

const cli = resolve(import.meta.dirname, '../../../out/main/cli.js');
const job = 'HR → App';

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

/** Creates an account in the target with plain HTTP, behind Roster's back. */
async function createBehindTheBack(peer: ScimmyPeer, endpoint: 'Users' | 'Groups', body: object) {
  const schema = `urn:ietf:params:scim:schemas:core:2.0:${endpoint === 'Users' ? 'User' : 'Group'}`;
  const response = await fetch(`${peer.baseUrl}/${endpoint}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${peer.token}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({ schemas: [schema], ...body }),
  });
  if (response.status !== 201) throw new Error(`POST /${endpoint}: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

describe('roster accounts against a real SCIM server', () => {
  let kit: EngineKit;
  let peer: ScimmyPeer;
  let data = '';
  const made = { newHire: '', ghost: '', ghostGroup: '' };

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error('Build first: npm run build');
    usePrivateKeyring();
    peer = await startScimmyServer();
    kit = new EngineKit(peer);
    await kit.start([employee(1), employee(2), employee(3)]);
    expect((await kit.sync()).counters.created).toBe(3);
    kit.writeCsv([employee(1), employee(2), employee(3), employee(4)]);
    made.newHire = await createBehindTheBack(peer, 'Users', { userName: 'user4@example.com', active: true });
    made.ghost = await createBehindTheBack(peer, 'Users', {
      userName: 'ghost@example.com',
      displayName: 'Ghost Writer',
      active: true,
    });
    made.ghostGroup = await createBehindTheBack(peer, 'Groups', { displayName: 'Contractors (old)' });
    data = join(kit.dir.path, 'data');
    // The CLI opens the data folder on its own, as an admin's shell would.
    await kit.app.close();
  });
  afterAll(async () => {
    await peer.stop();
    kit.dir.remove();
  });

  it('discovers the accounts: progress on stderr, the counts per class on stdout', async () => {
    const run = await roster(['accounts', 'discover', job, '--data-dir', data]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`Discovering the accounts of ${job}`);
    expect(run.stdout).toMatch(
      new RegExp(`^Discovered 6 accounts of ${job} \\(5 users, 1 group\\) in \\d+\\.\\d s\\.`),
    );
    expect(run.stdout.split('\n').slice(1, 5)).toEqual([
      '  linked          3',
      '  unlinkedMatch   1',
      '  outOfScopeMatch 0',
      '  unmanaged       2',
    ]);
  });

  it('lists the report as a table, as JSON filtered by class, and as a CSV file', async () => {
    const table = await roster(['accounts', 'list', job, '--data-dir', data]);
    expect(table.status).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^CLASS\s+TYPE\s+ID\s+NAME\s+KEY\s+SOURCE\s+DECISION$/);
    expect(lines).toHaveLength(7);
    expect(lines.find((l) => l.includes(made.ghost))).toMatch(
      /^unmanaged\s+User\s+\S+\s+Ghost Writer\s+ghost@example\.com/,
    );

    const json = await roster([
      'accounts',
      'list',
      job,
      '--class',
      'unmanaged',
      '--format',
      'json',
      '--data-dir',
      data,
    ]);
    expect(json.status).toBe(0);
    const rows = JSON.parse(json.stdout) as AccountRow[];
    expect(rows.map((r) => [r.objectType, r.targetId]).sort()).toEqual(
      [
        ['Group', made.ghostGroup],
        ['User', made.ghost],
      ].sort(),
    );

    const out = join(kit.dir.path, 'accounts.csv');
    const csv = await roster([
      'accounts',
      'list',
      job,
      '--format',
      'csv',
      '--type',
      'user',
      '--out',
      out,
      '--no-bom',
      '--data-dir',
      data,
    ]);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toBe(`Wrote 5 accounts to ${out}.\n`);
    const written = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(written[0]).toMatch(/^job,objectType,targetId,displayName,keyValue,active,class,/);
    expect(written).toHaveLength(6);
  });

  it('adopts, disables and leaves accounts named by id or key, through the log and the audit', async () => {
    const adopt = await roster(['accounts', 'adopt', job, made.newHire, '--data-dir', data]);
    expect(adopt.stderr).toBe('');
    expect(adopt.status).toBe(0);
    expect(adopt.stdout).toContain(`adopted  User  ${made.newHire}`);
    expect(adopt.stdout).toMatch(
      new RegExp(`Adopted 1 of 1 accounts of ${job}\\. The provisioning log has them under run \\S+\\.`),
    );

    // By its key (the user name) rather than its id; a second account the job cannot adopt is refused.
    const disable = await roster([
      'accounts',
      'disable',
      job,
      'ghost@example.com',
      made.ghostGroup,
      '--data-dir',
      data,
    ]);
    expect(disable.status).toBe(1);
    expect(disable.stdout).toContain(`disabled User  ${made.ghost}  Ghost Writer`);
    expect(disable.stdout).toContain(
      `refused  Group ${made.ghostGroup}  Contractors (old) — cannotDisable: this kind of account cannot be disabled in this target`,
    );
    expect(peer.storedUser(made.ghost)?.['active']).toBe(false);

    const leave = await roster(['accounts', 'leave', job, made.ghostGroup, '--json', '--data-dir', data]);
    expect(leave.status).toBe(0);
    const [result] = JSON.parse(leave.stdout) as { runId: string; outcomes: { done: boolean }[] }[];
    expect(result?.outcomes).toEqual([expect.objectContaining({ done: true })]);

    const app = createApp({
      dataDir: data,
      mode: 'cli',
      osUser: 'tester',
      logger: { info() {}, warn() {}, error() {} },
    });
    try {
      const jobId = app.store.jobs.findByName(job)?.id ?? '';
      expect(app.store.links.get(jobId, 'User', 'E0004')?.targetId).toBe(made.newHire);
      expect(app.store.log.page({ jobId, cycleId: result?.runId ?? '', limit: 5 }).entries).toHaveLength(1);
      const audit = app.store.audit.page({ limit: 10 }).entries.map((e) => e.action);
      expect(audit).toEqual(
        expect.arrayContaining(['job.accountsAdopt', 'job.accountsDisable', 'job.accountsLeave']),
      );
      expect(app.store.accounts.row(jobId, 'Group', made.ghostGroup)?.decision?.kind).toBe('left');
    } finally {
      await app.close();
    }
  });

  it('refuses bad arguments with exit 2 and the closest known value', async () => {
    const wrongClass = await roster(['accounts', 'list', job, '--class', 'unmanged', '--data-dir', data]);
    expect(wrongClass.status).toBe(2);
    expect(wrongClass.stderr).toContain(
      '--class must be linked, unlinkedMatch, outOfScopeMatch, unmanaged, not "unmanged" — did you mean "unmanaged"?',
    );
    const wrongFormat = await roster(['accounts', 'list', job, '--format', 'jsno', '--data-dir', data]);
    expect(wrongFormat.status).toBe(2);
    expect(wrongFormat.stderr).toContain('did you mean "json"?');
    const wrongCommand = await roster(['accounts', 'discovr', job, '--data-dir', data]);
    expect(wrongCommand.status).toBe(2);
    expect(wrongCommand.stderr).toContain('Did you mean discover?');
    const wrongAccount = await roster(['accounts', 'disable', job, 'ghost@exampel.com', '--data-dir', data]);
    expect(wrongAccount.status).toBe(2);
    expect(wrongAccount.stderr).toContain(
      'No account "ghost@exampel.com" in the latest report — did you mean "ghost@example.com"?',
    );
    const wrongJob = await roster(['accounts', 'list', 'HR → Ap', '--data-dir', data]);
    expect(wrongJob.status).toBe(2);
    expect(wrongJob.stderr).toContain(`There is no job "HR → Ap". Jobs: ${job}`);
  });
});
