import { commands, isCommandName, type CommandName } from '@shared/contract';
import { RosterError, type ErrorCode, type ErrorPayload } from '@shared/domain/errors';
import { saidOf, sayError, type ErrorMessageCode } from '@shared/domain/error-messages';
import { fail, ok, type Result } from '@shared/domain/result';
import { redact } from '../vault/redact';
import type { Logger } from './context';
import type { Handlers } from './handlers/types';
import { issuesOf } from './validation-issues';

export type Dispatch = (command: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The single entry every transport calls: validates the input with the contract's schema, runs the
 * handler, and turns every outcome into a Result. Nothing thrown escapes, and every message that
 * leaves passes through redact().
 */
export function createDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (command, input) => {
    if (!isCommandName(command)) {
      return fail(said('unknownCommand', 'unknownCommand', { command: redact(command) }));
    }
    const parsed = commands[command].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      const problems = issues.map((i) => `${i.path} — ${i.message}`).join('; ');
      return fail(said('invalidInput', 'invalidCommandInput', { command, problems }, { issues }));
    }
    try {
      const run = handlers[command] as (value: unknown) => Promise<unknown>;
      return ok(await run(parsed.data));
    } catch (error) {
      return fail(toErrorPayload(command, error, log));
    }
  };
}

function toErrorPayload(command: CommandName, error: unknown, log: Logger) {
  if (error instanceof RosterError) {
    const payload = error.toPayload();
    const known = saidOf(payload.details);
    // The said parameters may quote what the message quotes (a server's words): redacted alike.
    const details = known
      ? { ...(payload.details as object), said: { ...known, params: redactedParams(known.params) } }
      : payload.details;
    return { ...payload, message: redact(payload.message), ...(details === undefined ? {} : { details }) };
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log.error(redact(`${command} failed: ${detail}`));
  return said('internal', 'unexpectedProblem', {
    command,
    error: error instanceof Error ? error.message : String(error),
  });
}

function redactedParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, redact(value)]));
}

/** A refusal of dispatch's own, said under a message code like the handlers' (secrets redacted). */
function said(
  code: ErrorCode,
  messageCode: ErrorMessageCode,
  params: Record<string, string>,
  details: Record<string, unknown> = {},
): ErrorPayload {
  const safe = redactedParams(params);
  const { message, said: spoken } = sayError(messageCode, safe);
  return { code, message: redact(message), details: { ...details, said: spoken } };
}
