import type { PlanItem, ProvisioningStatus, Situation } from '@shared/domain/provisioning';

export type TagType = 'default' | 'info' | 'success' | 'warning' | 'error';

/** Colours of the §4 vocabulary, the same on every page. */
export function situationTagType(situation: Situation): TagType {
  switch (situation) {
    case 'linked':
      return 'success';
    case 'unlinked':
      return 'info';
    case 'unmatched':
      return 'default';
    case 'disputed':
      return 'error';
    case 'deleted':
    case 'outOfScope':
      return 'warning';
  }
}

export function actionTagType(action: PlanItem['action']): TagType {
  switch (action) {
    case 'create':
    case 'enable':
      return 'success';
    case 'update':
    case 'addMembers':
    case 'removeMembers':
      return 'info';
    case 'disable':
    case 'stagedDelete':
      return 'warning';
    case 'delete':
      return 'error';
    default:
      return 'default';
  }
}

export function statusTagType(status: ProvisioningStatus): TagType {
  switch (status) {
    case 'success':
      return 'success';
    case 'warning':
      return 'warning';
    case 'failure':
      return 'error';
    case 'skipped':
      return 'default';
  }
}
