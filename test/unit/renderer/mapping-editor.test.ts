// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NDialogProvider, NMessageProvider } from 'naive-ui';
import { defineComponent, h, ref } from 'vue';
import type { JobImpactResult, SourceSchemaResult } from '@shared/domain/job-editing';
import { jobConfigSchema, type JobConfig } from '@shared/domain/jobs';
import type { Result } from '@shared/domain/result';
import { genericScimTargetSchema } from '@shared/domain/scim-template';
import { targetAttribute } from '@shared/domain/schema';
import MappingEditor from '../../../src-renderer/views/jobs/parts/mapping-editor/mapping-editor.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function baseConfig(): JobConfig {
  return jobConfigSchema.parse({
    name: 'HR → Sandbox',
    sourceConnection: 'HR',
    targetConnection: 'Sandbox',
    targetSchema: genericScimTargetSchema,
    objectMappings: [
      {
        name: 'Users',
        sourceObject: 'User',
        targetObject: 'User',
        attributeMappings: [
          { target: 'userName', type: 'Direct', source: 'mail', matchingPriority: 1 },
          { target: 'externalId', type: 'Direct', source: 'objectId', matchingPriority: 2 },
          { target: 'displayName', type: 'Direct', source: 'givenName' },
          { target: 'active', type: 'Expression', source: 'Not([IsSoftDeleted])' },
        ],
      },
      {
        name: 'Groups',
        sourceObject: 'Group',
        targetObject: 'Group',
        attributeMappings: [
          { target: 'displayName', type: 'Direct', source: 'displayName', matchingPriority: 1 },
        ],
      },
    ],
  });
}

const sourceSchema: SourceSchemaResult = {
  origin: 'header of hr.csv',
  attributes: ['mail', 'givenName', 'surname', 'department'].map((name) => ({
    objectType: 'User' as const,
    name,
    type: 'String' as const,
    multiValued: false,
  })),
};

const harmlessImpact: JobImpactResult = {
  counts: { create: 0, update: 12, enable: 0, disable: 0, delete: 0, outOfScope: 0, unchanged: 30 },
  leavingScope: 0,
  needsFullCycle: false,
  deletionThresholdHit: false,
  items: [],
  total: 0,
  readAt: '2025-03-01T09:00:00.000Z',
  overlaps: [],
  problems: [],
};

function recordingTransport(extra: Record<string, (input: unknown) => Result<unknown>> = {}) {
  const calls: { command: string; input: unknown }[] = [];
  const answers: Record<string, (input: unknown) => Result<unknown>> = {
    'sources.schema': () => ({ ok: true, value: sourceSchema }),
    'sources.search': () => ({
      ok: true,
      value: { items: [], total: 0, readAt: '2025-03-01T09:00:00.000Z' },
    }),
    'connections.list': () => ({ ok: true, value: [] }),
    'jobs.impact': () => ({ ok: true, value: harmlessImpact }),
    ...extra,
  };
  const transport: Transport = {
    kind: 'electron',
    invoke: async (command, input) => {
      calls.push({ command, input });
      const answer = answers[command];
      return answer ? answer(input) : { ok: false, error: { code: 'unknownCommand', message: command } };
    },
    subscribe: () => () => {},
  };
  return { transport, calls };
}

function mountEditor(mode: 'job' | 'wizard', config = baseConfig()) {
  const current = ref(config);
  const emitted: JobConfig[] = [];
  const host = defineComponent({
    setup: () => () =>
      h(NDialogProvider, () =>
        h(NMessageProvider, () =>
          h(MappingEditor, {
            config: current.value,
            mode,
            jobId: mode === 'job' ? 'job-1' : undefined,
            'onUpdate:config': (next: JobConfig) => {
              emitted.push(next);
              current.value = next;
            },
          }),
        ),
      ),
  });
  const wrapper = mount(host, { global: { plugins: [createRosterI18n('en')] }, attachTo: document.body });
  return { wrapper, current, emitted };
}

const find = <T extends HTMLElement = HTMLElement>(selector: string) =>
  document.body.querySelector<T>(selector);
const click = async (selector: string) => {
  const el = find(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.click();
  await flushPromises();
};
const users = (config: JobConfig) => config.objectMappings[0]!.attributeMappings;

// Each test mounts the whole editor with naive-ui; a loaded two-core machine needs more than 5 s.
describe('mapping editor', { timeout: 30_000 }, () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => (document.body.innerHTML = ''));

  it('shows each object mapping with its attribute mappings and where the source names come from', async () => {
    useTransport(recordingTransport().transport);
    mountEditor('wizard');
    await flushPromises();
    const table = find('[data-test="mapping-table-Users"]');
    expect(table?.textContent).toContain('userName');
    expect(table?.textContent).toContain('Not([IsSoftDeleted])');
    expect(find('[data-test="mapping-source-status"]')?.textContent).toContain('header of hr.csv');
  });

  it('will not delete a required target attribute, and says why', async () => {
    useTransport(recordingTransport().transport);
    const { emitted } = mountEditor('wizard');
    await flushPromises();
    const blocked = find('[data-test="mapping-delete-blocked-userName"]');
    expect(blocked?.getAttribute('aria-label')).toContain('userName is required by the target');
    expect(find<HTMLButtonElement>('[data-test="mapping-delete-userName"]')?.disabled).toBe(true);
    await click('[data-test="mapping-delete-displayName"]');
    expect(users(emitted.at(-1)!).map((m) => m.target)).toEqual(['userName', 'externalId', 'active']);
  });

  it('reorders matching precedence with the arrow buttons and renumbers 1..n', async () => {
    useTransport(recordingTransport().transport);
    const { emitted } = mountEditor('wizard');
    await flushPromises();
    expect(find<HTMLButtonElement>('[data-test="mapping-up-userName"]')?.disabled).toBe(true);
    await click('[data-test="mapping-down-userName"]');
    const moved = users(emitted.at(-1)!);
    expect(moved.map((m) => [m.target, m.matchingPriority])).toEqual([
      ['userName', 2],
      ['externalId', 1],
      ['displayName', 0],
      ['active', 0],
    ]);
    expect(find<HTMLButtonElement>('[data-test="mapping-up-userName"]')?.disabled).toBe(false);
  });

  it('switches the mapping type in the dialog, carrying the attribute into an expression and back', async () => {
    useTransport(recordingTransport().transport);
    const { emitted } = mountEditor('wizard');
    await flushPromises();
    await click('[data-test="mapping-edit-displayName"]');
    expect(find('[data-test="mapping-dialog"]')).not.toBeNull();
    await click('[data-test="mapping-type-Expression"] input');
    expect(find<HTMLTextAreaElement>('[data-test="mapping-expression"] textarea')?.value).toBe('[givenName]');
    await click('[data-test="mapping-type-Constant"] input');
    expect(find<HTMLInputElement>('[data-test="mapping-constant"] input')?.value).toBe('');
    await click('[data-test="mapping-type-Direct"] input');
    await click('[data-test="mapping-dialog-ok"]');
    expect(users(emitted.at(-1)!)[2]).toMatchObject({
      target: 'displayName',
      type: 'Direct',
      source: 'givenName',
    });
  });

  it('keeps the dialog open with the problem beside the field when the expression is empty', async () => {
    useTransport(recordingTransport().transport);
    const { emitted } = mountEditor('wizard');
    await flushPromises();
    await click('[data-test="mapping-edit-displayName"]');
    await click('[data-test="mapping-type-Expression"] input');
    const textarea = find<HTMLTextAreaElement>('[data-test="mapping-expression"] textarea')!;
    textarea.value = '';
    textarea.dispatchEvent(new Event('input'));
    await flushPromises();
    await click('[data-test="mapping-dialog-ok"]');
    expect(find('[data-test="mapping-dialog"]')?.textContent).toContain('Write the expression.');
    expect(emitted).toEqual([]);
  });

  it('turns group provisioning off and says what that means', async () => {
    useTransport(recordingTransport().transport);
    const { emitted } = mountEditor('wizard');
    await flushPromises();
    await click('[data-test="object-mapping-enabled-Groups"]');
    expect(emitted.at(-1)?.objectMappings[1]?.enabled).toBe(false);
    expect(find('[data-test="object-mapping-Groups"]')?.textContent).toContain('Group provisioning is off');
  });

  it('on the job page, refuses to save a config without a matching attribute, naming the place', async () => {
    const { transport, calls } = recordingTransport();
    useTransport(transport);
    mountEditor('job');
    await flushPromises();
    for (const target of ['userName', 'externalId']) {
      await click(`[data-test="mapping-edit-${target}"]`);
      await click('[data-test="mapping-matching"]');
      await click('[data-test="mapping-dialog-ok"]');
    }
    await click('[data-test="mapping-save"]');
    const errors = find('[data-test="mapping-errors"]')?.textContent ?? '';
    expect(errors).toContain('objectMappings[0]');
    expect(errors).toContain('Users has no matching attribute');
    expect(find('[data-test="object-mapping-problem-noMatching"]')).not.toBeNull();
    expect(calls.some((c) => c.command === 'jobs.impact')).toBe(false);
  });

  it('on the job page, shows the impact before saving and saves only on confirm', async () => {
    const { transport, calls } = recordingTransport({
      'jobs.update': (input) => {
        const { config } = input as { config: JobConfig };
        return { ok: true, value: { id: 'job-1', config } };
      },
    });
    useTransport(transport);
    mountEditor('job');
    await flushPromises();
    expect(find<HTMLButtonElement>('[data-test="mapping-save"]')?.disabled).toBe(true);
    await click('[data-test="mapping-delete-displayName"]');
    await click('[data-test="mapping-save"]');
    expect(find('[data-test="impact-dialog"]')).not.toBeNull();
    const impact = calls.find((c) => c.command === 'jobs.impact')?.input as {
      jobId: string;
      config: JobConfig;
    };
    expect(impact.jobId).toBe('job-1');
    expect(users(impact.config).map((m) => m.target)).not.toContain('displayName');
    expect(calls.some((c) => c.command === 'jobs.update')).toBe(false);
    await click('[data-test="impact-confirm"]');
    const update = calls.find((c) => c.command === 'jobs.update')?.input as { id: string; config: JobConfig };
    expect(update.id).toBe('job-1');
    expect(users(update.config).map((m) => m.target)).toEqual(['userName', 'externalId', 'active']);
  });

  it('on the job page, keeps a refused save beside the editor with each problem said from its code', async () => {
    const { transport } = recordingTransport({
      'jobs.update': () => ({
        ok: false,
        error: {
          code: 'invalidInput',
          message:
            'The job "HR" has 1 problem(s): settings.onSourceDelete: The target cannot disable accounts.',
          details: {
            issues: [
              {
                path: 'settings.onSourceDelete',
                message: 'The target cannot disable accounts.',
                code: 'targetCannotDisable',
                params: {},
              },
            ],
          },
        },
      }),
    });
    useTransport(transport);
    mountEditor('job');
    await flushPromises();
    await click('[data-test="mapping-delete-displayName"]');
    await click('[data-test="mapping-save"]');
    await click('[data-test="impact-confirm"]');
    const alert = find('[data-test="save-failure"]');
    expect(alert?.textContent).toContain('settings.onSourceDelete');
    expect(alert?.querySelectorAll('li')).toHaveLength(1);
  });

  it('restores the default mappings after a confirmation that says a full cycle follows', async () => {
    const defaults = baseConfig();
    defaults.objectMappings[0]!.attributeMappings = [
      { target: 'userName', type: 'Direct', source: 'mail', apply: 'Always', matchingPriority: 1 },
      {
        target: `${enterprise}:department`,
        type: 'Direct',
        source: 'department',
        apply: 'Always',
        matchingPriority: 0,
      },
    ];
    const { transport, calls } = recordingTransport({
      'jobs.defaults': () => ({ ok: true, value: defaults }),
    });
    useTransport(transport);
    const { emitted } = mountEditor('wizard');
    await flushPromises();
    await click('[data-test="mapping-restore-defaults"]');
    expect(document.body.textContent).toContain('full (initial)');
    const confirm = [...document.body.querySelectorAll<HTMLButtonElement>('.n-dialog button')].find((b) =>
      b.textContent?.includes('Restore defaults'),
    );
    confirm?.click();
    await flushPromises();
    expect(calls.find((c) => c.command === 'jobs.defaults')?.input).toEqual({
      name: 'HR → Sandbox',
      sourceConnection: 'HR',
      targetConnection: 'Sandbox',
    });
    expect(users(emitted.at(-1)!).map((m) => m.target)).toEqual(['userName', `${enterprise}:department`]);
  });

  it('refreshes the attribute list from the app and applies the reviewed diff', async () => {
    const discovered = [
      ...genericScimTargetSchema.filter((a) => a.name !== 'nickName'),
      targetAttribute('User', `${enterprise}:costCenter`, { caseExact: true }),
      targetAttribute('User', 'urn:ietf:params:scim:schemas:extension:slack:2.0:User:pronouns'),
    ];
    const { transport } = recordingTransport({
      'targets.discoverSchema': () => ({
        ok: true,
        value: { supported: true, message: '', attributes: discovered },
      }),
    });
    useTransport(transport);
    const { emitted } = mountEditor('wizard');
    await flushPromises();
    await click('[data-test="mapping-advanced"]');
    expect(find('[data-test="schema-table-User"]')?.textContent).toContain('nickName');
    expect(find('[data-test="schema-delete-blocked-userName"]')?.getAttribute('aria-label')).toContain(
      'written by the Users mapping',
    );
    await click('[data-test="schema-refresh"]');
    expect(find('[data-test="schema-diff-added"]')?.textContent).toContain('pronouns');
    expect(find('[data-test="schema-diff-changed"]')?.textContent).toContain('Case exact');
    expect(find('[data-test="schema-diff-removed"]')?.textContent).toContain('nickName');
    await click('[data-test="schema-diff-apply"]');
    const schema = emitted.at(-1)!.targetSchema;
    expect(schema.some((a) => a.name.endsWith(':pronouns'))).toBe(true);
    expect(schema.some((a) => a.name === 'nickName')).toBe(false);
    expect(schema.find((a) => a.name === `${enterprise}:costCenter`)?.caseExact).toBe(true);
  });
});
