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
