import { RosterError } from '@shared/domain/errors';
import { createApp, type CreateAppOptions, type RosterApp } from '../app/create-app';
import { resolveDataDir } from './options';

/** Exit codes of the data commands: 0 success, 1 the work failed, 2 bad input. */
export const exitCodes = { ok: 0, failed: 1, badInput: 2 } as const;

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/**
 * Runs a command against the app services on the chosen data folder, and turns failures into a
 * message on stderr and an exit code (RosterError invalidInput/notFound/conflict → 2).
 */
export async function withApp(
  dataDir: string | undefined,
  work: (app: RosterApp) => Promise<number | void>,
  appOptions: Pick<CreateAppOptions, 'secretsDir'> = {},
): Promise<void> {
  let app: RosterApp | null = null;
  try {
    app = createApp({
      ...appOptions,
      dataDir: resolveDataDir(dataDir),
      mode: 'cli',
      logger: { info: () => {}, warn: (m) => console.error(m), error: (m) => console.error(m) },
    });
    const code = await work(app);
    process.exitCode = code ?? exitCodes.ok;
  } catch (error) {
    if (error instanceof CliFailure) {
      console.error(error.message);
      process.exitCode = error.exitCode;
    } else if (error instanceof RosterError) {
      console.error(error.message);
      process.exitCode = ['invalidInput', 'notFound', 'conflict', 'unknownCommand'].includes(error.code)
        ? exitCodes.badInput
        : exitCodes.failed;
    } else {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = exitCodes.failed;
    }
  } finally {
    await app?.close();
  }
}

/** Calls a command through the same dispatch as the UI, so the CLI gets the same validation. */
export async function call(app: RosterApp, command: string, input: unknown): Promise<unknown> {
  const result = await app.dispatch(command, input);
  if (!result.ok) throw new RosterError(result.error.code, result.error.message, result.error.details);
  return result.value;
}

/** A job by name or id. */
export function findJob(app: RosterApp, nameOrId: string) {
  const job = app.store.jobs.get(nameOrId) ?? app.store.jobs.findByName(nameOrId);
  if (!job) {
    const known = app.store.jobs.list().map((j) => j.name);
    throw new CliFailure(
      `There is no job "${nameOrId}".${known.length ? ` Jobs: ${known.join(', ')}` : ' Import one with `roster job import <file>`.'}`,
      exitCodes.badInput,
    );
  }
  return job;
}
