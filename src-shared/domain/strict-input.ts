/**
 * Strict input (issue 8): job files, connection files and the commands that save jobs and
 * connections refuse keys they do not know, instead of dropping them silently — a misspelt
 * `maxConcurency` that is ignored is a setting the admin believes in and Roster never applies.
 * Every object schema of those inputs is built with `strictObject` below, so each unknown key is
 * reported with the closest known name, and a secret typed into a settings block is refused with a
 * pointer to the keychain. `inputProblems` turns zod's issues into `path: message` lines, in one
 * place, for every caller (CLI, handlers).
 */
import { z } from 'zod';
import { closestMatch } from '../expressions/suggest';
import { excerpt } from '../text/bounded-json';

export interface StrictOptions {
  /**
   * Keys that mean a secret in this object (normalised: lower case, letters and digits only) → the
   * secret field they stand for. Such a key is refused with "secrets never belong here".
   */
  secretKeys?: Readonly<Record<string, string>>;
}

/** Lower case, letters and digits only: `client_secret`, `Client-Secret` and `clientSecret` are one key. */
function normalised(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A key as a message quotes it: short, on one line (a hostile file may use a megabyte-long key). */
export function quoteKey(key: string): string {
  return `"${excerpt(key, 60)}"`;
}

/** What is wrong with one unknown key, without naming the key (the path names it). */
export function unknownKeyProblem(
  key: string,
  known: readonly string[],
  options: StrictOptions = {},
): string {
  const secretField = options.secretKeys?.[normalised(key)];
  if (secretField !== undefined) {
    const where =
      `Secrets never belong in settings or files: store the ${secretField} in the system keychain with ` +
      `\`roster secret set <connection> ${secretField}\` (it reads the value from standard input), or in the app.`;
    return secretField === key
      ? `${key} is a secret. ${where}`
      : `unknown key — did you mean ${quoteKey(secretField)}? That is a secret. ${where}`;
  }
  const suggestion = closestMatch(key, known);
  if (suggestion !== undefined) return `unknown key — did you mean ${quoteKey(suggestion)}?`;
  const list = known.slice(0, 30).join(', ');
  return `unknown key (known keys here: ${list}${known.length > 30 ? ', …' : ''})`;
}

/**
 * zod reports all unknown keys of one object as one issue. Its message carries one line per key,
 * `"key": problem`, so that the line still makes sense where a caller prints zod's message as it is,
 * and so that `inputProblems` can give each key its own path.
 */
function unknownKeysMessage(
  keys: readonly string[],
  known: readonly string[],
  options: StrictOptions,
): string {
  return keys.map((key) => `${quoteKey(key)}: ${unknownKeyProblem(key, known, options)}`).join('\n');
}

/** A zod object that refuses unknown keys, naming each with the closest known key. */
export function strictObject<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
  options: StrictOptions = {},
): z.ZodObject<Shape, z.core.$strict> {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      // The schema that refused the keys: an `.extend()`ed copy knows more keys than `shape`.
      const known = Object.keys(issue.inst instanceof z.ZodObject ? issue.inst.shape : shape);
      return unknownKeysMessage(issue.keys, known, options);
    },
  });
}

/** A strict copy of a plain zod object defined elsewhere (its refinements, if any, are not copied). */
export function strictCopy<Shape extends z.core.$ZodLooseShape>(
  schema: z.ZodObject<Shape>,
  options: StrictOptions = {},
): z.ZodObject<Shape, z.core.$strict> {
  return strictObject(schema.shape, options);
}

export interface InputProblem {
  /** `job.settings.maxConcurency`, `connections[0].settings` ('' for the whole input). */
  path: string;
  message: string;
}

const plainKey = /^[A-Za-z_$][\w$]*$/;

/** A JSON path as an admin reads it in an editor: `job.objectMappings[0].attributeMappings[3].source`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else {
      const key = String(part);
      text +=
        plainKey.test(key) && key.length <= 60 ? `${text === '' ? '' : '.'}${key}` : `[${quoteKey(key)}]`;
    }
  }
  return text;
}

function unknownKeyProblems(issue: z.core.$ZodIssueUnrecognizedKeys, base: PropertyKey[]): InputProblem[] {
  const lines = issue.message.split('\n');
  if (lines.length !== issue.keys.length) return [{ path: formatPath(base), message: issue.message }];
  return issue.keys.map((key, i) => {
    const line = lines[i] ?? '';
    const prefix = `${quoteKey(key)}: `;
    return {
      path: formatPath([...base, key]),
      message: line.startsWith(prefix) ? line.slice(prefix.length) : line,
    };
  });
}

/**
 * zod's issues as `{ path, message }`, one per problem: an unknown key gets its own path
 * (`job.settings.maxConcurency`), so the admin finds it in the file.
 */
export function inputProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): InputProblem[] {
  return error.issues.flatMap((issue) => {
    const base = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') return unknownKeyProblems(issue, base);
    return [{ path: formatPath(base), message: issue.message }];
  });
}

/**
 * The problems as lines for a terminal or a message: `  job.settings.maxConcurency: unknown key — …`.
 * A file can be wrong in thousands of places; the first `max` are enough to start fixing it.
 */
export function describeInputProblems(problems: readonly InputProblem[], indent = '  ', max = 50): string {
  const lines = problems.slice(0, max).map((p) => `${indent}${p.path || '(top level)'}: ${p.message}`);
  if (problems.length > max) lines.push(`${indent}… and ${problems.length - max} more`);
  return lines.join('\n');
}
