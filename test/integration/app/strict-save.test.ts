/**
 * Issue 8: the same strictness when the UI (IPC or browser mode) saves jobs and connections as when a
 * file is imported — unknown keys are refused with their path and a "did you mean", a secret typed
 * into settings is refused, and a job whose target cannot disable is refused while it says disable.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionView } from '@shared/domain/connections';
import type { JobConfigInput } from '@shared/domain/jobs';
import type { JobDetail } from '@shared/domain/job-view';
import type { Result } from '@shared/domain/result';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

const silentLog = { info: () => {}, warn: () => {}, error: () => {} };

function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const openLdap = {
  url: 'ldap://127.0.0.1:1',
  bindDn: 'cn=admin,dc=example,dc=com',
  baseDn: 'dc=example,dc=com',
};

function config(extra: Partial<JobConfigInput> = {}): JobConfigInput {
  return {
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
        ],
      },
    ],
    ...extra,
  };
}

describe('saving through the contract is strict', () => {
  const dir = makeTempDir('roster-strict-');
  let app: RosterApp;

  beforeAll(async () => {
    usePrivateKeyring();
    app = createApp({ dataDir: join(dir.path, 'data'), mode: 'browser', osUser: 'alice', logger: silentLog });
    unwrap(
      await app.dispatch('connections.create', {
        name: 'HR',
        kind: 'csv',
        settings: { path: join(dir.path, 'hr.csv'), keyColumn: 'employeeId', managerColumn: 'manager' },
        secrets: {},
      }),
    );
    unwrap(
      await app.dispatch('connections.create', {
        name: 'App',
        kind: 'scim',
        settings: { baseUrl: 'https://app.example/scim' },
        secrets: {},
      }),
    );
    unwrap(
      await app.dispatch('connections.create', {
        name: 'Directory',
        kind: 'ldap',
        settings: openLdap,
        secrets: {},
      }),
    );
  });
  afterAll(async () => {
    await app.close();
    dir.remove();
  });

  const refused: { what: string; command: string; input: () => unknown; says: string[] }[] = [
    {
      what: 'jobs.create with a misspelt setting',
      command: 'jobs.create',
      input: () => ({ config: { ...config(), settings: { scope: 'all', maxConcurency: 2 } } }),
      says: ['config.settings', '"maxConcurency"', 'did you mean "maxConcurrency"?'],
    },
    {
      what: 'jobs.create with a misspelt mapping key',
      command: 'jobs.create',
      input: () => ({
        config: {
          ...config(),
          objectMappings: [
            {
              name: 'Users',
              sourceObject: 'User',
              targetObject: 'User',
              attributeMappings: [],
              enabeld: true,
            },
          ],
        },
      }),
      says: ['"enabeld"', 'did you mean "enabled"?'],
    },
    {
      what: 'jobs.importFile with a misspelt CSV setting',
      command: 'jobs.importFile',
      input: () => ({
        file: {
          format: 'roster-job',
          version: 1,
          connections: [{ name: 'HR3', kind: 'csv', settings: { path: '/x.csv', keyColum: 'id' } }],
          job: config(),
        },
      }),
      says: ['"keyColum"', 'did you mean "keyColumn"?'],
    },
    {
      what: 'connections.create with a misspelt CSV setting',
      command: 'connections.create',
      input: () => ({
        name: 'HR2',
        kind: 'csv',
        settings: { path: '/x.csv', groupsColum: 'g' },
        secrets: {},
      }),
      says: ['"groupsColum"', 'did you mean "groupsColumn"?'],
    },
    {
      what: 'connections.create with a token in the SCIM settings',
      command: 'connections.create',
      input: () => ({
        name: 'App2',
        kind: 'scim',
        settings: { baseUrl: 'https://a.example', token: 'x' },
        secrets: {},
      }),
      says: ['"token"', 'did you mean "bearerToken"?', 'roster secret set'],
    },
    {
      what: 'connections.update with a misspelt LDAP setting',
      command: 'connections.update',
      input: () => ({
        id: app.store.connections.findByName('Directory')?.id,
        settings: { ...openLdap, pageSzie: 100 },
      }),
      says: ['"pageSzie"', 'did you mean "pageSize"?'],
    },
    {
      what: 'jobs.create for an LDAP target that cannot disable while the job says disable',
      command: 'jobs.create',
      input: () => ({ config: config({ name: 'HR to Directory', targetConnection: 'Directory' }) }),
      says: ['cannot disable', 'disableAttribute', 'onSourceDelete'],
    },
  ];

  it.each(refused)('refuses $what', async ({ command, input, says }) => {
    const result = await app.dispatch(command, input());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalidInput');
    for (const text of says) expect(result.error.message).toContain(text);
  });

  it('saves the same job once it deletes instead, or once the connection can disable', async () => {
    const deletes = await app.dispatch('jobs.create', {
      config: config({
        name: 'HR to Directory',
        targetConnection: 'Directory',
        settings: { onSourceDelete: 'delete' },
      }),
    });
    const job = unwrap<JobDetail>(deletes);
    const backToDisable = await app.dispatch('jobs.update', {
      id: job.id,
      config: { ...job.config, settings: { ...job.config.settings, onSourceDelete: 'disable' } },
    });
    expect(backToDisable.ok).toBe(false);
    const directory = app.store.connections.findByName('Directory');
    unwrap<ConnectionView>(
      await app.dispatch('connections.update', {
        id: directory?.id,
        settings: { ...openLdap, disableAttribute: 'employeeType', disableValue: 'disabled' },
      }),
    );
    const updated = await app.dispatch('jobs.update', {
      id: job.id,
      config: { ...job.config, settings: { ...job.config.settings, onSourceDelete: 'disable' } },
    });
    expect(updated.ok).toBe(true);
  });

  it('keeps accepting what the UI sends: the stored settings of every kind, saved back unchanged', async () => {
    for (const view of unwrap<ConnectionView[]>(await app.dispatch('connections.list', {}))) {
      const saved = await app.dispatch('connections.update', {
        id: view.id,
        name: view.name,
        settings: view.settings,
        secrets: {},
      });
      expect(saved.ok, view.name).toBe(true);
    }
    const job = unwrap<JobDetail>(await app.dispatch('jobs.create', { config: config() }));
    expect((await app.dispatch('jobs.update', { id: job.id, config: job.config })).ok).toBe(true);
    const exported = unwrap<unknown>(await app.dispatch('jobs.exportFile', { id: job.id }));
    expect((await app.dispatch('jobs.importFile', { file: exported })).ok).toBe(true);
  });
});
