/**
 * Issue 8 "strict, honest input", from the command line: every bad input the CLI reads is refused with
 * exit 2, a message that names the place (file, JSON path, option) and the fix or the closest key, and
 * no stack trace; a cycle stopped for another reason exits 1.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startScimmyServer, type ScimmyPeer } from '../../peers/scimmy-server';
import { makeTempDir } from '../temp-dir';

const cli = resolve(import.meta.dirname, '../../../out/main/cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Asynchronous: the SCIM server the cycles talk to runs in this process. */
function roster(args: string[], input = ''): Promise<Run> {
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
    child.stdin.end(input);
  });
}

/** A line of a V8 stack trace: `    at fn (file.js:12:3)`. */
const stackLine = /^\s+at .+:\d+:\d+\)?$/m;

const users = {
  name: 'Users',
  sourceObject: 'User',
  targetObject: 'User',
  attributeMappings: [
    { target: 'userName', type: 'Direct', source: 'email', matchingPriority: 1 },
    { target: 'active', type: 'Expression', source: 'Not([IsSoftDeleted])' },
  ],
};
const targetSchema = [
  { objectType: 'User', name: 'userName', required: true },
  { objectType: 'User', name: 'active', type: 'Boolean' },
];

function jobFile(job: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'roster-job',
    version: 1,
    job: {
      name: 'HR to App',
      sourceConnection: 'HR',
      targetConnection: 'App',
      settings: { scope: 'all' },
      objectMappings: [users],
      targetSchema,
      ...job,
    },
    ...extra,
  });
}

function connectionsFile(connections: unknown[]): string {
  return JSON.stringify({ format: 'roster-connections', version: 1, connections });
}

describe('roster refuses bad input with exit 2 and says where', () => {
  const dir = makeTempDir('roster-cli-bad-');
  const data = join(dir.path, 'data');
  const csv = join(dir.path, 'hr.csv');
  const file = (name: string, text: string | Buffer): string => {
    const path = join(dir.path, name);
    writeFileSync(path, text);
    return path;
  };
  let peer: ScimmyPeer;

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error('Build first: npm run build');
    peer = await startScimmyServer();
    writeFileSync(
      csv,
      'employeeId,givenName,surname,email\nE1,Ann,Lee,ann@example.com\nE2,Bob,Ray,bob@example.com\n',
    );
    const connections = file(
      'connections.json',
      connectionsFile([
        { name: 'HR', kind: 'csv', settings: { path: csv, keyColumn: 'employeeId' } },
        { name: 'App', kind: 'scim', settings: { baseUrl: peer.baseUrl } },
        {
          name: 'Directory',
          kind: 'ldap',
          settings: {
            url: 'ldap://127.0.0.1:1',
            bindDn: 'cn=admin,dc=example,dc=com',
            baseDn: 'dc=example,dc=com',
          },
        },
      ]),
    );
    const imported = await roster(['connection', 'import', connections, '--data-dir', data]);
    expect(imported.stderr).toBe('');
    expect(
      (await roster(['secret', 'set', 'App', 'bearerToken', '--data-dir', data], peer.token)).status,
    ).toBe(0);
    const job = await roster(['job', 'import', file('job.json', jobFile()), '--data-dir', data]);
    expect(job.stderr).toBe('');
    expect(job.status).toBe(0);
  });
  afterAll(async () => {
    await peer.stop();
    dir.remove();
  });

  interface Case {
    what: string;
    args: () => string[];
    exit: number;
    says: (string | RegExp)[];
  }

  const importJob = (name: string, text: string | Buffer) => () => [
    'job',
    'import',
    file(name, text),
    '--data-dir',
    data,
  ];
  const importConnections = (name: string, text: string | Buffer) => () => [
    'connection',
    'import',
    file(name, text),
    '--data-dir',
    data,
  ];

  const cases: Case[] = [
    {
      what: 'job file: a misspelt job setting',
      args: importJob('typo.json', jobFile({ settings: { scope: 'all', maxConcurency: 3 } })),
      exit: 2,
      says: ['typo.json', 'job.settings.maxConcurency', 'did you mean "maxConcurrency"?'],
    },
    {
      what: 'job file: a misspelt CSV setting of its connection',
      args: importJob(
        'keycolum.json',
        jobFile(
          {},
          { connections: [{ name: 'HR2', kind: 'csv', settings: { path: csv, keyColum: 'employeeId' } }] },
        ),
      ),
      exit: 2,
      says: ['connections[0].settings.keyColum', 'did you mean "keyColumn"?'],
    },
    {
      what: 'job file: a token where bearerToken is meant',
      args: importJob(
        'token.json',
        jobFile(
          {},
          {
            connections: [
              { name: 'App2', kind: 'scim', settings: { baseUrl: 'https://app.example/scim', token: 'x' } },
            ],
          },
        ),
      ),
      exit: 2,
      says: ['connections[0].settings.token', 'did you mean "bearerToken"?', 'roster secret set'],
    },
    {
      what: 'job file: nested 10,000 levels deep',
      args: importJob('deep.json', `${'['.repeat(10_000)}${']'.repeat(10_000)}`),
      exit: 2,
      says: ['deep.json', 'nested more than 64 levels deep'],
    },
    {
      what: 'job file: a 2 MB string',
      args: importJob('long.json', jobFile({ name: 'x'.repeat(2_000_000) })),
      exit: 2,
      says: ['long.json', 'a string is longer than'],
    },
    {
      what: 'job file: not JSON',
      args: importJob('broken.json', '{ "format": "roster-job", version: 1 }'),
      exit: 2,
      says: ['broken.json is not valid JSON: line 1, column 27'],
    },
    {
      what: 'job file: missing',
      args: () => ['job', 'import', join(dir.path, 'nope.json'), '--data-dir', data],
      exit: 2,
      says: ['nope.json', 'there is no such file'],
    },
    {
      what: 'job file: an LDAP target that cannot disable while the job says disable',
      args: importJob('disable.json', jobFile({ name: 'HR to Directory', targetConnection: 'Directory' })),
      exit: 2,
      says: ['cannot disable', 'disableAttribute', 'onSourceDelete'],
    },
    {
      what: 'connections file: a misspelt setting',
      args: importConnections(
        'c-typo.json',
        connectionsFile([{ name: 'HR', kind: 'csv', settings: { path: csv, keyColum: 'employeeId' } }]),
      ),
      exit: 2,
      says: ['c-typo.json', 'connections[0].settings.keyColum', 'did you mean "keyColumn"?'],
    },
    {
      what: 'connections file: a secret',
      args: importConnections(
        'c-secret.json',
        connectionsFile([
          { name: 'App', kind: 'scim', settings: { baseUrl: 'https://app.example/scim', bearerToken: 'x' } },
        ]),
      ),
      exit: 2,
      says: ['connections[0].settings.bearerToken', 'Secrets never belong', 'roster secret set'],
    },
    {
      what: 'connections file: an LDAP setting nobody knows',
      args: importConnections(
        'c-ldap.json',
        connectionsFile([
          {
            name: 'Directory',
            kind: 'ldap',
            settings: {
              url: 'ldap://127.0.0.1:1',
              bindDn: 'cn=a',
              baseDn: 'dc=b',
              disableAtribute: 'employeeType',
            },
          },
        ]),
      ),
      exit: 2,
      says: ['connections[0].settings.disableAtribute', 'did you mean "disableAttribute"?'],
    },
    {
      what: 'connections file: the kind of an existing profile changed',
      args: importConnections(
        'c-kind.json',
        connectionsFile([{ name: 'HR', kind: 'scim', settings: { baseUrl: 'https://app.example/scim' } }]),
      ),
      exit: 2,
      says: ['"HR" is SCIM in the file, but the existing one is CSV'],
    },
    {
      what: 'expr: --source nested too deep',
      args: () => ['expr', '[a]', '--source', `{"a":${'['.repeat(100)}${']'.repeat(100)}}`],
      exit: 2,
      says: ['--source', 'nested more than 64 levels deep'],
    },
    {
      what: 'expr: --target-existing not JSON',
      args: () => ['expr', 'SelectUniqueValue([a], [b])', '--target-existing', '[x'],
      exit: 2,
      says: ['--target-existing is not valid JSON'],
    },
    {
      what: 'scope: a filters file nested too deep',
      args: () => ['scope', '--filters', file('f-deep.json', `${'['.repeat(1000)}${']'.repeat(1000)}`)],
      exit: 2,
      says: ['f-deep.json', 'nested more than 64 levels deep'],
    },
    {
      what: 'scope: --source not JSON',
      args: () => ['scope', '--filters', file('f.json', '{"filters":[]}'), '--source', '{a}'],
      exit: 2,
      says: ['--source is not valid JSON'],
    },
    {
      what: 'logs export: an unknown job',
      args: () => ['logs', 'export', 'Nope', '--out', join(dir.path, 'l.csv'), '--data-dir', data],
      exit: 2,
      says: ['There is no job "Nope"'],
    },
    {
      what: 'logs export: an unknown format',
      args: () => [
        'logs',
        'export',
        'HR to App',
        '--format',
        'xml',
        '--out',
        join(dir.path, 'l.x'),
        '--data-dir',
        data,
      ],
      exit: 2,
      says: ['--format must be csv or json'],
    },
    {
      what: 'logs export: --out in a folder that does not exist',
      args: () => [
        'logs',
        'export',
        'HR to App',
        '--out',
        join(dir.path, 'no/such/l.csv'),
        '--data-dir',
        data,
      ],
      exit: 2,
      says: ['does not exist'],
    },
    {
      what: 'logs export: an unknown cycle',
      args: () => [
        'logs',
        'export',
        'HR to App',
        '--cycle',
        'c-1',
        '--out',
        join(dir.path, 'l.csv'),
        '--data-dir',
        data,
      ],
      exit: 2,
      says: ['has no cycle c-1'],
    },
    {
      what: 'reset: an unknown job',
      args: () => ['reset', 'Nope', '--data-dir', data],
      exit: 2,
      says: ['There is no job "Nope"'],
    },
    {
      what: 'sync: an unknown job',
      args: () => ['sync', 'Nope', '--data-dir', data],
      exit: 2,
      says: ['There is no job "Nope"'],
    },
  ];

  it.each(cases)('$what → exit $exit', async ({ args, exit, says }) => {
    const run = await roster(args());
    expect(run.status, run.stderr).toBe(exit);
    for (const text of says) expect(run.stderr).toMatch(typeof text === 'string' ? escapeRegExp(text) : text);
    expect(run.stderr).not.toMatch(stackLine);
    expect(run.stdout).not.toMatch(stackLine);
    expect(run.stderr.length).toBeLessThan(5_000);
  });

  it('reads job and connection files that start with a UTF-8 byte-order mark', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const connections = connectionsFile([
      { name: 'HR', kind: 'csv', settings: { path: csv, keyColumn: 'employeeId' } },
    ]);
    const c = await roster(importConnections('c-bom.json', Buffer.concat([bom, Buffer.from(connections)]))());
    expect(c.stderr).toBe('');
    expect(c.status).toBe(0);
    const j = await roster(importJob('j-bom.json', Buffer.concat([bom, Buffer.from(jobFile())]))());
    expect(j.stderr).toBe('');
    expect(j.status).toBe(0);
  });

  const header = 'employeeId,givenName,surname,email\n';
  const syncs: { what: string; csv: string | Buffer; exit: number; says: string[] }[] = [
    {
      what: 'ragged rows (bad source data)',
      csv: `${header}E1,Ann,Lee,ann@example.com\nE2,Bob,Ray,bob@example.com,extra\n`,
      exit: 2,
      says: ['CsvFieldCount', 'hr.csv:3'],
    },
    {
      what: 'duplicate keys (bad source data)',
      csv: `${header}E1,Ann,Lee,ann@example.com\nE1,Bob,Ray,bob@example.com\n`,
      exit: 2,
      says: ['CsvDuplicateKeys', 'hr.csv:2 and hr.csv:3 both have employeeId "E1"'],
    },
    {
      what: 'a 10 MB header line (bad source data, short message)',
      csv: `employeeId,${'y'.repeat(10_000_000)}\nE1,x\n`,
      exit: 2,
      says: ['CsvRecordTooLarge', 'hr.csv:1'],
    },
    {
      what: 'an empty file (an export may still be running: a stopped cycle)',
      csv: '',
      exit: 1,
      says: ['CsvEmpty'],
    },
  ];

  it.each(syncs)('sync with $what → exit $exit', async ({ csv: text, exit, says }) => {
    writeFileSync(csv, text);
    const run = await roster(['sync', 'HR to App', '--data-dir', data]);
    expect(run.status, run.stderr).toBe(exit);
    for (const s of says) expect(run.stderr).toContain(s);
    expect(run.stderr).not.toMatch(stackLine);
    expect(run.stderr.length).toBeLessThan(5_000);
  });

  it('sync with a missing source file is a stopped cycle → exit 1', async () => {
    mkdirSync(join(dir.path, 'gone'), { recursive: true });
    const moved = join(dir.path, 'gone', 'hr.csv');
    const update = await roster(
      importConnections(
        'c-gone.json',
        connectionsFile([{ name: 'HR', kind: 'csv', settings: { path: moved } }]),
      )(),
    );
    expect(update.status).toBe(0);
    const run = await roster(['sync', 'HR to App', '--data-dir', data]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CsvFileNotFound');
  });
});

function escapeRegExp(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
