/** Examples from expressions.md, adapted to the default sample object. Keys name their i18n labels. */
export interface PlaygroundExample {
  readonly key:
    'displayName' | 'mailNickname' | 'uniqueMail' | 'phone' | 'timeZone' | 'region' | 'split' | 'ignoreFlow';
  readonly expression: string;
}

export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  { key: 'displayName', expression: 'Join(" ", [givenName], [surname])' },
  { key: 'mailNickname', expression: 'Replace([userPrincipalName], , "(?<Suffix>@(.)*)", "Suffix", "", , )' },
  {
    key: 'uniqueMail',
    expression:
      'SelectUniqueValue(\n' +
      '  Join("@", NormalizeDiacritics(StripSpaces(Join(".", [givenName], [surname]))), "contoso.com"),\n' +
      '  Join("@", NormalizeDiacritics(StripSpaces(Join(".", Mid([givenName], 1, 1), [surname]))), "contoso.com")\n' +
      ')',
  },
  { key: 'phone', expression: 'Replace([mobile], , "[()\\\\s-]+", , "", , )' },
  {
    key: 'timeZone',
    expression:
      'Switch([state], "America/New_York", "CA", "America/Los_Angeles", "TX", "America/Chicago", "WA", "America/Los_Angeles")',
  },
  { key: 'region', expression: 'IIF([country]="USA", "Domestic", "International")' },
  { key: 'split', expression: 'Split([extensionAttribute5], ",")' },
  { key: 'ignoreFlow', expression: 'IgnoreFlowIfNullOrEmpty([jobTitle])' },
];

export const DEFAULT_SAMPLE = `{
  "givenName": "Zoë",
  "surname": "Dupont",
  "userPrincipalName": "zoe.dupont@contoso.com",
  "department": "Sales",
  "country": "USA",
  "state": "CA",
  "mobile": "+1 (999) 888-7777",
  "jobTitle": "",
  "extensionAttribute5": "PermissionSetOne, PermissionSetTwo",
  "accountEnabled": true,
  "userAccountControl": 512
}`;

export const DEFAULT_FILTERS = `{
  "filters": [
    {
      "title": "US sales",
      "clauses": [
        { "attribute": "country", "operator": "EQUALS", "value": "USA" },
        { "attribute": "department", "operator": "EQUALS", "value": "Sales" },
        { "attribute": "accountEnabled", "operator": "IS TRUE" }
      ]
    }
  ]
}`;

/** Sample data, the same in every language. */
export const TARGET_EXISTING_PLACEHOLDER = 'Zoe.Dupont@contoso.com';
