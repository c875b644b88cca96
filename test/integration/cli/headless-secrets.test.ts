import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScimmyServer, type ScimmyPeer } from '../../peers/scimmy-server';
import { noKeychainEnv } from '../demo/no-keychain-env';
import { employee, employeesCsv } from '../engine/engine-kit';
import { makeTempDir } from '../temp-dir';

const cli = resolve(import.meta.dirname, '../../../out/main/cli.js');

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

function roster(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<Outcome> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** `roster run` until `ready` holds for its stdout, then SIGTERM; resolves with what it printed. */
function runUntil(
  env: NodeJS.ProcessEnv,
  args: string[],
  ready: (stdout: string) => boolean,
): Promise<Outcome> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, 'run', ...args], { env });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    // Once: a second SIGTERM ends the process at once, as it should for an impatient admin.
    const stop = () => {
      if (!signalled) child.kill('SIGTERM');
      signalled = true;
    };
    const timeout = setTimeout(stop, 45_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (ready(stdout)) stop();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => {
      clearTimeout(timeout);
      done({ status, stdout, stderr });
    });
  });
}

describe('roster run on a machine with no keychain: secrets from a credentials directory', () => {
  const dir = makeTempDir('roster-headless-');
  const data = join(dir.path, 'data');
  /** A second data folder whose job fails for want of secrets (and so goes into quarantine). */
  const bareData = join(dir.path, 'bare-data');
  const secrets = join(dir.path, 'secrets');
  const env = noKeychainEnv(join(dir.path, 'env'));
  let peer: ScimmyPeer;
  let tokenFile = '';

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error('Build first: npm run build');
    peer = await startScimmyServer();
    const csv = join(dir.path, 'hr.csv');
    writeFileSync(csv, employeesCsv(Array.from({ length: 5 }, (_, i) => employee(i + 1))));
    writeFileSync(
      join(dir.path, 'connections.json'),
      JSON.stringify({
        format: 'roster-connections',
        version: 1,
        connections: [
          {
            name: 'HR',
            kind: 'csv',
            settings: { path: csv, keyColumn: 'employeeId', displayNameColumn: 'displayName' },
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
          settings: { scope: 'all', intervalMinutes: 1 },
          objectMappings: [
            {
              name: 'Users',
              sourceObject: 'User',
              targetObject: 'User',
              attributeMappings: [
                { target: 'userName', type: 'Direct', source: 'email', matchingPriority: 1 },
                { target: 'displayName', type: 'Direct', source: 'displayName' },
              ],
            },
          ],
          targetSchema: [
            { objectType: 'User', name: 'userName', required: true },
            { objectType: 'User', name: 'displayName' },
          ],
        },
      }),
    );
    for (const folder of [data, bareData]) {
      for (const args of [
        ['connection', 'import', join(dir.path, 'connections.json')],
        ['job', 'import', join(dir.path, 'job.json')],
        ['job', 'start', 'HR to App'],
      ]) {
        const result = await roster([...args, '--data-dir', folder], env);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
      }
    }
  });
  afterAll(async () => {
    await peer?.stop();
    dir.remove();
  });

  it('without a keychain or a directory, says exactly what to do, with both commands', async () => {
    // The connection's token is recorded (as on a data folder copied from a desktop), but this
    // process has neither a keychain nor a credentials directory to read it from.
    const elsewhere = join(dir.path, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o700 });
    const [, , name] = (await roster(['secret', 'path', '--data-dir', bareData], env)).stdout
      .trim()
      .split('\t');
    writeFileSync(join(elsewhere, name!), peer.token, { mode: 0o600 });
    const recorded = await roster(
      ['secret', 'set', 'App', 'bearerToken', '--data-dir', bareData, '--secrets-dir', elsewhere],
      env,
      peer.token,
    );
    expect(recorded.status).toBe(0);

    const run = await runUntil(env, ['--data-dir', bareData], (out) => out.includes('job="HR to App"'));
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Roster cannot reach a desktop session bus (D-Bus)');
    expect(run.stderr).toContain(
      "dbus-run-session -- sh -c 'gnome-keyring-daemon --unlock --components=secrets < ~/.roster-keyring-password",
    );
    expect(run.stderr).toContain('roster run --secrets-dir <folder>');
    // The cycle that needs the token fails with the same advice, in its one log line.
    expect(run.stdout).toMatch(/job="HR to App" kind=initial status=failed .*reason=".*--secrets-dir/);
  });

  it('roster secret path names the file of each secret the connections use', async () => {
    const bare = await roster(['secret', 'path', '--data-dir', data], env);
    expect(bare.status).toBe(0);
    expect(bare.stderr).toContain('No credentials directory is configured');
    const [line] = bare.stdout.trim().split('\n');
    expect(line).toMatch(/^connection "App"\tbearerToken\tconnection\.[0-9a-f-]{36}\.bearerToken$/);

    const inDir = await roster(['secret', 'path', '--data-dir', data, '--secrets-dir', secrets], env);
    tokenFile = inDir.stdout.trim().split('\t')[2]!;
    expect(tokenFile).toBe(join(secrets, line!.split('\t')[2]!));
  });

  it('roster secret check refuses an open folder, then guides the admin until every secret is usable', async () => {
    mkdirSync(secrets, { mode: 0o755 });
    chmodSync(secrets, 0o755);
    const open = await roster(['secret', 'check', '--data-dir', data, '--secrets-dir', secrets], env);
    expect(open.status).toBe(1);
    expect(open.stdout).toContain(`has mode 0755: group or others can use it. Run: chmod go= ${secrets}`);

    chmodSync(secrets, 0o700);
    const missing = await roster(['secret', 'check', '--data-dir', data, '--secrets-dir', secrets], env);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain(
      `missing  connection "App" bearerToken (${tokenFile}). As the user Roster runs as, run: (umask 077; cat > ${tokenFile})`,
    );

    writeFileSync(tokenFile, `${peer.token}\n`, { mode: 0o600 });
    const unused = await roster(['secret', 'check', '--data-dir', data, '--secrets-dir', secrets], env);
    expect(unused.status).toBe(1);
    expect(unused.stdout).toContain(
      'the file is there, but Roster does not use it yet. Run: roster secret set "App" bearerToken',
    );

    const wrong = await roster(
      ['secret', 'set', 'App', 'bearerToken', '--data-dir', data, '--secrets-dir', secrets],
      env,
      'not-the-file-value-012345\n',
    );
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('never writes there');
    expect(wrong.stderr).not.toContain('not-the-file-value-012345');

    const recorded = await roster(
      ['secret', 'set', 'App', 'bearerToken', '--data-dir', data, '--secrets-dir', secrets],
      env,
      `${peer.token}\n`,
    );
    expect(recorded.stderr).toBe('');
    expect(recorded.stdout).toBe(`App now uses bearerToken from ${tokenFile}.\n`);

    const ready = await roster(['secret', 'check', '--data-dir', data, '--secrets-dir', secrets], env);
    expect(ready.stdout).toContain(`ok       connection "App" bearerToken (${tokenFile})`);
    expect(ready.stdout).toContain('Every secret the configuration uses can be read.');
    expect(ready.status).toBe(0);
  });

  it('runs the job with the token from systemd CREDENTIALS_DIRECTORY, and the token lands in no database or log', async () => {
    const run = await runUntil(
      { ...env, CREDENTIALS_DIRECTORY: secrets, ROSTER_TEST_MINUTE_MS: '1000' },
      ['--data-dir', data],
      (out) => / status=completed /.test(out),
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `Secrets come from the credentials directory ${secrets} (from CREDENTIALS_DIRECTORY).`,
    );
    expect(run.stdout).toMatch(/job="HR to App" kind=initial status=completed read=5 created=5 .* failed=0 /);
    const listed = await fetch(`${peer.baseUrl}/Users`, {
      headers: { authorization: `Bearer ${peer.token}` },
    });
    expect(((await listed.json()) as { totalResults: number }).totalResults).toBe(5);

    const log = readFileSync(join(data, 'logs', 'roster-run.log'));
    expect(log.includes('status=completed')).toBe(true);
    for (const file of ['roster.db', 'roster.db-wal', 'logs/roster-run.log']
      .map((f) => join(data, f))
      .filter((f) => existsSync(f)))
      expect(readFileSync(file).includes(peer.token), file).toBe(false);
  });
});
