/**
 * Issue 10, what the editors ask about a source: its attributes (sources.schema), its objects
 * (sources.search), a scoping filter's live count and "why in / why out" (jobs.scopePreview) — all
 * from one cached read of a real CSV file through the real app, and the wizard's draft in SQLite.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  JobDraft,
  ScopePreviewResult,
  SourceSchemaResult,
  SourceSearchResult,
} from '@shared/domain/job-editing';
import type { ErrorPayload } from '@shared/domain/errors';
import type { Result } from '@shared/domain/result';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { makeTempDir } from '../temp-dir';

const silentLog = { info: () => {}, warn: () => {}, error: () => {} };

const header = 'employeeId,givenName,surname,email,department,status,groups,manager';
const rows = [
  'E1,Kim,Min-jun,kim@example.com,Sales,Active,Sales Team;Everyone,',
  'E2,Lee,Seo-yeon,lee@example.com,Engineering,Active,Everyone,E1',
  'E3,Park,Ji-ho,park@example.com,Engineering,Terminated,Everyone,E1',
  'E4,Choi,Yuna,choi@example.com,Support,Active,,E2',
];

function csv(lines: readonly string[]): string {
  return `${header}\n${lines.join('\n')}\n`;
}

describe('editing against a real CSV source', () => {
  const dir = makeTempDir('roster-editing-');
  const csvPath = join(dir.path, 'hr.csv');
  let app: RosterApp;

  async function call<T>(command: string, input: unknown = {}): Promise<T> {
    const result = (await app.dispatch(command, input)) as Result<T>;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  async function refused(command: string, input: unknown): Promise<ErrorPayload> {
    const result: Result<unknown> = await app.dispatch(command, input);
    if (result.ok) throw new Error(`${command} was accepted`);
    return result.error;
  }

  beforeAll(async () => {
    writeFileSync(csvPath, csv(rows));
    app = createApp({ dataDir: join(dir.path, 'data'), mode: 'browser', osUser: 'alice', logger: silentLog });
    await call('connections.create', {
      name: 'HR',
      kind: 'csv',
      settings: {
        path: csvPath,
        keyColumn: 'employeeId',
        givenNameColumn: 'givenName',
        surnameColumn: 'surname',
        statusColumn: 'status',
        groupsColumn: 'groups',
        groupsSeparator: ';',
        managerColumn: 'manager',
      },
      secrets: {},
    });
  });
  afterAll(async () => {
    await app.close();
    dir.remove();
  });

  describe('sources.schema', () => {
    it('lists the header with the column roles applied, the computed display name and the virtual attributes', async () => {
      const schema = await call<SourceSchemaResult>('sources.schema', { sourceConnection: 'HR' });
      expect(schema.origin).toBe('header of hr.csv');
      const users = schema.attributes.filter((a) => a.objectType === 'User');
      expect(users.map((a) => a.name)).toEqual(
        expect.arrayContaining([
          'employeeId',
          'givenName',
          'email',
          'status',
          'manager',
          'displayName',
          'objectId',
          'IsSoftDeleted',
        ]),
      );
      expect(users.find((a) => a.name === 'manager')).toMatchObject({
        type: 'Reference',
        referencedObject: 'User',
      });
      expect(users.find((a) => a.name === 'IsSoftDeleted')).toMatchObject({ type: 'Boolean' });
      const groups = schema.attributes.filter((a) => a.objectType === 'Group').map((a) => a.name);
      expect(groups).toEqual(expect.arrayContaining(['displayName', 'members', 'objectId']));
    });

    it('names a misspelt connection with a "did you mean"', async () => {
      const error = await refused('sources.schema', { sourceConnection: 'HRR' });
      expect(error.code).toBe('invalidInput');
      expect(error.message).toContain('did you mean "HR"?');
      expect(error.details).toMatchObject({ issues: [{ path: 'sourceConnection' }] });
    });

    it('refuses unknown input keys', async () => {
      const error = await refused('sources.schema', { sourceConnection: 'HR', objectType: 'User' });
      expect(error.code).toBe('invalidInput');
    });
  });

  describe('sources.search', () => {
    it('finds by name, email or key, with every attribute the mapping evaluator sees', async () => {
      const byEmail = await call<SourceSearchResult>('sources.search', {
        sourceConnection: 'HR',
        objectType: 'User',
        query: 'lee@example',
      });
      expect(byEmail.total).toBe(4);
      expect(byEmail.items.map((i) => i.anchor)).toEqual(['E2']);
      expect(byEmail.items[0]?.displayName).toBe('Lee Seo-yeon');
      expect(byEmail.items[0]?.attributes).toMatchObject({
        objectId: 'E2',
        email: 'lee@example.com',
        department: 'Engineering',
        manager: 'E1',
        IsSoftDeleted: false,
      });

      const byKey = await call<SourceSearchResult>('sources.search', {
        sourceConnection: 'HR',
        objectType: 'User',
        query: 'E3',
      });
      expect(byKey.items[0]).toMatchObject({ anchor: 'E3', attributes: { IsSoftDeleted: true } });

      const byName = await call<SourceSearchResult>('sources.search', {
        sourceConnection: 'HR',
        objectType: 'User',
        query: 'park',
      });
      expect(byName.items.map((i) => i.anchor)).toEqual(['E3']);
    });

    it('lists the first objects for an empty query, and groups with their members', async () => {
      const first = await call<SourceSearchResult>('sources.search', {
        sourceConnection: 'HR',
        objectType: 'User',
        limit: 2,
      });
      expect(first.items).toHaveLength(2);
      const groups = await call<SourceSearchResult>('sources.search', {
        sourceConnection: 'HR',
        objectType: 'Group',
        query: 'everyone',
      });
      expect(groups.items[0]?.attributes['members']).toEqual(['E1', 'E2', 'E3']);
    });
  });

  describe('the snapshot cache', () => {
    it('answers from one read until the file changes', async () => {
      const first = await call<SourceSearchResult>('sources.search', {
        sourceConnection: 'HR',
        objectType: 'User',
        query: 'kim',
      });
      const again = await call<SourceSearchResult>('sources.search', {
        sourceConnection: 'HR',
        objectType: 'User',
        query: 'choi',
      });
      expect(again.readAt).toBe(first.readAt);

      writeFileSync(csvPath, csv([...rows, 'E5,Jung,Ha-eun,jung@example.com,Sales,Active,,']));
      // The same second with the same size would look unchanged: move the time on explicitly.
      const later = new Date(Date.now() + 5_000);
      utimesSync(csvPath, later, later);
      const changed = await call<SourceSearchResult>('sources.search', {
        sourceConnection: 'HR',
        objectType: 'User',
        query: 'jung',
      });
      expect(changed.total).toBe(5);
      expect(changed.items.map((i) => i.anchor)).toEqual(['E5']);
    });

    it('reads again when the connection is saved with other settings', async () => {
      const before = await call<SourceSearchResult>('sources.search', {
        sourceConnection: 'HR',
        objectType: 'User',
        query: 'E1',
      });
      expect(before.items[0]?.displayName).toBe('Kim Min-jun');
      const connection = app.store.connections.findByName('HR');
      if (!connection) throw new Error('HR is gone');
      await call('connections.update', {
        id: connection.id,
        settings: { ...connection.settings, displayNameColumn: 'email' },
        secrets: {},
      });
      const after = await call<SourceSearchResult>('sources.search', {
        sourceConnection: 'HR',
        objectType: 'User',
        query: 'E1',
      });
      expect(after.items[0]?.displayName).toBe('kim@example.com');
      await call('connections.update', { id: connection.id, settings: connection.settings, secrets: {} });
    });
  });

  describe('jobs.scopePreview', () => {
    const notEngineering = {
      title: 'Not engineering',
      clauses: [{ attribute: 'department', operator: 'NOT EQUALS', value: 'Engineering' }],
    };

    it('counts the objects the filters let in', async () => {
      const preview = await call<ScopePreviewResult>('jobs.scopePreview', {
        sourceConnection: 'HR',
        objectType: 'User',
        filters: [notEngineering],
      });
      expect(preview).toMatchObject({ total: 5, inScope: 3, problems: [] });
      const everyone = await call<ScopePreviewResult>('jobs.scopePreview', {
        sourceConnection: 'HR',
        objectType: 'User',
        filters: [],
      });
      expect(everyone.inScope).toBe(5);
    });

    it('explains why one object is out, clause by clause', async () => {
      const preview = await call<ScopePreviewResult>('jobs.scopePreview', {
        sourceConnection: 'HR',
        objectType: 'User',
        filters: [notEngineering],
        explainAnchor: 'E2',
      });
      expect(preview.explanation).toMatchObject({
        anchor: 'E2',
        displayName: 'Lee Seo-yeon',
        inScope: false,
        decidingClauses: [{ attribute: 'department', actual: 'Engineering', result: false }],
      });
      expect(preview.explanation?.summary).toContain('department');
    });

    it('names each problem by its JSON path, with a "did you mean"', async () => {
      const preview = await call<ScopePreviewResult>('jobs.scopePreview', {
        sourceConnection: 'HR',
        objectType: 'User',
        filters: [
          { title: '', clauses: [{ attribute: 'departmnet', operator: 'EQUALS', value: 'Sales' }] },
          { title: '', clauses: [{ attribute: 'department', operator: 'EQUAL', value: 'Sales' }] },
        ],
        explainAnchor: 'E99',
      });
      expect(preview.problems.map((p) => p.path)).toEqual([
        'filters[0].clauses[0].attribute',
        'filters[1].clauses[0].operator',
        'explainAnchor',
      ]);
      const [attribute, operator, anchor] = preview.problems.map((p) => p.message);
      expect(attribute).toContain('did you mean "department"?');
      expect(operator).toContain('did you mean "EQUALS"?');
      expect(anchor).toContain('"E99"');
    });
  });

  describe('the wizard draft', () => {
    it('is stored, resumed and deleted', async () => {
      expect(await call<JobDraft | null>('drafts.getJob')).toBeNull();
      const saved = await call<JobDraft>('drafts.saveJob', {
        step: 2,
        data: { source: 'HR', target: 'App', config: { name: 'HR → App' } },
      });
      expect(saved.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(await call<JobDraft>('drafts.getJob')).toEqual(saved);
      expect(await call('drafts.deleteJob')).toEqual({ deleted: true });
      expect(await call('drafts.deleteJob')).toEqual({ deleted: false });
      expect(await call<JobDraft | null>('drafts.getJob')).toBeNull();
    });

    it('refuses a draft holding something that looks like a secret, naming where', async () => {
      const error = await refused('drafts.saveJob', {
        step: 1,
        data: {
          target: { name: 'App', secrets: { bearerToken: { value: 'abc' } } },
          ldap: { bind_password: 'x' },
        },
      });
      expect(error.code).toBe('invalidInput');
      const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
      expect(issues.map((i) => i.path)).toEqual(['data.target.secrets', 'data.ldap.bind_password']);
      expect(issues.every((i) => i.message.includes('never hold secrets'))).toBe(true);
      expect(error.message).toContain('data.target.secrets, data.ldap.bind_password look like one');
      expect(await call<JobDraft | null>('drafts.getJob')).toBeNull();
    });
  });
});
