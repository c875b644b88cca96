/**
 * Placeholders of fields that have no other hint (merged into en.ts as `placeholders`), so an empty
 * field never shows the component library's "Please Input" / "Please Select".
 */
export const enPlaceholders = {
  action: 'Any action',
  matchingPrecedence: 'For example 1',
  applyWhen: 'Choose when the mapping applies',
  attributeType: 'Choose a type',
  referencedObject: 'Choose the object it points at',
  maxConcurrentJobs: 'For example 2',
  job: 'Choose a job',
  period: 'Choose a period',
  rangeStart: 'From',
  rangeEnd: 'To',
  language: 'Choose a language',
  folder: 'Not known yet',
  retentionDays: 'For example 30 (0 keeps everything)',
  smtpPort: 'For example 587',
  emailLanguage: 'Choose the language of the emails',
};
