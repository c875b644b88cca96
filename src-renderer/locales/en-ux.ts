/** English words of the app frame and shared controls (merged into en.ts as `ux`). */
export const enUx = {
  skipToContent: 'Skip to the page content',
  collapseNav: 'Collapse the sidebar',
  expandNav: 'Expand the sidebar',
  navLabel: 'Sections',
  rangeStart: 'From (date)',
  rangeEnd: 'To (date)',
  planLink: 'Link only',
  logNoChange: 'No change',
  dryRunOnly: {
    title: 'Only dry runs so far',
    body: 'No real cycle has run: nothing was changed in the target. The last dry run ({when}) found: {counts}.',
    nothing: 'nothing to change',
    openPlan: 'Open its plan',
    counts: {
      created: '1 to create | {count} to create',
      updated: '1 to update | {count} to update',
      enabled: '1 to enable | {count} to enable',
      disabled: '1 to disable | {count} to disable',
      deleted: '1 to delete | {count} to delete',
      staged: '1 held back | {count} held back',
      failed: '1 would fail | {count} would fail',
    },
  },
};
