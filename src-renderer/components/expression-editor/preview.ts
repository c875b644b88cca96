import {
  evaluateExpressionSync,
  ExpressionError,
  probeFromExistingValues,
  toJsonResult,
  validateExpression,
  type ValidationOptions,
} from '@shared/expressions';
import type { DiagnosticDetail } from '@shared/expressions/diagnostics';
import { expressionErrorDetail } from '@shared/domain/mapping-failure';
import { locateMessage, type LocatedMessage } from './located-message';

/** What the live preview shows under the editor. */
export type PreviewState =
  | { readonly status: 'empty' }
  | { readonly status: 'noSample' }
  /** The expression has errors; the editor shows them, so the preview only says so. */
  | { readonly status: 'invalid' }
  | {
      readonly status: 'value';
      readonly json: string;
      readonly warnings: readonly string[];
      /** The warnings as codes, in order, so the preview says them in the admin's language. */
      readonly warningDetails?: readonly DiagnosticDetail[];
    }
  | {
      readonly status: 'dropped';
      readonly warnings: readonly string[];
      readonly warningDetails?: readonly DiagnosticDetail[];
    }
  /** `detail` is the error's words as a code (`expr.<code>`), so the preview says them in the admin's language. */
  | { readonly status: 'error'; readonly error: LocatedMessage; readonly detail?: DiagnosticDetail };

export interface PreviewInput {
  readonly expression: string;
  readonly sample: Readonly<Record<string, unknown>> | null;
  /** Values the target already holds, for SelectUniqueValue. */
  readonly targetExisting?: readonly string[];
  readonly validation?: ValidationOptions;
  readonly now?: Date;
}

/** The states known without evaluating (cheap, so shown at once); null when evaluation must decide. */
export function previewWithoutEvaluating(input: PreviewInput): PreviewState | null {
  if (input.expression.trim() === '') return { status: 'empty' };
  if (input.sample === null) return { status: 'noSample' };
  if (validateExpression(input.expression, input.validation).some((d) => d.severity === 'error'))
    return { status: 'invalid' };
  return null;
}

/** Evaluates the expression against the sample, as a mapping would for one object. Pure apart from Now/Guid. */
export function computePreview(input: PreviewInput): PreviewState {
  const settled = previewWithoutEvaluating(input);
  if (settled) return settled;
  const sample = input.sample ?? {};
  try {
    const result = evaluateExpressionSync(input.expression, {
      source: sample,
      isTaken: probeFromExistingValues(input.targetExisting ?? []),
      ...(input.now ? { now: input.now } : {}),
    });
    const details =
      result.warnings.length > 0 && result.warningDetails ? { warningDetails: result.warningDetails } : {};
    if (result.dropped) return { status: 'dropped', warnings: result.warnings, ...details };
    return {
      status: 'value',
      json: JSON.stringify(toJsonResult(result)),
      warnings: result.warnings,
      ...details,
    };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    const detail = expressionErrorDetail(error);
    return { status: 'error', error: locateMessage(error.message), ...(detail ? { detail } : {}) };
  }
}
