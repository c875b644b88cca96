import type { ProvisioningLogEntry } from '@shared/domain/provisioning';

/**
 * The i18n key of an entry's action. An object that matched and already had every value is logged
 * as "other" with a skipped export (EntrySynchronizationSkipped, as Entra does); the app says what
 * that means — no change — instead of "Other".
 */
export function actionLabelKey(
  entry: Pick<ProvisioningLogEntry, 'provisioningAction' | 'provisioningSteps'>,
): string {
  const unchanged =
    entry.provisioningAction === 'other' &&
    entry.provisioningSteps.some(
      (s) => s.provisioningStepType === 'export' && s.details['reason'] === 'EntrySynchronizationSkipped',
    );
  return unchanged ? 'ux.logNoChange' : `provisioning.actions.${entry.provisioningAction}`;
}
