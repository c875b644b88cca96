import type { AccountAction, AccountRow } from '@shared/domain/accounts';

/** Why an action does not suit an account (locales `accounts.cannot.<key>`); null when it does. */
export type CannotKey =
  | 'adoptLinked'
  | 'adoptNoSource'
  | 'adoptSeveral'
  | 'adoptOutOfScope'
  | 'adoptElsewhere'
  | 'disableLinked'
  | 'disableGroup'
  | 'disableTarget'
  | 'leaveLinked';

/**
 * The page's own reading of the report, so a button that cannot succeed is disabled with its reason
 * beside it. The app checks everything again when the action runs (the report may be old).
 */
export function whyNot(action: AccountAction, row: AccountRow): CannotKey | null {
  const linked = row.accountClass === 'linked';
  switch (action) {
    case 'adopt':
      if (linked) return 'adoptLinked';
      if (row.note === 'sourceLinkedElsewhere') return 'adoptElsewhere';
      if (row.accountClass === 'unmanaged') return 'adoptNoSource';
      if (row.note === 'severalSources') return 'adoptSeveral';
      if (row.accountClass === 'outOfScopeMatch') return 'adoptOutOfScope';
      return null;
    case 'disable':
      if (linked) return 'disableLinked';
      if (row.objectType === 'Group') return 'disableGroup';
      // A target that can disable reports `active` for every user it lists.
      if (row.active === null) return 'disableTarget';
      return null;
    case 'leave':
      return linked ? 'leaveLinked' : null;
  }
}

/** The accounts of a selection an action suits (the rest are refused by the app anyway). */
export function suitable(action: AccountAction, rows: readonly AccountRow[]): AccountRow[] {
  return rows.filter((row) => whyNot(action, row) === null);
}
