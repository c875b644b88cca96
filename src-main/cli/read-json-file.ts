import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { describeInputProblems, inputProblems } from '@shared/domain/strict-input';
import { BoundedJsonError, excerpt, parseBoundedJson } from '@shared/text/bounded-json';
import { CliFailure, exitCodes } from './cli-app';

/** Job and connection files are a few kilobytes; anything this large is not one, and is not read whole. */
const maxJsonFileBytes = 16 * 1024 * 1024;

function systemReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return excerpt(error instanceof Error ? error.message : String(error), 200);
}

export type TextRead = { ok: true; text: string } | { ok: false; reason: string };

/** The text of a JSON file the admin named, bounded in size; a failure is a one-line reason. */
export function readBoundedText(path: string): TextRead {
  try {
    const size = statSync(path).size;
    if (size > maxJsonFileBytes)
      return {
        ok: false,
        reason: `it is ${size.toLocaleString('en-US')} bytes, and a Roster JSON file is at most ${maxJsonFileBytes.toLocaleString('en-US')} bytes`,
      };
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { ok: false, reason: systemReason(error) };
  }
}

export function readJsonText(path: string): string {
  const read = readBoundedText(path);
  if (!read.ok) throw new CliFailure(`Cannot read ${path}: ${read.reason}.`, exitCodes.badInput);
  return read.text;
}

/** Parses JSON with limits (BOM, depth, string length); a problem is bad input, never a stack trace. */
export function parseJsonInput(text: string, where: string): unknown {
  try {
    return parseBoundedJson(text, where);
  } catch (error) {
    if (error instanceof BoundedJsonError) throw new CliFailure(error.message, exitCodes.badInput);
    throw error;
  }
}

/** Reads and validates a JSON file, naming the file and each wrong path (with a "did you mean") in the error. */
export function readJsonFile<S extends z.ZodType>(path: string, schema: S): z.output<S> {
  const raw = parseJsonInput(readJsonText(path), path);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = inputProblems(parsed.error);
    throw new CliFailure(
      `${path} is not a valid Roster file (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${describeInputProblems(problems)}`,
      exitCodes.badInput,
    );
  }
  return parsed.data;
}
