/**
 * Issue 12 item 1 end to end: the gallery's commands through the real dispatch, a job made from a
 * profile for an HR file (the CLI's `roster job new --app`, in process), and that job's first cycle
 * against a real SCIM server.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppJobDefaults, AppProfile, AppProfileSummary } from '@shared/domain/app-profile';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { jobNewFromApp } from '../../../src-main/cli/commands/job-new-app';
import { startScimmyServer, type ScimmyPeer } from '../../peers/scimmy-server';
import { employee, employeesCsv } from '../engine/engine-kit';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

describe('app profiles in the app', () => {
  const dir = makeTempDir('roster-apps-');
  let app: RosterApp;
  let peer: ScimmyPeer;

  async function ok<T>(command: string, input: unknown): Promise<T> {
    const result = await app.dispatch(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
    return result.value as T;
  }

  beforeAll(async () => {
    usePrivateKeyring();
    peer = await startScimmyServer();
    const csv = join(dir.path, 'hr.csv');
    writeFileSync(
      csv,
      employeesCsv([employee(1, { groups: 'Sales' }), employee(2, { groups: 'Sales', manager: 'E0001' })]),
    );
    app = createApp({
      dataDir: join(dir.path, 'data'),
      mode: 'cli',
      osUser: 'tester',
      logger: { info() {}, warn() {}, error() {} },
    });
    await ok('connections.create', {
      name: 'HR',
      kind: 'csv',
      settings: { path: csv, keyColumn: 'employeeId', managerColumn: 'manager', groupsColumn: 'groups' },
    });
    await ok('connections.create', {
      name: 'Test app',
      kind: 'scim',
      settings: { baseUrl: peer.baseUrl, authType: 'bearer' },
      secrets: { bearerToken: peer.token },
    });
  });

  afterAll(async () => {
    await app?.close();
    await peer?.stop();
    dir.remove();
  });

  it('lists the gallery by name with the generic profile last', async () => {
    const list = await ok<AppProfileSummary[]>('apps.list', {});
    expect(list.length).toBeGreaterThanOrEqual(13);
    expect(list.at(-1)?.id).toBe('generic-scim');
    expect(list.find((p) => p.id === 'slack')).toMatchObject({
      name: 'Slack',
      groups: true,
      dialect: 'scim2',
    });
    // The gallery shows the profile's texts in the UI's language: the list carries them.
    expect(list.find((p) => p.id === 'slack')?.translations.ko?.summary).toContain('워크스페이스');
  });

  it('names the closest app id when one is misspelt', async () => {
    const result = await app.dispatch('apps.get', { id: 'slak' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('notFound');
      expect(result.error.message).toContain('did you mean "slack"');
    }
  });

  it("translates the profile's mappings to the HR file's columns and reports what it left out", async () => {
    const defaults = await ok<AppJobDefaults>('apps.jobDefaults', {
      app: 'slack',
      name: 'HR → Slack',
      sourceConnection: 'HR',
      targetConnection: 'Slack',
    });
    const users = defaults.config.objectMappings.find((m) => m.name === 'Users')?.attributeMappings ?? [];
    expect(users.find((m) => m.target === 'userName')).toMatchObject({
      source: 'email',
      matchingPriority: 1,
    });
    expect(users.find((m) => m.target === 'externalId')).toMatchObject({ source: 'employeeId' });
    expect(users.find((m) => m.target === 'active')).toMatchObject({ source: 'Not([IsSoftDeleted])' });
    expect(defaults.config.settings).toMatchObject({ scimProfile: 'scim2', maxRequestsPerSecond: 3 });
    expect(defaults.omittedMappings).toEqual([]);
  });

  it('leaves out a mapping whose attribute the source lacks, and says so', async () => {
    const defaults = await ok<AppJobDefaults>('apps.jobDefaults', {
      app: 'generic-scim',
      name: 'HR → SCIM',
      sourceConnection: 'HR',
      targetConnection: 'Test app',
    });
    expect(defaults.omittedMappings).toContainEqual({
      objectMapping: 'Users',
      target: 'phoneNumbers[type eq "work"].value',
      missing: ['telephoneNumber'],
    });
    const users = defaults.config.objectMappings[0]?.attributeMappings ?? [];
    expect(users.some((m) => m.target.startsWith('phoneNumbers'))).toBe(false);
  });

  it('refuses a non-SCIM target for an app profile', async () => {
    const result = await app.dispatch('apps.jobDefaults', {
      app: 'slack',
      name: 'x',
      sourceConnection: 'HR',
      targetConnection: 'HR',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('is a SCIM app');
  });

  it('creates the connection and the job from a profile, with a base URL for its placeholders', async () => {
    const profile = await ok<AppProfile>('apps.get', { id: 'github-emu' });
    await expect(
      jobNewFromApp(app, 'HR → GitHub', { app: profile.id, source: 'HR', create: true }),
    ).rejects.toThrow(/Fill in \{enterprise\}/);
    await jobNewFromApp(app, 'HR → GitHub', {
      app: profile.id,
      source: 'HR',
      baseUrl: 'https://api.github.com/scim/v2/enterprises/contoso',
      create: true,
    });
    const connection = app.store.connections.findByName(profile.name);
    expect(connection?.settings).toMatchObject({
      baseUrl: 'https://api.github.com/scim/v2/enterprises/contoso',
      authType: 'bearer',
      requestShape: 'scim2',
    });
    const job = app.store.jobs.list().find((j) => j.name === 'HR → GitHub');
    const email = job?.config.objectMappings[0]?.attributeMappings.find((m) => m.target.startsWith('emails'));
    // GitHub refuses filtered PATCH paths, so the profile writes the work email at create only.
    expect(email?.apply).toBe('OnlyOnCreate');
  });

  it("runs a job made from a profile against a real SCIM server, within the profile's limits", async () => {
    await jobNewFromApp(app, 'HR → IAM Identity Center', {
      app: 'aws-iam-identity-center',
      source: 'HR',
      target: 'Test app',
      create: true,
    });
    const job = app.store.jobs.list().find((j) => j.name === 'HR → IAM Identity Center');
    if (!job) throw new Error('job not created');
    expect(job.config.settings.maxMembersPerPatch).toBe(100);
    peer.resetRequests();
    const cycle = await app.engine.run(job.id, {
      dryRun: false,
      initiatedBy: { type: 'admin', displayName: 't' },
    });
    expect(cycle.counters).toMatchObject({ failed: 0 });
    const posts = peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users');
    expect(posts.map((r) => (r.body as { userName: string }).userName).sort()).toEqual([
      'user1@example.com',
      'user2@example.com',
    ]);
  });
});
