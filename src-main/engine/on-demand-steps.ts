import type { ConnectionTestResult } from '@shared/domain/connection-test';
import type {
  MatchQuery,
  OnDemandError,
  OnDemandLine,
  OnDemandObjectRef,
  OnDemandStep,
  OnDemandStepDetail,
  OnDemandStepStatus,
  ScopeClauseLine,
} from '@shared/domain/on-demand';
import {
  actionCodeOf,
  adviceCodeFor,
  onDemandActionTexts,
  onDemandMessageTemplates,
} from '@shared/domain/on-demand-messages';
import type { ProvisioningLogEntry, ProvisioningStep } from '@shared/domain/provisioning';
import type { ScopingExplanation } from '@shared/scoping/index';
import type { SourceObject } from '../connectors/connector';
import type { Lease } from '../store/leases-repo';
import type { ScopeVerdict } from './scope';

/**
 * The steps of a provision-on-demand run (§13), built from what the engine's own pieces produced:
 * the source object read, the scope verdict and its clause outcomes, the queries the target was
 * sent, and the provisioning-log entry the object's action wrote. Each builder returns one step; the
 * stream gives it its number and time and sends it on at once.
 */
export type StepDraft = Omit<OnDemandStep, 'runId' | 'jobId' | 'seq' | 'at'>;

export class StepStream {
  readonly steps: OnDemandStep[] = [];

  constructor(
    private readonly ids: { runId: string; jobId: string },
    private readonly clock: () => Date,
    private readonly onStep: (step: OnDemandStep) => void,
  ) {}

  add(draft: StepDraft): OnDemandStep {
    const step: OnDemandStep = {
      ...this.ids,
      seq: this.steps.length + 1,
      at: this.clock().toISOString(),
      ...draft,
    };
    this.steps.push(step);
    this.onStep(step);
    return step;
  }
}

export function refOf(object: Pick<SourceObject, 'type' | 'anchor' | 'displayName'>): OnDemandObjectRef {
  return { type: object.type, anchor: object.anchor, displayName: object.displayName };
}

/** A value as a line of text: the CLI and the UI show source and target values alike. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

export function waitStep(holder: Lease, until: Date): StepDraft {
  const who = `${holder.label} (process ${holder.pid} on host ${holder.host})`;
  return {
    object: null,
    status: 'waiting',
    summary: `Waiting for ${who}, which runs this job since ${holder.acquiredAt}; gives up at ${until.toISOString()}`,
    detail: {
      kind: 'wait',
      holder: who,
      since: holder.acquiredAt,
      cycleId: holder.cycleId,
      until: until.toISOString(),
    },
  };
}

export function connectionStep(
  target: string,
  result: Pick<ConnectionTestResult, 'summary' | 'summaryCode' | 'summaryParams'>,
  error: OnDemandError,
): StepDraft {
  const { summary, summaryCode, summaryParams } = result;
  return {
    object: null,
    status: 'failure',
    summary: `Test connection to ${target} failed: ${summary}`,
    detail: {
      kind: 'connection',
      target,
      summary,
      ...(summaryCode ? { summaryCode, summaryParams: summaryParams ?? {} } : {}),
    },
    error,
  };
}

export function importStep(
  object: SourceObject,
  source: string,
  matchingValues: { attribute: string; value: string }[],
  importSkipped: boolean,
): StepDraft {
  const attributes = Object.entries(object.attributes)
    .filter(([, value]) => value !== null && value !== '')
    .map(([name, value]) => ({ name, value: shown(value) }));
  const draft: StepDraft = {
    object: refOf(object),
    status: importSkipped ? 'failure' : 'success',
    summary: importSkipped
      ? `Read ${object.displayName} from ${source}, but every matching attribute is empty`
      : `Read ${object.displayName} (${object.anchor}) from ${source}: ${attributes.length} attribute(s)`,
    detail: { kind: 'import', source, origin: object.origin ?? null, attributes, matchingValues },
  };
  if (importSkipped)
    draft.error = {
      code: 'ImportSkipped',
      message: onDemandMessageTemplates.importSkipped,
      messageCode: 'importSkipped',
      messageParams: {},
      recommendedAction: onDemandActionTexts.importSkipped,
      actionCode: 'importSkipped',
    };
  return draft;
}

export function clauseLines(explanation: ScopingExplanation): ScopeClauseLine[] {
  return explanation.filters.flatMap((filter) =>
    filter.clauses.map((c) => ({
      filter: filter.title || `Filter ${filter.index + 1}`,
      attribute: c.attribute,
      operator: c.operator,
      value: c.value ?? '',
      actual: c.actual === undefined ? '(absent)' : shown(c.actual),
      result: c.result,
      ...(c.reason ? { reason: c.reason } : {}),
    })),
  );
}

export function scopeStep(
  object: SourceObject,
  verdict: ScopeVerdict,
  assignment: 'scopeAll' | 'assigned' | 'notAssigned',
  clauses: ScopeClauseLine[],
): StepDraft {
  return {
    object: refOf(object),
    status: verdict.inScope ? 'success' : 'skipped',
    summary: `${verdict.inScope ? 'In scope' : 'Out of scope'}: ${verdict.detail}`,
    detail: {
      kind: 'scope',
      inScope: verdict.inScope,
      reason: verdict.reason,
      activeInSource: !object.disabled && !object.softDeleted,
      assignment,
      clauses,
      summary: verdict.detail,
      ...(verdict.message ? { message: { code: verdict.message.code, params: verdict.message.params } } : {}),
    },
  };
}

/** The Match step, from the engine's matching log step and the queries the target was sent. */
export function matchStep(
  object: OnDemandObjectRef,
  step: ProvisioningStep,
  queries: MatchQuery[],
  linkedTo: string | null,
): StepDraft {
  const last = queries.at(-1);
  const outcome: Extract<OnDemandStepDetail, { kind: 'match' }>['outcome'] = linkedTo
    ? 'linked'
    : !last
      ? step.status === 'skipped'
        ? 'noValue'
        : 'none'
      : last.found.length === 1
        ? 'matched'
        : last.found.length > 1
          ? 'disputed'
          : 'none';
  const targetId = linkedTo ?? (outcome === 'matched' ? (last?.found[0]?.id ?? null) : null);
  return {
    object,
    status: step.status,
    summary: step.description,
    detail: {
      kind: 'match',
      outcome,
      targetId,
      queries,
      description: step.description,
      ...(step.messageCode ? { message: { code: step.messageCode, params: step.messageParams ?? {} } } : {}),
    },
  };
}

const engineLines = (steps: readonly ProvisioningStep[]): OnDemandLine[] =>
  steps.map((s) => ({
    step: s.name,
    type: s.provisioningStepType,
    status: s.status,
    description: s.description,
    ...(s.messageCode ? { messageCode: s.messageCode, messageParams: s.messageParams ?? {} } : {}),
    ...(Object.keys(s.details).length > 0 ? { details: s.details } : {}),
  }));

/** The Perform action step, from the log entry the object's action wrote. */
export function actionStep(object: OnDemandObjectRef, entry: ProvisioningLogEntry): StepDraft {
  const action = actionOf(entry);
  const attributes = entry.modifiedProperties;
  const target = entry.targetIdentity.id;
  const sent = attributes.length ? `: ${attributes.map((a) => a.displayName).join(', ')}` : '';
  const draft: StepDraft = {
    object,
    status: entry.status,
    summary:
      entry.status === 'failure'
        ? `${action} failed: ${entry.errorInformation?.reason ?? 'see the log entry'}`
        : action === 'skip'
          ? `skip: ${skipReason(entry)}`
          : `${action}${target ? ` (target object ${target})` : ''}${sent}`,
    detail: {
      kind: 'action',
      action,
      targetId: target,
      attributes,
      lines: engineLines(
        entry.provisioningSteps.filter((s) => !['import', 'scoping'].includes(s.provisioningStepType)),
      ),
      logEntryId: entry.id,
    },
  };
  const error = errorOf(entry);
  if (error) draft.error = error;
  return draft;
}

/** An action the engine decided without writing a log entry (a skip it does not log, a hold-back). */
export function decidedStep(
  object: OnDemandObjectRef,
  action: 'skip' | 'disable' | 'delete',
  status: OnDemandStepStatus,
  why: string,
  error?: OnDemandError,
): StepDraft {
  return {
    object,
    status,
    summary: `${action}: ${why}`,
    detail: { kind: 'action', action, targetId: null, attributes: [], lines: [], logEntryId: null },
    ...(error ? { error } : {}),
  };
}

/** Manager references and group memberships sent after the object itself (§7). */
export function referencesStep(
  object: OnDemandObjectRef,
  entries: readonly ProvisioningLogEntry[],
): StepDraft {
  const lines = engineLines(entries.flatMap((e) => e.provisioningSteps));
  const failed = entries.find((e) => e.status === 'failure' || e.status === 'warning');
  const draft: StepDraft = {
    object,
    status: failed ? 'failure' : 'success',
    summary: lines.map((l) => l.description).join('; '),
    detail: { kind: 'references', lines, logEntryIds: entries.map((e) => e.id) },
  };
  const error = failed ? errorOf(failed) : undefined;
  if (error) draft.error = error;
  return draft;
}

function actionOf(entry: ProvisioningLogEntry): Extract<OnDemandStepDetail, { kind: 'action' }>['action'] {
  if (entry.status === 'skipped') return 'skip';
  switch (entry.provisioningAction) {
    case 'create':
    case 'update':
    case 'enable':
    case 'disable':
    case 'delete':
      return entry.provisioningAction;
    case 'stagedDelete':
      return 'skip';
    case 'other':
      return entry.targetIdentity.id ? 'link' : 'skip';
  }
}

function skipReason(entry: ProvisioningLogEntry): string {
  const last = entry.provisioningSteps.at(-1);
  return entry.errorInformation?.reason ?? last?.description ?? 'nothing to do';
}

/** What the admin should do about a failure: the engine's own advice, or advice by kind of error. */
export function errorOf(entry: ProvisioningLogEntry): OnDemandError | undefined {
  const info = entry.errorInformation;
  if (!info) return undefined;
  return {
    code: info.errorCode,
    message: info.reason,
    ...(info.reasonCode ? { reasonCode: info.reasonCode, reasonParams: info.reasonParams ?? {} } : {}),
    ...adviceOf(info.errorCode, info.recommendedAction),
    ...(info.recommendedActionCode
      ? {
          recommendedActionCode: info.recommendedActionCode,
          recommendedActionParams: info.recommendedActionParams ?? {},
        }
      : {}),
    ...(info.additionalDetails ? { additionalDetails: info.additionalDetails } : {}),
  };
}

/** The entry's own advice (with its code when it is one of ours), or the advice by kind of error. */
function adviceOf(
  errorCode: string,
  written: string | undefined,
): Pick<OnDemandError, 'recommendedAction' | 'actionCode'> {
  const actionCode = written === undefined ? adviceCodeFor(errorCode) : actionCodeOf(written);
  return { recommendedAction: written ?? adviceFor(errorCode), ...(actionCode ? { actionCode } : {}) };
}

/** The advice by an error's code, in English (its code: `adviceCodeFor`). */
export function adviceFor(code: string): string {
  return onDemandActionTexts[adviceCodeFor(code)];
}
