import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '@shared/domain/connections';
import { jobConfigSchema, type JobConfig } from '@shared/domain/jobs';
import {
  configKey,
  firstIncompleteStep,
  fromDraft,
  newWizardState,
  stampFor,
  toDraft,
  validateStep,
  withObjectMappingEnabled,
  type WizardContext,
  type WizardState,
} from '../../../src-renderer/views/jobs/wizard/wizard-model';

function connection(
  name: string,
  kind: ConnectionView['kind'],
  updatedAt = '2026-01-01T00:00:00Z',
): ConnectionView {
  return { id: `id-${name}`, name, kind, settings: {}, secrets: {}, createdAt: updatedAt, updatedAt };
}

const hr = connection('HR file', 'csv');
const slack = connection('Slack', 'scim');
const context: WizardContext = { connections: [hr, slack], jobs: [] };

function config(overrides: Partial<JobConfig> = {}): JobConfig {
  return jobConfigSchema.parse({
    name: 'HR file → Slack',
    sourceConnection: 'HR file',
    targetConnection: 'Slack',
    settings: { scope: 'all' },
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
      {
        name: 'Groups',
        sourceObject: 'Group',
        targetObject: 'Group',
        attributeMappings: [
          { target: 'displayName', type: 'Direct', source: 'displayName', matchingPriority: 1 },
        ],
      },
    ],
    ...overrides,
  });
}

/** A wizard that has chosen and tested both connections and holds the defaults. */
function ready(): WizardState {
  return {
    ...newWizardState(),
    source: 'HR file',
    target: 'Slack',
    sourceTest: stampFor(hr),
    targetTest: stampFor(slack),
    config: config(),
    configPair: 'HR file\u0000Slack',
  };
}

function codes(state: WizardState, step: Parameters<typeof validateStep>[0], ctx = context): string[] {
  return validateStep(step, state, ctx).map((p) => `${p.field}:${p.code}`);
}

describe('the new-job wizard', () => {
  it('asks for a source, then for a passed test, before leaving step 1', () => {
    const state = newWizardState();
    expect(codes(state, 'source')).toEqual(['source:pickSource']);
    state.source = 'HR file';
    expect(codes(state, 'source')).toEqual(['sourceTest:testFirst']);
    state.sourceTest = stampFor(hr);
    expect(codes(state, 'source')).toEqual([]);
  });

  it('asks to test again when the connection was edited after its test passed', () => {
    const state = ready();
    const edited = { ...context, connections: [connection('HR file', 'csv', '2026-02-01T00:00:00Z'), slack] };
    expect(codes(state, 'source', edited)).toEqual(['sourceTest:testAgain']);
  });

  it('refuses a SCIM app as the source and the source itself as the target', () => {
    const state = ready();
    state.source = 'Slack';
    expect(codes(state, 'source')).toEqual(['source:notASource']);
    state.source = 'HR file';
    state.target = 'HR file';
    expect(codes(state, 'target')).toEqual(['target:notATarget']);
  });

  it('names a connection that was deleted since it was chosen', () => {
    const state = ready();
    expect(codes(state, 'target', { ...context, connections: [hr] })).toEqual(['target:connectionGone']);
  });

  it('needs a unique job name, something to provision and, when assigned, someone assigned', () => {
    const state = ready();
    expect(codes(state, 'provision')).toEqual([]);
    state.config = { ...config(), name: '  ' };
    expect(codes(state, 'provision')).toEqual(['name:nameRequired']);
    state.config = config();
    const taken = { ...context, jobs: [{ id: 'j1', name: 'hr FILE → slack' }] };
    expect(codes(state, 'provision', taken)).toEqual(['name:nameTaken']);
    // The wizard's own dry-run job holds the name: that is no clash.
    state.preview = { jobId: 'j1', configKey: '', cycleId: null };
    expect(codes(state, 'provision', taken)).toEqual([]);

    state.config = withObjectMappingEnabled(
      withObjectMappingEnabled(config(), 'User', false),
      'Group',
      false,
    );
    expect(codes(state, 'provision')).toEqual(['objects:nothingToProvision']);

    state.config = { ...config(), settings: { ...config().settings, scope: 'assigned' } };
    expect(codes(state, 'provision')).toEqual(['assignments:assignSomeone']);
    state.config = { ...state.config, assignments: { users: [], groups: ['Engineering'] } };
    expect(codes(state, 'provision')).toEqual([]);
  });

  it('needs a matching attribute in every mapping that is on', () => {
    const state = ready();
    const base = config();
    const users = base.objectMappings[0]!;
    state.config = {
      ...base,
      objectMappings: [
        { ...users, attributeMappings: users.attributeMappings.map((a) => ({ ...a, matchingPriority: 0 })) },
        base.objectMappings[1]!,
      ],
    };
    expect(codes(state, 'mappings')).toEqual(['mappings.0:noMatching']);
    state.config = withObjectMappingEnabled(state.config, 'User', false);
    expect(codes(state, 'mappings')).toEqual([]);
  });

  it('points at the setting the job schema refuses, by its path', () => {
    const state = ready();
    state.config = { ...config(), settings: { ...config().settings, intervalMinutes: 0 } };
    const problems = validateStep('settings', state, context);
    expect(problems).toEqual([
      expect.objectContaining({ field: 'config.settings.intervalMinutes', code: 'invalidConfig' }),
    ]);
    // The schema's own problem keeps its code, so the wizard says it in the admin's language.
    const [problem] = problems;
    expect(problem?.fieldProblem?.code).not.toBe('otherProblem');
    expect(problem?.fieldProblem?.message).toBe(problem?.params?.['message']);
  });

  it('creates only after a dry run of exactly this configuration', () => {
    const state = ready();
    expect(codes(state, 'review')).toEqual(['dryRun:dryRunFirst']);
    state.preview = { jobId: 'j1', configKey: configKey(state.config!), cycleId: 'c1' };
    expect(codes(state, 'review')).toEqual([]);
    state.config = { ...state.config!, name: 'Renamed' };
    expect(codes(state, 'review')).toEqual(['dryRun:dryRunFirst']);
  });

  it('keeps everything in the draft and resumes it', () => {
    const state = { ...ready(), step: 4, assignmentLabels: { E1001: '송하은 (E1001)' } };
    const draft = toDraft(state);
    expect(JSON.parse(JSON.stringify(draft))).toEqual(draft);
    expect(fromDraft({ ...draft, savedAt: '2026-01-01T00:00:00Z' })).toEqual(state);
  });

  it('ignores a draft it did not write, and drops a configuration the job schema refuses', () => {
    expect(fromDraft({ step: 2, data: { hello: 'world' } })).toBeNull();
    const draft = toDraft(ready());
    const restored = fromDraft({
      ...draft,
      data: { ...draft.data, config: { name: 'x', maxConcurency: 3 } },
    });
    expect(restored?.config).toBeNull();
    expect(restored?.configPair).toBeNull();
    expect(restored?.source).toBe('HR file');
  });

  it('sends a resumed draft back to the first step that is no longer complete', () => {
    const state = { ...ready(), step: 5 };
    expect(firstIncompleteStep(state, context, state.step)).toBe(5);
    const edited = { ...context, connections: [hr, connection('Slack', 'scim', '2026-03-01T00:00:00Z')] };
    expect(firstIncompleteStep(state, edited, state.step)).toBe(1);
  });
});
