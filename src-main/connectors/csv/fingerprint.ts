/**
 * What a full read of a CSV source returns, named by a digest of its inputs: the parsed connection
 * settings (key column, types, delimiter… decide how the bytes read) and the sha256 of every file
 * the read parses. A read's watermark is this digest of the bytes it actually parsed; `fingerprint`
 * computes it for the files as they are now, hashing them streamed and parsing nothing. Equal
 * digests mean an equal read, which lets the engine end a cycle over an unchanged source early.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type ObjectType } from '@shared/domain/schema';
import { type CsvSourceOptions } from './csv-options';
import { createYielder } from './event-loop';
import { fileError } from './file-access';

/** The format's version: a change to what the digest covers must never match an older watermark. */
const prefix = 'csv2:';

/** Whether a read of these object types parses the memberships file. */
export function readsMemberships(options: CsvSourceOptions, objectTypes: readonly ObjectType[]): boolean {
  return objectTypes.includes('Group') && options.membershipsFile !== undefined;
}

/**
 * `usersDigest`: sha256 of the users file's bytes; `membershipsDigest`: of the memberships file's,
 * or null when the read does not parse it (its changes then change nothing the read returns).
 */
export function csvWatermark(
  options: CsvSourceOptions,
  objectTypes: readonly ObjectType[],
  usersDigest: string,
  membershipsDigest: string | null,
): string {
  const types = [...objectTypes].sort().join(',');
  const hash = createHash('sha256')
    .update(JSON.stringify(options))
    .update(`\u0000${types}\u0000${usersDigest}\u0000${membershipsDigest ?? '-'}`)
    .digest('hex');
  return `${prefix}${hash}`;
}

/** sha256 of a file's bytes, streamed; yields between chunks so a large file never stalls the loop. */
export async function fileDigest(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const yielder = createYielder(1);
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024, signal })) {
      hash.update(chunk as Buffer);
      await yielder.maybeYield();
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw fileError(path, error);
  }
  return hash.digest('hex');
}

export async function csvFingerprint(
  options: CsvSourceOptions,
  objectTypes: readonly ObjectType[],
  signal?: AbortSignal,
): Promise<string> {
  const users = await fileDigest(options.path, signal);
  const memberships =
    readsMemberships(options, objectTypes) && options.membershipsFile
      ? await fileDigest(options.membershipsFile.path, signal)
      : null;
  return csvWatermark(options, objectTypes, users, memberships);
}
