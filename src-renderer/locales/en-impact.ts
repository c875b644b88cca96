/** English messages of the impact dialog shown before a job change is saved (merged into en.ts as `impact`). */
export const enImpact = {
  loading: 'Working out what saving would do…',
  lead: 'What the next cycle would do with this configuration, worked out from the source as read at {when} and from what Roster last wrote to the target. Nothing has been saved or sent yet.',
  leadNoJob:
    'What the first cycle would do with this configuration, worked out from the source as read at {when}. Nothing has been saved or sent yet.',
  failed: 'Roster could not work out the impact of this change.',
  failedHint:
    'You can still save; the change then takes effect in the next cycle without a preview. The deletion threshold still holds back mass disables and deletes.',
  retry: 'Try again',
  tilesLabel: 'Objects per action; choose one to list only those',
  actions: {
    create: 'Created',
    update: 'Updated',
    enable: 'Enabled',
    disable: 'Disabled',
    delete: 'Deleted',
    outOfScope: 'Out of scope',
    unchanged: 'Unchanged',
  },
  filterAll: 'All actions',
  filterLabel: 'Show objects with this action',
  searchPlaceholder: 'Search by name or key',
  searchLabel: 'Search the listed objects',
  shown: 'No objects listed | 1 object listed | {shown} of {count} objects listed',
  loadMore: 'Load more',
  nothing: 'No object matches this filter.',
  columns: {
    object: 'Object',
    action: 'Action',
    reason: 'Why',
    changes: 'Changes',
  },
  empty: '(empty)',
  problemsTitle: 'Fix these before saving',
  warnings: {
    problems:
      'The configuration has one problem; Roster would refuse to save it. | The configuration has {count} problems; Roster would refuse to save it.',
    deletionThreshold:
      'This change would disable or delete {count} objects, more than the job’s deletion threshold allows. The cycle would hold them back until you allow them on the job page.',
    leavingScope:
      'One object that is in scope today would fall out of scope. | {count} objects that are in scope today would fall out of scope.',
    disables: 'One account would be disabled. | {count} accounts would be disabled.',
    deletes: 'One account would be deleted in the target. | {count} accounts would be deleted in the target.',
    fullCycle:
      'This change alters mappings or matching: the next cycle is a full (initial) one that reads and compares every object.',
    overlaps:
      'The job “{job}” also writes {attributes} of one of these accounts; the two jobs would overwrite each other every cycle. | The job “{job}” also writes {attributes} of {count} of these accounts; the two jobs would overwrite each other every cycle.',
  },
  cancel: 'Cancel',
  save: 'Save',
  saveAnyway: 'Save without a preview',
  saveWithDisables: 'Save and disable {count}',
};
