import { RosterError, type ErrorCode } from './errors';
import type { VaultProblemKind } from './app-info';
import { onDemandMessageTemplates } from './on-demand-messages';
import { vaultCommands, vaultProblemTemplates } from './vault-problem-texts';

/** A keychain problem's message and remedy as one template, the headless advice spelled out in it. */
function vaultRefusal(kind: VaultProblemKind): string {
  const texts = vaultProblemTemplates[kind];
  return `${texts.message} ${texts.remedy.replace('{headless}', vaultProblemTemplates.headless)}`;
}

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
  notASandboxDatabase: '{path} is not a Roster Sandbox database; choose another file.',
  sandboxDatabaseTooNew:
    'The sandbox database at {path} was written by a newer version of Roster (schema {schemaVersion}; ' +
    'this version knows up to {supportedVersion}). Install the newer Roster, or choose another file.',
  databaseTooNew:
    'The database at {path} was written by a newer version of Roster (schema {schemaVersion}; ' +
    'this version knows up to {supportedVersion}). Install the newer Roster, or choose another data folder.',
  sandboxTokenShape: 'A sandbox token must be 16 to 512 visible ASCII characters, without spaces.',
  sandboxNotLoopback:
    'The Roster Sandbox listens on this computer only (127.0.0.1, localhost or ::1); refusing to listen on "{host}".',
  sandboxPortRange: 'The sandbox port must be 0 to 65535; got {port}.',
  sandboxAlreadyRunning:
    'A Roster Sandbox is already running in this process ({path}); stop it before starting another.',
  sandboxPortInUse: 'Port {port} on {host} is already in use; choose another sandbox port.',
  sandboxTokenUnusable: 'Roster will not use the sandbox token: {problem}',
  sandboxTokenEmpty: 'The sandbox token file {path} is empty.',
  sandboxTokenFixed: 'The Roster Sandbox token is made by Roster and cannot be replaced.',
  secretIdUnmappable: '"{id}" is not a secret id Roster can map to a file name.',
  jobHasProblems: 'The job "{name}" has {count} problem(s): {problems}',
  scimTargetCannotDisable:
    'The job "{job}" disables leavers (settings.onSourceDelete is "disable"), but its target "{target}" ' +
    'is an app that cannot disable accounts (its connection says userDisable: "notSupported" — the app has no ' +
    '"active" attribute and only deletes). Roster will not delete accounts it was told to disable. Set the job\'s ' +
    'settings.onSourceDelete to "delete" to delete leavers\' accounts, or set the connection\'s userDisable to ' +
    '"activeFalse" if the app does accept active=false.',
  ldapTargetCannotDisable:
    'The job "{job}" disables leavers (settings.onSourceDelete is "disable"), but its target "{target}" ' +
    'is an LDAP connection with no disable attribute, so Roster cannot disable an account there. Either set the ' +
    "connection's disableAttribute and disableValue (for example employeeType = disabled, or pwdAccountLockedTime = " +
    '000001010000Z with the ppolicy overlay; on Active Directory bind as user@domain or set userObjectClass to user, ' +
    'and Roster uses userAccountControl), or set the job\'s settings.onSourceDelete to "delete" to delete leavers\' ' +
    'entries instead.',
  importConnectionKindDiffers:
    'The file\'s connection "{name}" is {kind}, but the existing one is {existingKind}.',
  connectorFailed: '{connection}: {problem}{location}',
  connectionNamedMissingGuess: 'There is no connection named "{name}"; did you mean "{guess}"?',
  connectionNamedMissingSources: 'There is no connection named "{name}"; the source connections are {names}.',
  connectionNamedMissingTargets: 'There is no connection named "{name}"; the target connections are {names}.',
  connectionNamedMissingCreate: 'There is no connection named "{name}"; create one first (Connections).',
  connectionCannotBeSource: '"{name}" is a {kind} connection, which cannot be a source; a source is {kinds}.',
  connectionCannotBeTarget: '"{name}" is a {kind} connection, which cannot be a target; a target is {kinds}.',
  draftHoldsSecret:
    'A draft cannot hold secrets, and {paths} looks like one. ' +
    'Drafts are stored unencrypted; keep secrets in the connection (they go to the keychain) and leave them out of the draft.',
  draftHoldsSecrets:
    'A draft cannot hold secrets, and {paths} look like one. ' +
    'Drafts are stored unencrypted; keep secrets in the connection (they go to the keychain) and leave them out of the draft.',
  accountReportNotStored: 'The account report was not stored.',
  exportWroteNoFile: 'The export wrote no file',
  browseFailed: 'Could not read the directory below "{dn}": {problem}',
  browseRootFailed: 'Could not read the directory below "the root": {problem}',
  connectionSettingsInvalid: 'The {kind} connection settings are not valid: {problems}',
  noSuchSecretFields: 'A {kind} connection has no secret field {fields} (it has: {allowed})',
  noSecretFields: 'A {kind} connection has no secret field {fields} (it has no secret fields)',
  jobSourceConnectionGone: 'The source connection of this job no longer exists.',
  jobConnectionGone: 'A connection this job uses no longer exists.',
  connectionCannotBeSourceYet: 'A {kind} connection ("{name}") cannot be a source yet.',
  connectionCannotBeTargetYet: 'A {kind} connection ("{name}") cannot be a target yet.',
  connectionCannotBeBrowsed: 'A {kind} connection ("{name}") cannot be a directory to browse yet.',
  cycleAboutToStart: 'A cycle of this job is about to start. Wait for it to finish, or cancel it.',
  jobBusy: onDemandMessageTemplates.jobBusy,
  jobBusyWaited: onDemandMessageTemplates.jobBusyWaited,
  cancelledWhileWaiting: onDemandMessageTemplates.cancelledWhileWaiting,
  vaultNoSessionBus: vaultRefusal('noSessionBus'),
  vaultNoSecretService: vaultRefusal('noSecretService'),
  vaultLocked: vaultRefusal('locked'),
  vaultNoKeyring: vaultRefusal('noKeyring'),
  vaultNoModule: vaultRefusal('noModule'),
  vaultOther: vaultRefusal('other'),
  vaultCredentialsDirectory: vaultRefusal('credentialsDirectory'),
  credentialsDirUnusable: '{problem}',
  secretFileUnreadable: 'Roster will not read the secret file: {problem}',
  secretsDirNeedsFile:
    'Roster reads secrets from the credentials directory {dir} (from {from}) and never writes there, and {path} ' +
    'does not hold this value yet. As the user Roster runs as, run: (umask 077; cat > {path}) — paste the value, ' +
    'then press Ctrl+D. Then save again: Roster records that it uses that file.',
  secretsDirNeedsCredential:
    'Roster reads secrets from the credentials directory {dir} (from {from}) and never writes there, and {path} ' +
    'does not hold this value yet. Add LoadCredential={name}:/etc/roster/credentials/{name} (or LoadCredentialEncrypted=) ' +
    'to the service unit, put the value in that file (root-owned, mode 0600), then run systemctl daemon-reload and ' +
    'restart the service. Then save again: Roster records that it uses that file.',
  secretsDirKeepsFile:
    'Roster reads secrets from the credentials directory {dir} (from {from}) and never removes files there. ' +
    'Remove the file (rm {path}), then retry.',
  secretsDirKeepsCredential:
    'Roster reads secrets from the credentials directory {dir} (from {from}) and never removes files there. ' +
    'Remove the LoadCredential={name}: line from the service unit and restart the service, then retry.',
  unknownCommand: 'Roster has no command "{command}".',
  invalidCommandInput: 'Invalid input for {command}: {problems}',
  unexpectedProblem: 'Roster hit an unexpected problem running {command}: {error}',
} as const;

export type ErrorMessageCode = keyof typeof errorMessageTemplates;

/** The refusal of each keychain problem: its message, then its remedy (the CLI's words). */
export const vaultProblemMessageCodes = {
  noSessionBus: 'vaultNoSessionBus',
  noSecretService: 'vaultNoSecretService',
  locked: 'vaultLocked',
  noKeyring: 'vaultNoKeyring',
  noModule: 'vaultNoModule',
  other: 'vaultOther',
  credentialsDirectory: 'vaultCredentialsDirectory',
} as const satisfies Record<VaultProblemKind, ErrorMessageCode>;

/** A keychain problem as a refusal's said: the commands an admin copies stay parameters, never translated. */
export function vaultProblemSaid(kind: VaultProblemKind, problem = ''): SaidMessage {
  return { code: vaultProblemMessageCodes[kind], params: { ...vaultCommands, problem } };
}
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
