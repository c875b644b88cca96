/**
 * What the chaos tests share: the HR data they generate and change, the built `roster` CLI run as a
 * child process (so it can be SIGKILLed), a data folder set up the way an admin would (connection
 * file, secret on standard input, job file with the default mappings), and the check of the target
 * at the server itself — never through Roster's own view of it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  defaultGroupMappings,
  defaultUserMappings,
  enterpriseUserUrn,
  genericScimTargetSchema,
} from '@shared/domain/scim-template';
import { seededRandom } from '../peers/fault-proxy';

export const jobName = 'HR to App';

/**
 * The CLI under test. ROSTER_CHAOS_CLI points at another build (for example one made from a clean
 * export of a commit while the working tree is mid-change).
 */
export const cliPath =
  process.env['ROSTER_CHAOS_CLI'] ?? resolve(import.meta.dirname, '../../out/main/cli.js');

export function requireBuiltCli(): void {
  if (!existsSync(cliPath)) throw new Error(`Build first (npx electron-vite build): ${cliPath} is missing`);
}

// ───────────────────────────── people ─────────────────────────────

export interface Person {
  n: number;
  employeeId: string;
  givenName: string;
  surname: string;
  email: string;
  department: string;
  jobTitle: string;
  /** employeeId of the manager, or '' */
  manager: string;
  /** '' or 'Terminated' (the CSV connector's default soft-deleted value). */
  status: string;
  groups: string[];
}

const departments = ['Sales', 'Engineering', 'Operations', 'Finance'];
export const teamCount = 20;

export function teamName(i: number): string {
  return `Team-${String(i).padStart(2, '0')}`;
}

export function idOf(n: number): string {
  return `E${String(n).padStart(5, '0')}`;
}

export function makePerson(n: number, rnd: () => number, managerPool: readonly Person[]): Person {
  const groups = [teamName(1 + (n % teamCount))];
  // A few smaller groups besides the teams, and one (Legacy) that a later CSV drops altogether.
  if (n % 23 === 0) groups.push('Project-Apollo');
  if (n % 31 === 0) groups.push('Project-Gemini');
  if (n % 37 === 0) groups.push('Security-Champions');
  if (n % 13 === 5) groups.push('Legacy');
  const manager =
    managerPool.length === 0 ? '' : (managerPool[Math.floor(rnd() * managerPool.length)]?.employeeId ?? '');
  return {
    n,
    employeeId: idOf(n),
    givenName: `Given${n}`,
    surname: `Family${n}`,
    email: `user${n}@example.com`,
    department: departments[n % departments.length] ?? 'Sales',
    jobTitle: n % 3 === 0 ? 'Engineer' : 'Rep',
    manager,
    status: '',
    groups,
  };
}

/**
 * `count` people in a management tree (fan-out about 8, so most people with reports are managers of
 * several), each in one team and some in smaller groups.
 */
export function initialPeople(count: number, seed: number): Person[] {
  const rnd = seededRandom(seed);
  const people: Person[] = [];
  for (let n = 1; n <= count; n++) {
    const person = makePerson(n, rnd, []);
    person.manager = n === 1 ? '' : idOf(Math.floor((n - 2) / 8) + 1);
    people.push(person);
  }
  return people;
}

export function clonePeople(people: readonly Person[]): Person[] {
  return people.map((p) => ({ ...p, groups: [...p.groups] }));
}

function pick<T>(list: readonly T[], rnd: () => number): T {
  const item = list[Math.floor(rnd() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Changes for a later cycle. Fractions are of the people still active. */
export interface Changes {
  newManagers?: number;
  teamMoves?: number;
  titleChanges?: number;
  hires?: number;
  terminate?: number;
  remove?: number;
  dropGroup?: string;
}

/**
 * The next version of the HR file. Leavers are never anyone's manager afterwards: their reports move
 * to the leaver's own manager, which is what HR does and what gives the managers phase work too.
 */
export function changePeople(people: readonly Person[], changes: Changes, seed: number): Person[] {
  const rnd = seededRandom(seed);
  const next = clonePeople(people);
  const active = () => next.filter((p) => p.status === '');
  const sample = (fraction: number) => active().filter((p) => p.n !== 1 && rnd() < fraction);
  for (const p of sample(changes.newManagers ?? 0)) {
    // An earlier hire: the management graph stays a tree.
    const candidates = active().filter((m) => m.n < p.n && m.employeeId !== p.manager);
    if (candidates.length > 0) p.manager = pick(candidates, rnd).employeeId;
  }
  for (const p of sample(changes.teamMoves ?? 0)) {
    const others = Array.from({ length: teamCount }, (_, i) => teamName(i + 1)).filter(
      (t) => !p.groups.includes(t),
    );
    p.groups = [pick(others, rnd), ...p.groups.filter((g) => !g.startsWith('Team-'))];
  }
  for (const p of sample(changes.titleChanges ?? 0)) p.jobTitle = p.jobTitle === 'Rep' ? 'Senior Rep' : 'Rep';
  if (changes.dropGroup) for (const p of next) p.groups = p.groups.filter((g) => g !== changes.dropGroup);

  const leaving = new Set<string>();
  const leaverPool = active().filter((p) => p.n > 20);
  const want = (changes.terminate ?? 0) + (changes.remove ?? 0);
  while (leaving.size < want && leaving.size < leaverPool.length)
    leaving.add(pick(leaverPool, rnd).employeeId);
  const leavers = [...leaving];
  const terminated = new Set(leavers.slice(0, changes.terminate ?? 0));
  const removed = new Set(leavers.slice(changes.terminate ?? 0));
  const byId = new Map(next.map((p) => [p.employeeId, p]));
  const firstStayingManager = (id: string): string => {
    let current = byId.get(id);
    while (current && leaving.has(current.employeeId)) current = byId.get(current.manager);
    return current?.employeeId ?? idOf(1);
  };
  for (const p of next) {
    if (terminated.has(p.employeeId)) p.status = 'Terminated';
    else if (!leaving.has(p.employeeId) && p.manager !== '' && leaving.has(p.manager))
      p.manager = firstStayingManager(p.manager);
  }
  const kept = next.filter((p) => !removed.has(p.employeeId));

  const maxN = Math.max(...people.map((p) => p.n));
  const pool = kept.filter((p) => p.status === '');
  for (let i = 1; i <= (changes.hires ?? 0); i++) kept.push(makePerson(maxN + i, rnd, pool));
  return kept;
}

const columns = [
  'employeeId',
  'givenName',
  'surname',
  'displayName',
  'email',
  'department',
  'jobTitle',
  'manager',
  'status',
  'groups',
] as const;

export function displayNameOf(p: Person): string {
  return `${p.givenName} ${p.surname}`;
}

export function peopleCsv(people: readonly Person[]): string {
  const lines = people.map((p) =>
    [
      p.employeeId,
      p.givenName,
      p.surname,
      displayNameOf(p),
      p.email,
      p.department,
      p.jobTitle,
      p.manager,
      p.status,
      p.groups.join(';'),
    ].join(','),
  );
  return `${columns.join(',')}\n${lines.join('\n')}\n`;
}

// ───────────────────────────── the CLI ─────────────────────────────

export interface RosterRun {
  child: ChildProcess;
  /** Resolves when the process has exited (killed or not). */
  done: Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** SIGKILL, and wait until the process is gone: nothing it had not yet done can happen afterwards. */
  kill(): Promise<void>;
}

export function startRoster(args: readonly string[], env: Record<string, string>, input = ''): RosterRun {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.once('exit', (status, signal) => resolveExit({ status, signal })),
  );
  const done = new Promise<{
    status: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolveDone, reject) => {
    child.once('error', reject);
    child.once('close', (status, signal) => resolveDone({ status, signal, stdout, stderr }));
  });
  child.stdin?.end(input);
  return {
    child,
    done,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export async function roster(
  args: readonly string[],
  env: Record<string, string>,
  input = '',
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const result = await startRoster(args, env, input).done;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The summary line `roster sync` prints; null when it printed none (killed, or failed before). */
export function cycleStatusOf(stdout: string): { status: string; line: string } | null {
  const line = stdout.split('\n').find((l) => /^Cycle \S+ \(\w+\) \w+ in/.test(l));
  const status = line ? /^Cycle \S+ \(\w+\) (\w+) in/.exec(line)?.[1] : undefined;
  return line && status ? { status, line } : null;
}

export interface ChaosFolder {
  dataDir: string;
  csvPath: string;
}

/**
 * A data folder as an admin sets it up: connection profiles from a file, the bearer token into the
 * keychain from standard input, and a job file with the default mappings (manager and groups too).
 */
export async function setupDataFolder(
  dir: string,
  options: {
    scimBaseUrl: string;
    token: string;
    env: Record<string, string>;
    timeoutSeconds: number;
    settings?: Record<string, unknown>;
  },
): Promise<ChaosFolder> {
  const dataDir = join(dir, 'data');
  const csvPath = join(dir, 'hr.csv');
  const connections = join(dir, 'connections.json');
  writeFileSync(
    connections,
    JSON.stringify({
      format: 'roster-connections',
      version: 1,
      connections: [
        {
          name: 'HR',
          kind: 'csv',
          settings: {
            path: csvPath,
            keyColumn: 'employeeId',
            displayNameColumn: 'displayName',
            managerColumn: 'manager',
            statusColumn: 'status',
            groupsColumn: 'groups',
            groupsSeparator: ';',
          },
        },
        {
          name: 'App',
          kind: 'scim',
          settings: {
            baseUrl: options.scimBaseUrl,
            authType: 'bearer',
            timeoutSeconds: options.timeoutSeconds,
          },
        },
      ],
    }),
  );
  const jobFile = join(dir, 'job.json');
  writeFileSync(
    jobFile,
    JSON.stringify({
      format: 'roster-job',
      version: 1,
      job: {
        name: jobName,
        sourceConnection: 'HR',
        targetConnection: 'App',
        // Fast enough for thousands of users against a loopback server; the rest are Roster's defaults.
        settings: { scope: 'all', maxConcurrency: 8, maxRequestsPerSecond: 1000, ...options.settings },
        objectMappings: [
          {
            name: 'Users',
            sourceObject: 'User',
            targetObject: 'User',
            attributeMappings: defaultUserMappings({
              userName: 'email',
              externalId: 'employeeId',
              displayName: 'displayName',
              givenName: 'givenName',
              surname: 'surname',
              jobTitle: 'jobTitle',
              mail: 'email',
              department: 'department',
              manager: 'manager',
            }),
          },
          {
            name: 'Groups',
            sourceObject: 'Group',
            targetObject: 'Group',
            attributeMappings: defaultGroupMappings(),
          },
        ],
        targetSchema: genericScimTargetSchema,
      },
    }),
  );
  const steps: [string[], string][] = [
    [['connection', 'import', connections], ''],
    [['secret', 'set', 'App', 'bearerToken'], `${options.token}\n`],
    [['job', 'import', jobFile], ''],
  ];
  for (const [args, input] of steps) {
    const result = await roster([...args, '--data-dir', dataDir], options.env, input);
    if (result.status !== 0)
      throw new Error(`roster ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
  }
  return { dataDir, csvPath };
}

// ───────────────────────────── the server's truth ─────────────────────────────

export type Json = Record<string, unknown>;

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Every resource of an endpoint, read page by page straight from the upstream (not via any proxy). */
export async function readAll(baseUrl: string, token: string, endpoint: 'Users' | 'Groups'): Promise<Json[]> {
  const all: Json[] = [];
  for (let start = 1; ;) {
    const response = await fetch(`${baseUrl}/${endpoint}?startIndex=${start}&count=1000`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/scim+json' },
    });
    if (!response.ok) throw new Error(`GET /${endpoint}: ${response.status} ${await response.text()}`);
    const body: unknown = await response.json();
    const resources = isJson(body) && Array.isArray(body['Resources']) ? body['Resources'] : [];
    for (const r of resources) if (isJson(r)) all.push(r);
    const total = isJson(body) && typeof body['totalResults'] === 'number' ? body['totalResults'] : 0;
    start += resources.length;
    if (resources.length === 0 || start > total) return all;
  }
}

export interface ServerState {
  users: Json[];
  groups: Json[];
}

export async function readServer(baseUrl: string, token: string): Promise<ServerState> {
  return { users: await readAll(baseUrl, token, 'Users'), groups: await readAll(baseUrl, token, 'Groups') };
}

function workEmail(user: Json): string | null {
  const emails = Array.isArray(user['emails']) ? user['emails'] : [];
  for (const e of emails) if (isJson(e) && e['type'] === 'work') return str(e['value']);
  return null;
}

/** What the server should hold once Roster has caught up with `people` (after `everyone` was seen). */
export interface Expected {
  /** Everyone ever in the HR file, by employeeId, in their latest known form. */
  everyone: Map<string, Person>;
  /** Everyone in the latest HR file. */
  current: Map<string, Person>;
  /** Group name → employeeIds of active members. */
  groups: Map<string, Set<string>>;
  /** Groups that were provisioned once and are gone from the HR file now (deleted at the target). */
  goneGroups: Set<string>;
}

export function expectedState(history: readonly (readonly Person[])[]): Expected {
  const everyone = new Map<string, Person>();
  const everGroups = new Set<string>();
  for (const version of history) {
    for (const p of version) {
      everyone.set(p.employeeId, p);
      for (const g of p.groups) everGroups.add(g);
    }
  }
  const latest = history[history.length - 1] ?? [];
  const current = new Map(latest.map((p) => [p.employeeId, p]));
  const groups = new Map<string, Set<string>>();
  for (const p of latest) {
    for (const g of p.groups) {
      const members = groups.get(g) ?? new Set<string>();
      if (p.status === '') members.add(p.employeeId);
      groups.set(g, members);
    }
  }
  const goneGroups = new Set([...everGroups].filter((g) => !groups.has(g)));
  return { everyone, current, groups, goneGroups };
}

/** Every way the server differs from what the HR file says, counted (and a few examples of each). */
export interface Drift {
  /** Expected users or groups that the server does not have. */
  missingObjects: number;
  /** Users: a mapped attribute (not the manager) differs. */
  attributes: number;
  managers: number;
  /** Active users disabled, or leavers still active. */
  active: number;
  membersMissing: number;
  membersExtra: number;
  /** Groups gone from the HR file that still exist. */
  groupsNotDeleted: number;
  duplicateUserNames: number;
  duplicateGroups: number;
  duplicateMembers: number;
  /** Server objects that no HR row explains. */
  unexpectedObjects: number;
  examples: string[];
  /** Per phase, the number of writes a correct next cycle still has to send (approximately). */
  pending: { users: number; groups: number; managers: number; memberships: number; deprovisioning: number };
}

export function lostUpdates(d: Drift): number {
  return (
    d.missingObjects +
    d.attributes +
    d.managers +
    d.active +
    d.membersMissing +
    d.membersExtra +
    d.groupsNotDeleted
  );
}

export function duplicates(d: Drift): number {
  return d.duplicateUserNames + d.duplicateGroups + d.duplicateMembers;
}

export function compareWithServer(expected: Expected, server: ServerState, membersPerPatch: number): Drift {
  const drift: Drift = {
    missingObjects: 0,
    attributes: 0,
    managers: 0,
    active: 0,
    membersMissing: 0,
    membersExtra: 0,
    groupsNotDeleted: 0,
    duplicateUserNames: 0,
    duplicateGroups: 0,
    duplicateMembers: 0,
    unexpectedObjects: 0,
    examples: [],
    pending: { users: 0, groups: 0, managers: 0, memberships: 0, deprovisioning: 0 },
  };
  const example = (text: string) => {
    if (drift.examples.length < 12) drift.examples.push(text);
  };

  const usersByName = new Map<string, Json[]>();
  for (const u of server.users) {
    const name = (str(u['userName']) ?? '').toLowerCase();
    usersByName.set(name, [...(usersByName.get(name) ?? []), u]);
  }
  const idByEmployee = new Map<string, string>();
  const employeeById = new Map<string, string>();
  const expectedNames = new Set<string>();
  for (const p of expected.everyone.values()) {
    const name = p.email.toLowerCase();
    expectedNames.add(name);
    const found = usersByName.get(name) ?? [];
    if (found.length > 1) {
      drift.duplicateUserNames += found.length - 1;
      example(`user ${p.email} exists ${found.length} times`);
    }
    const id = str(found[0]?.['id']);
    if (id) {
      idByEmployee.set(p.employeeId, id);
      employeeById.set(id, p.employeeId);
    }
  }
  for (const name of usersByName.keys()) if (!expectedNames.has(name)) drift.unexpectedObjects++;

  for (const p of expected.everyone.values()) {
    const user = usersByName.get(p.email.toLowerCase())?.[0];
    if (!user) {
      drift.missingObjects++;
      drift.pending.users++;
      // Its manager, too, is set only once it exists.
      if (p.manager !== '' && expected.current.get(p.employeeId)?.status === '') drift.pending.managers++;
      example(`user ${p.email} (${p.employeeId}) is missing`);
      continue;
    }
    const inFile = expected.current.get(p.employeeId);
    const shouldBeActive = inFile !== undefined && inFile.status === '';
    if ((user['active'] === true) !== shouldBeActive) {
      drift.active++;
      if (shouldBeActive) drift.pending.users++;
      else drift.pending.deprovisioning++;
      example(`user ${p.email}: active=${String(user['active'])}, expected ${String(shouldBeActive)}`);
    }
    // Leavers keep whatever they had: only active people are held to the HR file.
    if (!shouldBeActive) continue;
    const ext = isJson(user[enterpriseUserUrn]) ? user[enterpriseUserUrn] : {};
    const name = isJson(user['name']) ? user['name'] : {};
    const wanted: [string, unknown, string][] = [
      ['externalId', user['externalId'], p.employeeId],
      ['displayName', user['displayName'], displayNameOf(p)],
      ['name.givenName', name['givenName'], p.givenName],
      ['name.familyName', name['familyName'], p.surname],
      ['title', user['title'], p.jobTitle],
      ['emails[work]', workEmail(user), p.email],
      ['department', ext['department'], p.department],
    ];
    let differs = false;
    for (const [attribute, actual, value] of wanted) {
      if (actual !== value) {
        drift.attributes++;
        differs = true;
        example(`user ${p.email}: ${attribute}=${JSON.stringify(actual)}, expected ${JSON.stringify(value)}`);
      }
    }
    if (differs) drift.pending.users++;
    const manager = isJson(ext['manager']) ? str(ext['manager']['value']) : null;
    const wantedManager = p.manager === '' ? null : (idByEmployee.get(p.manager) ?? `<${p.manager} missing>`);
    if ((manager ?? null) !== wantedManager) {
      drift.managers++;
      drift.pending.managers++;
      example(
        `user ${p.email}: manager ${manager ? (employeeById.get(manager) ?? manager) : 'none'}, expected ${p.manager || 'none'}`,
      );
    }
  }

  const groupsByName = new Map<string, Json[]>();
  for (const g of server.groups) {
    const name = (str(g['displayName']) ?? '').toLowerCase();
    groupsByName.set(name, [...(groupsByName.get(name) ?? []), g]);
  }
  for (const [name, members] of expected.groups) {
    const found = groupsByName.get(name.toLowerCase()) ?? [];
    if (found.length > 1) {
      drift.duplicateGroups += found.length - 1;
      example(`group ${name} exists ${found.length} times`);
    }
    const group = found[0];
    if (!group) {
      drift.missingObjects++;
      drift.pending.groups++;
      drift.membersMissing += members.size;
      drift.pending.memberships += Math.ceil(members.size / membersPerPatch);
      example(`group ${name} is missing`);
      continue;
    }
    if (group['externalId'] !== name) {
      drift.attributes++;
      example(`group ${name}: externalId=${JSON.stringify(group['externalId'])}`);
    }
    const values = (Array.isArray(group['members']) ? group['members'] : [])
      .map((m) => (isJson(m) ? str(m['value']) : null))
      .filter((v): v is string => v !== null);
    const unique = new Set(values);
    if (unique.size !== values.length) {
      drift.duplicateMembers += values.length - unique.size;
      example(`group ${name}: ${values.length - unique.size} duplicate member entries`);
    }
    const wantedIds = new Set([...members].map((e) => idByEmployee.get(e) ?? `<${e} missing>`));
    const missing = [...wantedIds].filter((id) => !unique.has(id)).length;
    const extra = [...unique].filter((id) => !wantedIds.has(id)).length;
    drift.membersMissing += missing;
    drift.membersExtra += extra;
    drift.pending.memberships += Math.ceil((missing + extra) / membersPerPatch);
    if (missing + extra > 0) example(`group ${name}: ${missing} members missing, ${extra} extra`);
  }
  for (const name of expected.goneGroups) {
    if ((groupsByName.get(name.toLowerCase()) ?? []).length > 0) {
      drift.groupsNotDeleted++;
      drift.pending.deprovisioning++;
      example(`group ${name} should have been deleted`);
    }
  }
  for (const name of groupsByName.keys()) {
    const known = [...expected.groups.keys(), ...expected.goneGroups].some((g) => g.toLowerCase() === name);
    if (!known) drift.unexpectedObjects++;
  }
  return drift;
}

export function driftLine(d: Drift): string {
  return (
    `lost updates = ${lostUpdates(d)} (missing objects ${d.missingObjects}, attributes ${d.attributes}, ` +
    `managers ${d.managers}, active ${d.active}, members missing ${d.membersMissing}, members extra ${d.membersExtra}, ` +
    `groups not deleted ${d.groupsNotDeleted}), duplicates = ${duplicates(d)} (userNames ${d.duplicateUserNames}, ` +
    `groups ${d.duplicateGroups}, member entries ${d.duplicateMembers}), unexpected objects = ${d.unexpectedObjects}`
  );
}

/**
 * The target ids that have a create entry in the provisioning log, read from roster.db without
 * Roster's own code (read-only: the test must not change what it checks).
 */
export function createdTargetIds(dataDir: string): Set<string> {
  const db = new Database(join(dataDir, 'roster.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<[], { target_id: string }>(
        "SELECT DISTINCT target_id FROM log_entries WHERE action = 'create' AND status <> 'failure' AND target_id IS NOT NULL",
      )
      .all();
    return new Set(rows.map((r) => r.target_id));
  } finally {
    db.close();
  }
}

/** Server objects that Roster created (users and groups the HR file explains) with no create log entry. */
export function missingCreateLogs(
  expected: Expected,
  server: ServerState,
  logged: ReadonlySet<string>,
): string[] {
  const missing: string[] = [];
  const names = new Set([...expected.everyone.values()].map((p) => p.email.toLowerCase()));
  for (const u of server.users) {
    const id = str(u['id']);
    if (id && names.has((str(u['userName']) ?? '').toLowerCase()) && !logged.has(id))
      missing.push(`user ${str(u['userName'])}`);
  }
  const groupNames = new Set([...expected.groups.keys()].map((g) => g.toLowerCase()));
  for (const g of server.groups) {
    const id = str(g['id']);
    if (id && groupNames.has((str(g['displayName']) ?? '').toLowerCase()) && !logged.has(id))
      missing.push(`group ${str(g['displayName'])}`);
  }
  return missing;
}

// ───────────────────────────── requests, by phase ─────────────────────────────

export type Phase = 'users' | 'groups' | 'managers' | 'memberships' | 'deprovisioning';
export const phases: readonly Phase[] = ['users', 'groups', 'managers', 'memberships', 'deprovisioning'];

function operationsOf(body: unknown): Json[] {
  if (!isJson(body)) return [];
  const ops = body['Operations'];
  return Array.isArray(ops) ? ops.filter(isJson) : [];
}

/**
 * Which phase of a cycle a write belongs to, from the request alone: POST /Users (users), POST /Groups
 * (groups), PATCH of a user's manager (managers), PATCH of a group's members (memberships), a PATCH
 * that only sets active=false or a DELETE (deprovisioning). Other user PATCHes and PUTs are the users
 * phase's updates. Reads belong to no phase.
 */
export function phaseOf(request: { method: string; path: string; body: unknown }): Phase | null {
  const endpoint = request.path.split('/')[1] ?? '';
  if (request.method === 'DELETE') return 'deprovisioning';
  if (request.method === 'POST')
    return endpoint === 'Groups' ? 'groups' : endpoint === 'Users' ? 'users' : null;
  if (request.method !== 'PATCH' && request.method !== 'PUT') return null;
  const ops = operationsOf(request.body);
  const pathOf = (op: Json) => (str(op['path']) ?? '').toLowerCase();
  if (endpoint === 'Groups') {
    return ops.length > 0 && ops.every((op) => pathOf(op).startsWith('members')) ? 'memberships' : 'groups';
  }
  if (ops.length > 0 && ops.every((op) => pathOf(op).endsWith('manager'))) return 'managers';
  const onlyDisable =
    ops.length > 0 &&
    ops.every((op) => {
      const value = op['value'];
      if (pathOf(op) === 'active') return value === false || value === 'False';
      return (
        pathOf(op) === '' && isJson(value) && Object.keys(value).length === 1 && value['active'] === false
      );
    });
  return onlyDisable ? 'deprovisioning' : 'users';
}

// ───────────────────────────── memberships, as the wire saw them ─────────────────────────────

function memberValues(value: unknown): string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.map((m) => (isJson(m) ? str(m['value']) : null)).filter((v): v is string => v !== null);
}

/**
 * Every group's members, replayed from what reached the upstream. A server that keeps memberships in
 * a set (the Roster Sandbox) silently absorbs an add of someone who is already a member; one that
 * appends (scimmy, and several SaaS APIs) stores a duplicate entry. Counting such adds on the wire
 * makes the duplicate check independent of which kind of server the test runs against.
 */
export class MemberShadow {
  private readonly groups = new Map<string, Set<string>>();
  /** Member adds whose member was already in the group. */
  redundantAdds = 0;
  readonly examples: string[] = [];

  consume(entries: readonly UpstreamEntryLike[]): void {
    for (const entry of entries) {
      if (entry.status >= 300) continue;
      const [, endpoint, id] = entry.path.split('/');
      if (endpoint === 'Users' && entry.method === 'DELETE' && id) {
        for (const members of this.groups.values()) members.delete(id);
      }
      if (endpoint !== 'Groups') continue;
      if (entry.method === 'POST' && entry.createdId) {
        this.groups.set(
          entry.createdId,
          new Set(isJson(entry.body) ? memberValues(entry.body['members'] ?? []) : []),
        );
        continue;
      }
      if (!id) continue;
      if (entry.method === 'DELETE') {
        this.groups.delete(id);
        continue;
      }
      const members = this.groups.get(id) ?? new Set<string>();
      this.groups.set(id, members);
      if (entry.method === 'PUT') {
        members.clear();
        for (const v of isJson(entry.body) ? memberValues(entry.body['members'] ?? []) : []) members.add(v);
        continue;
      }
      for (const op of operationsOf(entry.body)) {
        const kind = (str(op['op']) ?? '').toLowerCase();
        const path = (str(op['path']) ?? '').trim();
        const filtered = /^members\s*\[\s*value\s+eq\s+"((?:[^"\\]|\\.)*)"\s*\]$/i.exec(path);
        if (kind === 'add' && path.toLowerCase() === 'members') {
          for (const v of memberValues(op['value'])) {
            if (members.has(v)) {
              this.redundantAdds++;
              if (this.examples.length < 5) this.examples.push(`group ${id}: ${v} added again`);
            }
            members.add(v);
          }
        } else if (kind === 'remove' && filtered?.[1] !== undefined) {
          members.delete(filtered[1]);
        } else if (kind === 'remove' && path.toLowerCase() === 'members') {
          if (op['value'] === undefined) members.clear();
          for (const v of memberValues(op['value'])) members.delete(v);
        } else if (kind === 'replace' && path.toLowerCase() === 'members') {
          members.clear();
          for (const v of memberValues(op['value'])) members.add(v);
        }
      }
    }
  }
}

/** The parts of a fault-proxy log entry the shadow reads (kept structural so tests can feed their own). */
export interface UpstreamEntryLike {
  method: string;
  path: string;
  body: unknown;
  status: number;
  createdId: string | null;
}
