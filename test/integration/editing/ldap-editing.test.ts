/**
 * Issue 10 with a directory: the editors' source schema and search from OpenLDAP (slapd), the target
 * schema discovered from scimmy's /Schemas and /ResourceTypes and from the directory's subschema, and
 * two things the editors depend on in the engine — a changed configuration re-evaluates every
 * object even when the source is read by delta, and a case-only difference on a case-insensitive
 * target attribute is explained, and flows once the attribute is marked case-exact.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  JobImpactResult,
  SourceSchemaResult,
  SourceSearchResult,
  TargetSchemaDiscoverResult,
} from '@shared/domain/job-editing';
import { jobConfigSchema, type JobConfig } from '@shared/domain/jobs';
import type { JobDetail } from '@shared/domain/job-view';
import type { CycleSummary } from '@shared/domain/provisioning';
import type { Result } from '@shared/domain/result';
import { genericScimTargetSchema } from '@shared/domain/scim-template';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { createJob } from '../../../src-main/app/jobs/job-store';
import { openLdapToScimUserMappings } from '../../../src-main/connectors/ldap/default-mappings';
import { startScimmyServer } from '../../peers/scimmy-server';
import type { ScimPeer } from '../../peers/scim-request-log';
import { ouLdif, startSlapd, usersLdif, type SlapdPeer } from '../../peers/slapd-server';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

const people = 'ou=People,dc=example,dc=com';
const uidDn = (n: number) => `uid=user${String(n).padStart(5, '0')},${people}`;
const userCount = 6;

describe('editing with OpenLDAP as the source and scimmy as the target', () => {
  const dir = makeTempDir('roster-ldap-editing-');
  let slapd: SlapdPeer;
  let scim: ScimPeer;
  let app: RosterApp;
  let jobId = '';

  async function call<T>(command: string, input: unknown = {}): Promise<T> {
    const result = (await app.dispatch(command, input)) as Result<T>;
    if (!result.ok) throw new Error(`${command}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  function sync(): Promise<CycleSummary> {
    return app.engine.run(jobId, { dryRun: false, initiatedBy: { type: 'admin', displayName: 'tester' } });
  }

  async function config(): Promise<JobConfig> {
    return (await call<JobDetail>('jobs.get', { id: jobId })).config;
  }

  async function scimUser(anchor: string): Promise<Record<string, unknown>> {
    const link = app.store.links.get(jobId, 'User', anchor);
    const response = await fetch(`${scim.baseUrl}/Users/${link?.targetId ?? ''}`, {
      headers: { Authorization: `Bearer ${scim.token}` },
    });
    return (await response.json()) as Record<string, unknown>;
  }

  async function anchorOf(n: number): Promise<string> {
    const [entry] = await slapd.search(people, `(uid=user${String(n).padStart(5, '0')})`, ['entryUUID']);
    return entry?.['entryUUID']?.[0] ?? '';
  }

  beforeAll(async () => {
    usePrivateKeyring();
    slapd = await startSlapd({ ldif: ouLdif(people) + usersLdif(userCount, people) });
    scim = await startScimmyServer();
    app = createApp({ dataDir: join(dir.path, 'data'), mode: 'cli', osUser: 'tester', logger: silent });
    await call('connections.create', {
      name: 'Directory',
      kind: 'ldap',
      settings: {
        url: slapd.url,
        bindDn: slapd.bindDn,
        baseDn: slapd.baseDn,
        userSearchBase: people,
        disableAttribute: 'employeeType',
        disableValue: 'disabled',
      },
      secrets: { bindPassword: slapd.password },
    });
    await call('connections.create', {
      name: 'App',
      kind: 'scim',
      settings: { baseUrl: scim.baseUrl, authType: 'bearer' },
      secrets: { bearerToken: scim.token },
    });
    jobId = createJob(
      app.context,
      jobConfigSchema.parse({
        name: 'Directory → App',
        sourceConnection: 'Directory',
        targetConnection: 'App',
        objectMappings: [
          {
            name: 'Users',
            sourceObject: 'User',
            targetObject: 'User',
            attributeMappings: openLdapToScimUserMappings(),
          },
        ],
        targetSchema: genericScimTargetSchema,
        settings: { scope: 'all', maxConcurrency: 2 },
      }),
    ).id;
  });
  afterAll(async () => {
    await app.close();
    await scim.stop();
    await slapd.stop();
    dir.remove();
  });

  it('offers the subschema attributes of the user classes and what the entries hold', async () => {
    const schema = await call<SourceSchemaResult>('sources.schema', { sourceConnection: 'Directory' });
    expect(schema.origin).toBe('subschema and objects of dc=example,dc=com');
    const users = schema.attributes.filter((a) => a.objectType === 'User').map((a) => a.name);
    expect(users).toEqual(
      expect.arrayContaining(['mail', 'title', 'givenName', 'sn', 'IsSoftDeleted', 'objectId']),
    );
  });

  it('finds a directory entry by mail with its attributes', async () => {
    const found = await call<SourceSearchResult>('sources.search', {
      sourceConnection: 'Directory',
      objectType: 'User',
      query: 'user00003@example.com',
    });
    expect(found.total).toBe(userCount);
    expect(found.items).toHaveLength(1);
    expect(found.items[0]?.attributes).toMatchObject({ mail: ['user00003@example.com'], title: ['Rep'] });
  });

  it('discovers the SCIM target schema from /Schemas and /ResourceTypes', async () => {
    const discovered = await call<TargetSchemaDiscoverResult>('targets.discoverSchema', {
      targetConnection: 'App',
    });
    expect(discovered.supported).toBe(true);
    expect(discovered.message).toContain('/Schemas of App');
    const byName = new Map(discovered.attributes.map((a) => [`${a.objectType}:${a.name}`, a]));
    expect(byName.get('User:userName')).toMatchObject({ type: 'String', required: true, caseExact: false });
    expect(byName.get('User:active')).toMatchObject({ type: 'Boolean' });
    expect(
      byName.get('User:urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager'),
    ).toMatchObject({
      type: 'Reference',
      referencedObject: 'User',
    });
    expect(byName.get('User:emails[type eq "work"].value')).toMatchObject({ multiValued: false });
    expect(byName.get('Group:members')).toMatchObject({ multiValued: true, referencedObject: 'User' });
  });

  it('discovers an LDAP target schema from the subschema of its object classes', async () => {
    const discovered = await call<TargetSchemaDiscoverResult>('targets.discoverSchema', {
      targetConnection: 'Directory',
    });
    expect(discovered.supported).toBe(true);
    expect(discovered.message).toContain('subschema of Directory');
    const users = new Map(
      discovered.attributes.filter((a) => a.objectType === 'User').map((a) => [a.name, a]),
    );
    expect(users.get('sn')).toMatchObject({ required: true });
    expect(users.get('manager')).toMatchObject({ type: 'Reference', referencedObject: 'User' });
    // Beyond Roster's defaults: the directory's own attributes of inetOrgPerson.
    expect(users.has('carLicense')).toBe(true);
  });

  it('names a target connection that does not exist, with a "did you mean"', async () => {
    const result = await app.dispatch('targets.discoverSchema', { targetConnection: 'Ap' });
    expect(result.ok ? null : result.error.message).toContain('did you mean "App"?');
  });

  it('re-evaluates every object after a configuration change, even when a late watermark would allow a delta read', async () => {
    const first = await sync();
    expect(first.counters).toMatchObject({ created: userCount, failed: 0 });
    const watermark = app.store.jobs.get(jobId)?.watermark ?? null;
    expect(watermark).toMatch(/^ldap:/);

    const changed = await config();
    const users = changed.objectMappings[0];
    const displayName = users?.attributeMappings.find((m) => m.target === 'displayName');
    if (!displayName) throw new Error('no displayName mapping');
    Object.assign(displayName, { type: 'Expression', source: 'Join(" / ", [sn], [givenName])' });
    await call('jobs.update', { id: jobId, config: changed });
    // A cycle that was still running under the old configuration stores its watermark after the
    // change: the job is not "initial" any more, and a delta read would see no change at all.
    app.store.jobs.setWatermark(jobId, watermark, new Date().toISOString());

    const second = await sync();
    expect(second.kind).toBe('incremental');
    expect(second.counters).toMatchObject({ read: userCount, updated: userCount, failed: 0 });
    expect((await scimUser(await anchorOf(4)))['displayName']).toBe('Family4 / Given4');
  });

  it('explains a case-only difference, and sends it once the attribute is marked case-exact', async () => {
    await slapd.replace(uidDn(5), 'title', 'REP');
    const anchor = await anchorOf(5);

    const foreseen = await call<JobImpactResult>('jobs.impact', {
      jobId,
      config: await config(),
      search: 'Given5',
    });
    expect(foreseen.items[0]).toMatchObject({
      action: 'unchanged',
      reasonCode: 'CaseOnlyDifference',
      reasonParams: { attributes: 'title' },
    });
    expect(foreseen.items[0]?.reason).toContain('Mark the attribute case-exact');

    const quiet = await sync();
    expect(quiet.counters).toMatchObject({ read: 1, updated: 0, unchanged: 1, failed: 0 });
    expect((await scimUser(anchor))['title']).toBe('Rep');
    const [entry] = app.store.log.page({ jobId, cycleId: quiet.id, limit: 10 }).entries;
    const processing = entry?.provisioningSteps.find((s) => s.provisioningStepType === 'processing');
    expect(processing).toMatchObject({
      status: 'warning',
      details: { messageCode: 'CaseOnlyDifference', attributes: 'title' },
    });
    expect(processing?.description).toContain('title ("Rep" → "REP") differs only by case');

    const caseExact = await config();
    caseExact.targetSchema = caseExact.targetSchema.map((a) =>
      a.objectType === 'User' && a.name === 'title' ? { ...a, caseExact: true } : a,
    );
    const impact = await call<JobImpactResult>('jobs.impact', { jobId, config: caseExact });
    expect(impact.needsFullCycle).toBe(true);
    // Last exported "Rep" against "REP", now compared exactly.
    expect(impact.counts.update).toBe(1);
    await call('jobs.update', { id: jobId, config: caseExact });
    scim.resetRequests();
    const flowing = await sync();
    expect(flowing.counters).toMatchObject({ updated: 1, failed: 0 });
    expect((await scimUser(anchor))['title']).toBe('REP');
    expect(scim.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });
});

const silent = { info() {}, warn() {}, error() {} };
