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
};
