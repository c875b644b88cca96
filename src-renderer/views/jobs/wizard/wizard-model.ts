import { z } from 'zod';
import type { ConnectionKind, ConnectionView } from '@shared/domain/connections';
import { jobConfigSchema, type JobConfig, type ObjectMapping } from '@shared/domain/jobs';
import type { JobDraft } from '@shared/domain/job-editing';
import type { ObjectType } from '@shared/domain/schema';
import { fieldProblemOf, type FieldProblem } from '@shared/domain/validation-issue-codes';

/**
 * The new-job wizard's state and rules, without Vue: what each step needs before Next, how the state
 * is kept in the draft, and how "what to provision" changes the job configuration.
 */

export const wizardSteps = [
  'source',
  'target',
  'provision',
  'mappings',
  'filters',
  'settings',
  'review',
] as const;
export type WizardStep = (typeof wizardSteps)[number];

export const sourceKinds: readonly ConnectionKind[] = ['csv', 'ldap'];
export const targetKinds: readonly ConnectionKind[] = ['scim', 'ldap'];

/** A passed "Test connection", valid while the connection is unchanged since (its updatedAt). */
export interface TestStamp {
  connection: string;
  updatedAt: string;
}

/**
 * The job the review dry-runs (see use-preview-job.ts): its id, the configuration it holds, and the
 * dry run of that configuration once one finished.
 */
export interface PreviewJob {
  jobId: string;
  configKey: string;
  cycleId: string | null;
}

export interface WizardState {
  step: number;
  source: string | null;
  target: string | null;
  sourceTest: TestStamp | null;
  targetTest: TestStamp | null;
  /** Built from jobs.defaults once both connections passed; edited by steps 3–6. */
  config: JobConfig | null;
  /** The source → target pair `config` was made for: another pair needs new defaults. */
  configPair: string | null;
  /** Display names of assigned anchors, so the picker shows names after a resume. */
  assignmentLabels: Record<string, string>;
  preview: PreviewJob | null;
}

export function newWizardState(): WizardState {
  return {
    step: 0,
    source: null,
    target: null,
    sourceTest: null,
    targetTest: null,
    config: null,
    configPair: null,
    assignmentLabels: {},
    preview: null,
  };
}

/** A problem shown beside one field: a locale key under `wizard.problems` and its parameters. */
export interface WizardProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
  /** For a problem the job schema found: its own code, so the message is said in the admin's language. */
  fieldProblem?: FieldProblem;
}

export interface WizardContext {
  connections: readonly ConnectionView[];
  /** Names of the jobs that exist, with their ids (the preview job may hold the wizard's name). */
  jobs: readonly { id: string; name: string }[];
}

export function pairKey(source: string, target: string): string {
  return `${source}\u0000${target}`;
}

/** Stable text of a configuration: equal keys mean the dry run shown is the dry run of this config. */
export function configKey(config: JobConfig): string {
  return JSON.stringify(config);
}

export function stampFor(connection: ConnectionView): TestStamp {
  return { connection: connection.name, updatedAt: connection.updatedAt };
}

/** True when the connection passed its test and has not been edited since. */
export function testStillValid(stamp: TestStamp | null, connection: ConnectionView | undefined): boolean {
  return (
    stamp !== null &&
    connection !== undefined &&
    stamp.connection === connection.name &&
    stamp.updatedAt === connection.updatedAt
  );
}

function byName(ctx: WizardContext, name: string | null): ConnectionView | undefined {
  return name === null ? undefined : ctx.connections.find((c) => c.name === name);
}

export function objectMappingFor(config: JobConfig, type: ObjectType): ObjectMapping | undefined {
  return config.objectMappings.find((m) => m.sourceObject === type);
}

/** Turns the Users or Groups object mapping on or off (a job without it leaves those objects alone). */
export function withObjectMappingEnabled(config: JobConfig, type: ObjectType, enabled: boolean): JobConfig {
  return {
    ...config,
    objectMappings: config.objectMappings.map((m) => (m.sourceObject === type ? { ...m, enabled } : m)),
  };
}

/** The issues jobConfigSchema finds, as problems under `config.<path>`. */
function configIssues(config: JobConfig, under: (path: string) => boolean): WizardProblem[] {
  const parsed = jobConfigSchema.safeParse(config);
  if (parsed.success) return [];
  return parsed.error.issues
    .map((issue) => ({ path: issue.path.map(String).join('.'), problem: fieldProblemOf(issue) }))
    .filter((issue) => under(issue.path))
    .map((issue) => ({
      field: `config.${issue.path}`,
      code: 'invalidConfig',
      params: { path: issue.path || '(job)', message: issue.problem.message },
      fieldProblem: issue.problem,
    }));
}

function checkConnection(
  role: 'source' | 'target',
  state: WizardState,
  ctx: WizardContext,
  kinds: readonly ConnectionKind[],
): WizardProblem[] {
  const name = role === 'source' ? state.source : state.target;
  const stamp = role === 'source' ? state.sourceTest : state.targetTest;
  if (name === null) return [{ field: role, code: role === 'source' ? 'pickSource' : 'pickTarget' }];
  const connection = byName(ctx, name);
  if (!connection) return [{ field: role, code: 'connectionGone', params: { name } }];
  if (!kinds.includes(connection.kind))
    return [{ field: role, code: role === 'source' ? 'notASource' : 'notATarget', params: { name } }];
  if (role === 'target' && name === state.source) return [{ field: role, code: 'sameAsSource' }];
  if (!testStillValid(stamp, connection)) {
    const edited = stamp !== null && stamp.connection === name;
    return [{ field: `${role}Test`, code: edited ? 'testAgain' : 'testFirst' }];
  }
  return [];
}

function checkProvision(state: WizardState, ctx: WizardContext): WizardProblem[] {
  const config = state.config;
  if (!config) return [{ field: 'target', code: 'noDefaults' }];
  const problems: WizardProblem[] = [];
  const name = config.name.trim();
  if (name === '') problems.push({ field: 'name', code: 'nameRequired' });
  else if (name.length > 100) problems.push({ field: 'name', code: 'nameTooLong' });
  else {
    const clash = ctx.jobs.find(
      (job) => job.name.toLowerCase() === name.toLowerCase() && job.id !== state.preview?.jobId,
    );
    if (clash) problems.push({ field: 'name', code: 'nameTaken', params: { name: clash.name } });
  }
  if (!config.objectMappings.some((m) => m.enabled))
    problems.push({ field: 'objects', code: 'nothingToProvision' });
  if (
    config.settings.scope === 'assigned' &&
    config.assignments.users.length === 0 &&
    config.assignments.groups.length === 0
  )
    problems.push({ field: 'assignments', code: 'assignSomeone' });
  return problems;
}

function checkMappings(config: JobConfig): WizardProblem[] {
  const problems: WizardProblem[] = [];
  config.objectMappings.forEach((mapping, index) => {
    if (!mapping.enabled) return;
    if (mapping.attributeMappings.length === 0)
      problems.push({ field: `mappings.${index}`, code: 'noAttributes', params: { mapping: mapping.name } });
    else if (!mapping.attributeMappings.some((a) => a.matchingPriority > 0))
      problems.push({ field: `mappings.${index}`, code: 'noMatching', params: { mapping: mapping.name } });
  });
  return [
    ...problems,
    ...configIssues(config, (path) => path.startsWith('objectMappings') && !path.includes('.scope')),
  ];
}

/** What keeps the admin on `step`; an empty list lets Next through. */
export function validateStep(step: WizardStep, state: WizardState, ctx: WizardContext): WizardProblem[] {
  switch (step) {
    case 'source':
      return checkConnection('source', state, ctx, sourceKinds);
    case 'target':
      return checkConnection('target', state, ctx, targetKinds);
    case 'provision':
      return checkProvision(state, ctx);
    case 'mappings':
      return state.config ? checkMappings(state.config) : [{ field: 'target', code: 'noDefaults' }];
    case 'filters':
      return state.config
        ? configIssues(state.config, (path) => path.includes('.scope'))
        : [{ field: 'target', code: 'noDefaults' }];
    case 'settings':
      return state.config
        ? configIssues(state.config, (path) => path.startsWith('settings') || path.startsWith('assignments'))
        : [{ field: 'target', code: 'noDefaults' }];
    case 'review': {
      if (!state.config) return [{ field: 'target', code: 'noDefaults' }];
      const ready =
        state.preview !== null &&
        state.preview.cycleId !== null &&
        state.preview.configKey === configKey(state.config);
      return ready ? [] : [{ field: 'dryRun', code: 'dryRunFirst' }];
    }
  }
}

/** The first step (up to `upTo`) that is not complete: resuming a draft never skips a check. */
export function firstIncompleteStep(state: WizardState, ctx: WizardContext, upTo: number): number {
  for (let index = 0; index < upTo; index++) {
    const step = wizardSteps[index];
    if (step && validateStep(step, state, ctx).length > 0) return index;
  }
  return upTo;
}

const draftDataSchema = z.object({
  version: z.literal(1),
  source: z.string().nullable(),
  target: z.string().nullable(),
  sourceTest: z.object({ connection: z.string(), updatedAt: z.string() }).nullable(),
  targetTest: z.object({ connection: z.string(), updatedAt: z.string() }).nullable(),
  config: z.unknown(),
  configPair: z.string().nullable(),
  assignmentLabels: z.record(z.string(), z.string()).default({}),
  preview: z.object({ jobId: z.string(), configKey: z.string(), cycleId: z.string().nullable() }).nullable(),
});

/** What the draft stores: everything typed so far (never a secret: the connection form keeps those). */
export function toDraft(state: WizardState): { step: number; data: Record<string, unknown> } {
  return {
    step: state.step,
    data: {
      version: 1,
      source: state.source,
      target: state.target,
      sourceTest: state.sourceTest,
      targetTest: state.targetTest,
      config: state.config,
      configPair: state.configPair,
      assignmentLabels: state.assignmentLabels,
      preview: state.preview,
    },
  };
}

/**
 * The state a stored draft describes, or null when it is not one this wizard wrote. A configuration
 * that no longer passes the job schema (written by an older Roster) is dropped, and the wizard
 * rebuilds it from the defaults.
 */
export function fromDraft(draft: JobDraft): WizardState | null {
  const parsed = draftDataSchema.safeParse(draft.data);
  if (!parsed.success) return null;
  const data = parsed.data;
  const config = jobConfigSchema.safeParse(data.config);
  const step = Math.min(Math.max(draft.step, 0), wizardSteps.length - 1);
  return {
    step,
    source: data.source,
    target: data.target,
    sourceTest: data.sourceTest,
    targetTest: data.targetTest,
    config: config.success ? config.data : null,
    configPair: config.success ? data.configPair : null,
    assignmentLabels: data.assignmentLabels,
    preview: data.preview,
  };
}

/** True when nothing was chosen yet: such a state is not worth a draft. */
export function isBlank(state: WizardState): boolean {
  return state.source === null && state.target === null && state.config === null;
}

/** The name the job gets until the admin types one. */
export function suggestedJobName(source: string, target: string): string {
  return `${source} → ${target}`.slice(0, 100);
}
