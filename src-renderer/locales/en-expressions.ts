import { enScopingSummary } from './en-scoping-summary';

/** English messages of the expression editor and the playground (merged into en.ts as `expressions`). */
export const enExpressions = {
  playgroundTitle: 'Expression playground',
  playgroundLink: 'Try attribute-mapping expressions against a sample object',
  playgroundOpen: 'Open the playground',
  editor: {
    label: 'Expression',
    placeholder: 'For example: Join(" ", [givenName], [surname])',
    location: 'Line {line}, column {column}',
    suggestions: 'Suggestions',
    completionHint: '↑↓ choose · Enter or Tab inserts · Esc closes',
    kinds: {
      function: 'function',
      attribute: 'attribute',
      enum: 'constant',
    },
  },
  preview: {
    title: 'Result',
    updating: 'updating…',
    empty: 'Type an expression to see its result.',
    noSample: 'Give a valid sample object to see the result.',
    invalid: 'Fix the error above to see the result.',
    dropped: 'dropped (IgnoreFlowIfNullOrEmpty)',
    droppedNote: 'Nothing flows: on create the attribute is left out, on update the target keeps its value.',
    error: 'Evaluation failed.',
  },
  playground: {
    subtitle:
      'Write an expression, see it coloured and checked as you type, and its result for a sample source object. Nothing here is saved.',
    backToSettings: 'Settings',
    expression: 'Expression',
    examples: 'Examples',
    exampleNames: {
      displayName: 'Display name',
      mailNickname: 'Mail nickname from UPN',
      uniqueMail: 'Unique email address',
      phone: 'Phone number digits',
      timeZone: 'Time zone by state',
      region: 'Domestic or international',
      split: 'Split a list',
      ignoreFlow: 'Only when present',
    },
    sample: 'Sample source object',
    sampleLabel: 'Source object (JSON)',
    sampleHelp: 'Its attribute names are offered after you type "[".',
    sampleReset: 'Reset',
    jsonSyntax: 'Not valid JSON: unexpected {found} at line {line}, column {column}.',
    jsonEnd:
      'Not valid JSON: it ends too early (line {line}, column {column}); is a bracket or quote missing?',
    notAnObject: 'Write one JSON object, with attribute names as keys.',
    targetExisting: 'Values the target already holds',
    targetExistingHelp: 'One a line. SelectUniqueValue skips these candidates, ignoring case.',
  },
  scoping: {
    title: 'Scoping filter tester',
    subtitle: 'Is the sample object in scope? Clauses within a filter are ANDed; filters are ORed.',
    filtersLabel: 'Scoping filters (JSON)',
    inScope: 'In scope',
    outOfScope: 'Out of scope',
    deciding: 'Deciding clauses',
    invalid: 'These filters cannot be used',
    needSample: 'Fix the sample object to test the filters.',
    warnings: 'Warnings',
    clauseWarning: '{condition}: {reason}, so the clause counts as false.',
    /** The explanation's one sentence, from the same templates as the log's (explain-messages.ts). */
    sentence: enScopingSummary,
  },
};
