import { RosterError, type ErrorCode } from './errors';

/**
 * Sentences the main process says in a refused command (a RosterError's message), under a code with
 * parameters, so the app can say them in the admin's language: the error's `details.said` carries
 * `{ code, params }` beside the English message (which the CLI prints, unchanged). The renderer's
 * English catalogue (`errorMessages`) is made from these templates; Korean says the same.
 */
export const errorMessageTemplates = {
  cycleAlreadyRunning: 'A cycle of this job is already running. Wait for it to finish, or cancel it.',
  jobHeldElsewhere:
    '{job} is being run by {label} (process {pid} on host {host}) since {sinceTime}; wait for it to finish, or stop it. ' +
    'If that process is gone without finishing, the job is free again when its lease expires at {expiresTime} (in {seconds} s).',
  discoveryHeldElsewhere:
    'Accounts of {job} are being discovered by {label} (process {pid} on host {host}) since {sinceTime}; ' +
    'wait for it to finish, or cancel it there.',
  jobMissing: 'There is no job with id {id}; it may have been deleted.',
  jobMissingShort: 'There is no job with id {id}.',
  jobNameTaken: 'A job named "{name}" already exists.',
  jobNameHeldBySetup:
    'An unfinished setup in the new-job wizard is named "{name}". Resume or discard it on the Jobs page, or choose another name.',
  previewOnlyDryRuns:
    '"{name}" is an unfinished setup in the new-job wizard: it only dry-runs until it is created.',
  previewCannotRun: '"{name}" is an unfinished setup in the new-job wizard: create it there before it runs.',
  notAPreview: '"{name}" is not an unfinished setup: it was created. Delete it from its own page instead.',
  jobDeletedWhileCreating: 'The job {id} was deleted while it was being created.',
  nothingHeldBack: 'Nothing is held back: the job is not stopped by the accidental-deletion threshold.',
  cycleNotStartedTwice: 'A cycle of this job is already running; it was not started twice.',
  escrowEntryGone:
    '{objectType} {anchor} is not waiting for a retry in this job (it may have succeeded since).',
  connectionMissing: 'There is no connection with id {id}; it may have been deleted.',
  connectionMissingShort: 'There is no connection with id {id}.',
  connectionNameTaken: 'A connection named "{name}" already exists. Choose another name.',
  browseLdapOnly: 'Only LDAP connections have a directory tree to browse.',
  linkNeedsPause:
    '{job} runs on its schedule, so a cycle could match this object while its link changes. Pause the job first, then delete the link.',
  discoveryAlreadyRunning: 'Accounts of {job} are being discovered already.',
  discoveryBusyAct: 'Accounts of {job} are being discovered right now; act when the report is complete.',
  noAccountReport: '{job} has no account report yet: discover the accounts first.',
  cycleMissing: 'There is no cycle {id}.',
  sourceConnectionMissing:
    'There is no connection named "{name}" for the job\'s source. Create it first (Connections).',
  targetConnectionMissing:
    'There is no connection named "{name}" for the job\'s target. Create it first (Connections).',
  connectionNotASource: '"{name}" is a {kind} connection, which cannot be a job source.',
  connectionNotATarget: '"{name}" is a {kind} connection, which cannot be a job target.',
  connectionNamedMissing: 'There is no connection named "{name}".',
  csvNoSignInColumn:
    'The CSV has no column for the sign-in name (looked for userPrincipalName, email, mail…; found {columns}).',
  csvNoEmployeeId: 'The CSV needs an employee id column to match directory entries.',
  noDefaultMappings: 'Roster has no default mappings from a {sourceKind} source to a {targetKind} target.',
  appNeedsScimTarget: '{app} is a SCIM app, and "{name}" is a {kind} connection.',
  appMatchingAttributeMissing:
    '{app} matches accounts on {wanted}, and "{name}" has no attribute for it. Add the column or attribute, or start from the Generic SCIM 2.0 profile.',
  appProfileMissing: 'There is no app profile "{id}" (known: {known}).',
  appProfileMissingGuess: 'There is no app profile "{id}" — did you mean "{guess}"? (known: {known}).',
  sourceConnectionGone: 'The source connection of {job} is gone.',
  onDemandRunIdTaken: 'A run with this id is already going.',
} as const;

export type ErrorMessageCode = keyof typeof errorMessageTemplates;
export const errorMessageCodes = Object.keys(errorMessageTemplates) as ErrorMessageCode[];

export interface SaidMessage {
  code: ErrorMessageCode;
  params: Record<string, string>;
}

/** The English sentence and its code, for `new RosterError(code, said.message, { said: said.said })`. */
export function sayError(
  code: ErrorMessageCode,
  params: Record<string, string> = {},
): {
  message: string;
  said: SaidMessage;
} {
  const message = errorMessageTemplates[code].replace(
    /\{(\w+)\}/g,
    (whole, name: string) => params[name] ?? whole,
  );
  return { message, said: { code, params } };
}

/** A `details.said` read back from an error payload (anything else is ignored). */
export function saidOf(details: unknown): SaidMessage | null {
  if (typeof details !== 'object' || details === null || !('said' in details)) return null;
  const said = details.said;
  if (typeof said !== 'object' || said === null) return null;
  const { code, params } = said as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || !(code in errorMessageTemplates)) return null;
  if (typeof params !== 'object' || params === null) return null;
  const strings = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string');
  return { code: code as ErrorMessageCode, params: Object.fromEntries(strings) };
}

/**
 * A refusal the admin may read in their language: the English message (CLI, logs) from the
 * template, and its code and parameters in `details.said` beside any other details.
 */
export function refusal(
  errorCode: ErrorCode,
  code: ErrorMessageCode,
  params: Record<string, string> = {},
  details: Record<string, unknown> = {},
): RosterError {
  const said = sayError(code, params);
  return new RosterError(errorCode, said.message, { ...details, said: said.said });
}
