/** English for a job's state in the Jobs list and on the dashboard (merged into en.ts as `jobStates`). */
export const enJobStates = {
  dryRunOnly: 'Dry run only',
  found: 'Would do: {counts}',
  unfinished: {
    title: 'Unfinished setup | Unfinished setups',
    intro:
      'The new-job wizard stored these to dry-run them, and they were never created. They do not run and are not jobs yet: resume the setup, or discard it.',
    item: '{name} ({source} → {target}), started {when}',
    noDryRun: 'Not dry-run yet.',
    notResumable:
      'The wizard now holds another setup, so this one cannot be resumed: discard it and set it up again.',
    resume: 'Resume setup',
    discard: 'Discard',
    discardTitle: 'Discard the setup of “{name}”?',
    discardBody:
      'Its stored configuration and its dry runs are deleted. Nothing in the source or the target changes.',
    discardConfirm: 'Discard setup',
    keep: 'Keep it',
    discarded: 'The setup of “{name}” was discarded.',
  },
};
