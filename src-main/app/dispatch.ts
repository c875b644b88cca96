import { commands, isCommandName, type CommandName } from '@shared/contract';
import { RosterError } from '@shared/domain/errors';
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
      return fail({ code: 'unknownCommand', message: `Roster has no command "${redact(command)}".` });
    }
    const parsed = commands[command].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      return fail({
        code: 'invalidInput',
        message: redact(
          `Invalid input for ${command}: ${issues.map((i) => `${i.path} — ${i.message}`).join('; ')}`,
        ),
        details: { issues },
      });
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
    return { ...payload, message: redact(payload.message) };
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log.error(redact(`${command} failed: ${detail}`));
  return {
    code: 'internal' as const,
    message: redact(
      `Roster hit an unexpected problem running ${command}: ${error instanceof Error ? error.message : String(error)}`,
    ),
  };
}
