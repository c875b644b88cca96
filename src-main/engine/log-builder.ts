import type {
  ErrorInformation,
  ModifiedProperty,
  ProvisioningAction,
  ProvisioningLogEntry,
  ProvisioningStatus,
  ProvisioningStep,
  StepType,
} from '@shared/domain/provisioning';
import type { ObjectType } from '@shared/domain/schema';
import type { LogText } from '@shared/domain/log-messages';
import { newLogId } from '../store/log-ids';

const stepNames: Record<StepType, string> = {
  import: 'Import',
  scoping: 'Scope check',
  matching: 'Match',
  processing: 'Evaluate',
  referenceResolution: 'Resolve references',
  export: 'Export',
};

/** Collects one object's steps as the cycle works on it, then becomes its log entry (§14). */
export class LogBuilder {
  private readonly steps: ProvisioningStep[] = [];
  private readonly startedAt = Date.now();
  action: ProvisioningAction = 'other';
  modified: ModifiedProperty[] = [];
  targetId: string | null = null;
  targetDisplayName: string | null = null;
  error: ErrorInformation | undefined;

  constructor(
    readonly identity: { id: string; displayName: string; type: ObjectType },
    private readonly context: {
      jobId: string;
      cycleId: string;
      initiatedBy: { type: 'system' | 'admin'; displayName: string };
    },
    /** Sees each step as it is written (provision on demand streams them live). */
    private readonly onStep?: (step: ProvisioningStep) => void,
  ) {}

  hasStep(type: StepType): boolean {
    return this.steps.some((s) => s.provisioningStepType === type);
  }

  /**
   * Records a step. A `LogText` (from `say()`) keeps its code and parameters beside the English, so
   * the app can show the step in the admin's language; a plain string (a target's own error text)
   * is shown as it is.
   */
  step(
    type: StepType,
    status: ProvisioningStatus,
    description: string | LogText,
    details: Record<string, string> = {},
  ): this {
    const step: ProvisioningStep = {
      name: stepNames[type],
      provisioningStepType: type,
      status,
      description: typeof description === 'string' ? description : description.text,
      details,
      ...(typeof description === 'string'
        ? {}
        : { messageCode: description.code, messageParams: description.params }),
    };
    this.steps.push(step);
    this.onStep?.(step);
    return this;
  }

  fail(
    errorCode: string,
    reason: string | LogText,
    extra: { additionalDetails?: string; category?: string; recommendedAction?: string | LogText } = {},
  ): this {
    this.error = {
      errorCode,
      reason: typeof reason === 'string' ? reason : reason.text,
      ...(typeof reason === 'string' ? {} : { reasonCode: reason.code, reasonParams: reason.params }),
      errorCategory: extra.category ?? 'NonServiceFailure',
      ...(extra.additionalDetails ? { additionalDetails: extra.additionalDetails } : {}),
      ...adviceOf(extra.recommendedAction),
    };
    return this;
  }

  /** The overall status: any failed step fails the entry, unless the export itself succeeded (then warning, §14.3). */
  private status(): ProvisioningStatus {
    const failedSteps = this.steps.filter((s) => s.status === 'failure');
    const exported = this.steps.some((s) => s.provisioningStepType === 'export' && s.status === 'success');
    if (failedSteps.length > 0) return exported ? 'warning' : 'failure';
    if (this.steps.some((s) => s.status === 'warning')) return 'warning';
    if (!exported) return 'skipped';
    return 'success';
  }

  build(at: Date): ProvisioningLogEntry {
    const entry: ProvisioningLogEntry = {
      // Time-ordered ids keep the log's id and change indexes appending (store/log-ids.ts).
      id: newLogId(),
      activityDateTime: at.toISOString(),
      jobId: this.context.jobId,
      cycleId: this.context.cycleId,
      changeId: newLogId(),
      provisioningAction: this.action,
      status: this.status(),
      durationInMilliseconds: Date.now() - this.startedAt,
      initiatedBy: this.context.initiatedBy,
      sourceIdentity: {
        id: this.identity.id,
        displayName: this.identity.displayName,
        identityType: this.identity.type,
      },
      targetIdentity: {
        id: this.targetId,
        displayName: this.targetDisplayName,
        identityType: this.identity.type,
      },
      modifiedProperties: this.modified,
      provisioningSteps: this.steps,
    };
    if (this.error) entry.errorInformation = this.error;
    return entry;
  }
}

/** The advice's English, and its code and parameters when the engine wrote it with `say()`. */
function adviceOf(
  advice: string | LogText | undefined,
): Pick<ErrorInformation, 'recommendedAction' | 'recommendedActionCode' | 'recommendedActionParams'> {
  if (!advice) return {};
  if (typeof advice === 'string') return { recommendedAction: advice };
  return {
    recommendedAction: advice.text,
    recommendedActionCode: advice.code,
    recommendedActionParams: advice.params,
  };
}

/** Watches the log steps of every object of a cycle as they are written. */
export type CycleStepObserver = (
  object: { anchor: string; displayName: string; type: ObjectType },
  step: ProvisioningStep,
) => void;

/** A log builder for one object of a cycle: the cycle context supplies job, cycle and initiator. */
export function logFor(
  cycle: {
    job: { id: string };
    cycleId: string;
    initiatedBy: { type: 'system' | 'admin'; displayName: string };
    observeStep?: CycleStepObserver;
  },
  object: { anchor: string; displayName: string; type: ObjectType },
): LogBuilder {
  const observe = cycle.observeStep;
  return new LogBuilder(
    { id: object.anchor, displayName: object.displayName, type: object.type },
    { jobId: cycle.job.id, cycleId: cycle.cycleId, initiatedBy: cycle.initiatedBy },
    observe ? (step) => observe(object, step) : undefined,
  );
}
