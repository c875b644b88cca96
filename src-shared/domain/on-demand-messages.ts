/**
 * The sentences provision on demand writes itself (not through a log entry), as codes with
 * parameters so the app can say them in the admin's language (renderer locales
 * `onDemandMessages.messages.<code>` and `.actions.<code>`). The English made from these templates
 * is what the CLI prints and the result stores; the renderer's English locale is made from them too.
 */
const messages = {
  groupsNotMapped: '{job} does not provision groups: its Groups mapping is off.',
  ambiguous: '{count} objects match "{query}": {candidates}.',
  notFoundUser: 'No user "{query}" in {source}.',
  notFoundUserGuess: 'No user "{query}" in {source}. Did you mean: {suggestions}?',
  notFoundGroup: 'No group "{query}" in {source}.',
  notFoundGroupGuess: 'No group "{query}" in {source}. Did you mean: {suggestions}?',
  notFoundMember: 'No member of {group} "{query}" in {source}.',
  notFoundMemberGuess: 'No member of {group} "{query}" in {source}. Did you mean: {suggestions}?',
  unsettledWrite:
    'A write an interrupted run sent to the target could not be checked: the object is left alone.',
  tooManyDeletes: "{count} disables or deletes exceed the job's deletion threshold of {threshold}.",
  jobBusy:
    '{job} is being run by {holder} (process {pid} on host {host}) since {since}. Try again when it has finished, or cancel that cycle first.',
  jobBusyWaited:
    '{job} is being run by {holder} (process {pid} on host {host}) since {since}. Waited {seconds} s for it to finish. Try again when it has finished, or cancel that cycle first.',
  cancelledWhileWaiting: 'Provision on demand was cancelled while it waited for the running cycle.',
  importSkipped: 'The object has no value for any matching attribute, so it cannot be matched safely.',
  connectionFailed: '{target}: {summary}',
  /** An exception nobody foresaw: its own (English) text is the message; other languages say so around it. */
  unexpected: '{error}',
} as const;

/** What to do about a failure, by kind (no parameters: the message above names the particulars). */
const actions = {
  jobBusy: 'Run it again when the cycle has finished, or cancel the cycle first.',
  checkCredentials: 'Check the credentials of the target connection (Connections → Test connection).',
  checkReachability:
    'Check the URL and reachability of the target connection (Connections → Test connection).',
  groupsNotMapped: 'Turn the Groups object mapping on, or provision the members one by one.',
  ambiguous: 'Use the source key (or the email) of the one you mean.',
  notFound:
    'Search by given name, surname, display name, user name, email or source key. An object deleted from the source is deprovisioned by the next cycle.',
  unsettledWrite: 'Make sure the target answers, then run it again.',
  tooManyDeletes:
    'Raise the threshold or turn off accidental-deletion prevention, or let the next cycle stage it.',
  outOfScope:
    'Nothing to fix if this is intended. Otherwise change the source data or the scoping filters, or assign the user to the job.',
  importSkipped: 'Fill in the source attribute of the first matching attribute, then run it again.',
  duplicateTargetEntries:
    'Make the matching attribute unique in the target, or change the matching attributes.',
  duplicateSourceEntries: 'Give each source object its own value of the first matching attribute.',
  tooManyRequests: 'The target is throttling Roster; run it again in a minute.',
  sourceObjectDisabled: 'Enable the object in the source if it should be provisioned.',
  general:
    'Read the reason and the details, fix the cause in the source, the mappings or the target, then run it again.',
  runAgain: 'Run it again; if it fails again, check the job and its connections.',
} as const;

export type OnDemandMessageCode = keyof typeof messages;
export type OnDemandActionCode = keyof typeof actions;
export const onDemandMessageTemplates: Readonly<Record<OnDemandMessageCode, string>> = messages;
export const onDemandActionTexts: Readonly<Record<OnDemandActionCode, string>> = actions;
/** Every parameter a message template names. */
export const onDemandMessageParameters = [
  'job',
  'count',
  'query',
  'candidates',
  'source',
  'suggestions',
  'group',
  'threshold',
  'holder',
  'pid',
  'host',
  'since',
  'seconds',
  'target',
  'summary',
  'error',
] as const;

/** The English of a message; only known `{name}` parameters are filled. */
export function onDemandMessageEnglish(
  code: OnDemandMessageCode,
  params: Readonly<Record<string, string>>,
): string {
  return messages[code].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The advice by an error's code, for the errors that carry no advice of their own. */
const adviceByErrorCode: Readonly<Record<string, OnDemandActionCode>> = {
  OutOfScope: 'outOfScope',
  ImportSkipped: 'importSkipped',
  DuplicateTargetEntries: 'duplicateTargetEntries',
  DuplicateSourceEntries: 'duplicateSourceEntries',
  TooManyRequests: 'tooManyRequests',
  SourceObjectDisabled: 'sourceObjectDisabled',
};

/**
 * The code of advice written into a log entry's `recommendedAction` from this table (provision on
 * demand writes the out-of-scope advice there); undefined for anyone else's words.
 */
export function actionCodeOf(text: string): OnDemandActionCode | undefined {
  return (Object.keys(actions) as OnDemandActionCode[]).find((code) => actions[code] === text);
}

export function adviceCodeFor(errorCode: string): OnDemandActionCode {
  return adviceByErrorCode[errorCode] ?? 'general';
}
