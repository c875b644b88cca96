import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { CliFailure, exitCodes } from './cli-app';

/** Reads and validates a JSON file, naming the file and each wrong path in the error. */
export function readJsonFile<S extends z.ZodType>(path: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new CliFailure(
      `${path}: ${error instanceof Error ? error.message : String(error)}`,
      exitCodes.badInput,
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`)
      .join('\n');
    throw new CliFailure(`${path} is not a valid Roster file:\n${problems}`, exitCodes.badInput);
  }
  return parsed.data;
}
