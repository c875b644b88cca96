/**
 * The demo job into the Roster Sandbox, as test/e2e/job-editing.e2e.test.ts drives it: a filter that
 * leaves Finance out, then displayName mapped to `Join(" ", [givenName], [surname])`, a cycle, and
 * "Restore default mappings". Checked per person against the demo file: the cycle changed exactly the
 * people whose displayName differs under the two mappings, every link's exported values hold the new
 * value, and the impact of the defaults says update for exactly those people and unchanged for the
 * others (78 of the demo's people have displayName = "givenName surname", so both mappings agree).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobImpactResult } from '@shared/domain/job-editing';
import type { JobConfig } from '@shared/domain/jobs';
import type { JobDetail } from '@shared/domain/job-view';
import type { CycleSummary } from '@shared/domain/provisioning';
import type { Result } from '@shared/domain/result';
import type { SandboxAccountsPage } from '@shared/domain/sandbox';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { setUpDemoJob } from '../../../src-main/app/sandbox/demo-setup';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

const demoCsv = resolve(import.meta.dirname, '../../../resources/demo/employees.csv');

interface Person {
  employeeId: string;
  givenName: string;
  surname: string;
  displayName: string;
  email: string;
  department: string;
  status: string;
}

/** One CSV line's cells (the demo quotes cells with commas, and doubles quotes inside them). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}

function demoPeople(): Person[] {
  const [header, ...lines] = readFileSync(demoCsv, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const names = cells(header!);
  return lines.map((line) => {
    const row = cells(line);
    const get = (name: keyof Person) => row[names.indexOf(name)] ?? '';
    return {
      employeeId: get('employeeId'),
      givenName: get('givenName'),
      surname: get('surname'),
      displayName: get('displayName'),
      email: get('email'),
      department: get('department'),
      status: get('status'),
    };
  });
}

const joined = (p: Person) => `${p.givenName} ${p.surname}`;

describe('a displayName mapping change, a cycle, then "Restore default mappings" on the demo job', () => {
  const dir = makeTempDir('roster-mapping-roundtrip-');
  const people = demoPeople();
  const inScope = people.filter((p) => p.status === 'Active' && p.department !== 'Finance');
  const differing = inScope.filter((p) => p.displayName !== joined(p));
  let app: RosterApp;
  let jobId: string;

  async function call<T>(command: string, input: unknown): Promise<T> {
    const result = (await app.dispatch(command, input)) as Result<T>;
    if (!result.ok) throw new Error(`${command}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  async function config(): Promise<JobConfig> {
    return (await call<JobDetail>('jobs.get', { id: jobId })).config;
  }

  async function cycle(): Promise<CycleSummary> {
    const summary = await app.engine.run(jobId, {
      dryRun: false,
      initiatedBy: { type: 'admin', displayName: 'tester' },
    });
    expect(summary.status).toBe('completed');
    expect(summary.counters.failed).toBe(0);
    return summary;
  }

  async function sandboxDisplayNames(): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (let offset = 0; ; offset += 500) {
      const page = await call<SandboxAccountsPage>('sandbox.accounts', { kind: 'users', offset, limit: 500 });
      for (const user of page.items) names.set(user.name, user.displayName);
      if (offset + 500 >= page.total) return names;
    }
  }

  beforeAll(async () => {
    usePrivateKeyring();
    app = createApp({
      dataDir: join(dir.path, 'data'),
      mode: 'cli',
      logger: { info() {}, warn() {}, error() {} },
    });
    // What "Try with demo data" sets up (demo.setup), with its first cycle run here, not by the scheduler.
    jobId = await setUpDemoJob(app.context);
    expect((await cycle()).counters.created).toBe(209);
  });

  afterAll(async () => {
    await app?.close();
    dir.remove();
  });

  it('the demo file has people on both sides: 108 whose displayName differs, 78 whose does not', () => {
    expect(differing).toHaveLength(108);
    expect(inScope.length - differing.length).toBe(78);
  });

  it('the cycle after the change writes the new displayName to every in-scope account and to every link', async () => {
    const filtered = await config();
    filtered.objectMappings.find((m) => m.sourceObject === 'User')!.scope.filters = [
      { title: '', clauses: [{ attribute: 'department', operator: 'NOT EQUALS', value: 'Finance' }] },
    ];
    await call('jobs.update', { id: jobId, config: filtered });
    await cycle();

    const changed = await config();
    const displayName = changed.objectMappings
      .find((m) => m.sourceObject === 'User')!
      .attributeMappings.find((m) => m.target === 'displayName')!;
    Object.assign(displayName, { type: 'Expression', source: 'Join(" ", [givenName], [surname])' });
    await call('jobs.update', { id: jobId, config: changed });
    const summary = await cycle();
    expect(summary.counters.updated).toBe(differing.length);

    const atSandbox = await sandboxDisplayNames();
    for (const person of inScope) {
      expect(atSandbox.get(person.email), person.email).toBe(joined(person));
      const link = app.store.links.get(jobId, 'User', person.employeeId);
      expect(link?.exported['displayName'], person.employeeId).toBe(joined(person));
    }
  });

  it('the impact of restoring the defaults: update for exactly the people whose displayName differs', async () => {
    const stored = await config();
    const defaults = await call<JobConfig>('jobs.defaults', {
      name: stored.name,
      sourceConnection: stored.sourceConnection,
      targetConnection: stored.targetConnection,
    });
    const restored: JobConfig = {
      ...stored,
      objectMappings: defaults.objectMappings.map((mapping) => ({
        ...mapping,
        scope: stored.objectMappings.find((m) => m.sourceObject === mapping.sourceObject)!.scope,
      })),
    };
    const impact = await call<JobImpactResult>('jobs.impact', { jobId, config: restored, limit: 1000 });
    expect(impact.total).toBeLessThanOrEqual(1000);
    const users = new Map(impact.items.filter((i) => i.objectType === 'User').map((i) => [i.anchor, i]));
    for (const person of inScope) {
      const item = users.get(person.employeeId);
      if (person.displayName === joined(person)) {
        expect(item?.action, person.employeeId).toBe('unchanged');
      } else {
        expect(item?.action, person.employeeId).toBe('update');
        expect(item?.changes, person.employeeId).toEqual([
          { attribute: 'displayName', before: joined(person), after: person.displayName },
        ]);
      }
    }
    expect([...users.values()].filter((i) => i.action === 'update')).toHaveLength(differing.length);
  });
});
