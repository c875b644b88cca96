/** English messages of the job page's "Waiting for retry" list (merged into en.ts as `escrow`). */
export const enEscrow = {
  tab: 'Waiting for retry',
  tabCount: 'Waiting for retry ({count})',
  intro:
    'Objects whose last action failed. Roster retries them by itself: temporary failures in every cycle, others in the next cycle, then after 6, 12 and 24 hours, then daily for up to 28 days. A change in the source retries an object at once.',
  empty: 'Nothing is waiting for a retry: every object’s last action succeeded.',
  count: 'No objects | 1 object | {count} objects',
  tableLabel: 'Objects waiting for a retry',
  columns: {
    object: 'Object',
    failure: 'Failure',
    error: 'Error',
    attempts: 'Attempts',
    failures: 'First and last failure',
    nextRetry: 'Next retry',
    actions: 'Actions',
  },
  failure: {
    own: 'Own write',
    reference: 'Manager or membership',
    ownHelp: 'The object’s own create or update failed.',
    referenceHelp: 'The object was written; its manager or a group membership failed.',
  },
  errorClasses: {
    transient: 'Temporary',
    permanent: 'Refused',
    credential: 'Credentials',
  },
  next: {
    nextCycle: 'next cycle',
    never: 'no more automatic retries (28 days)',
    requested: 'retry requested',
  },
  first: 'First {when}',
  last: 'Last {when}',
  retry: 'Retry in next cycle',
  retryLabel: 'Retry {name} in the next cycle',
  retryDone: '{name} is retried in the next cycle.',
  drop: 'Drop',
  dropLabel: 'Drop {name} from the retry list',
  dropTitle: 'Drop {name} from the retry list?',
  dropBody:
    'Roster stops retrying this object. It is tried again only when it changes in the source, or when the job is restarted.',
  dropDone: '{name} was dropped from the retry list.',
  export: 'Export CSV',
  exportHelp: 'The list as a CSV file for Excel, one row per object.',
};
