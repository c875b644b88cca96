/**
 * A full read of a CSV source: validate everything, then hand out users page by page, then groups.
 * When the caller keeps every object (`keepsAll`, a cycle) the validating pass builds the users and
 * the pages come from them; otherwise a second pass streams them in bounded memory (user-pages.ts).
 * CSV has no change tracking, so every read is full and the engine finds changes by hash (§3.2); the
 * watermark digests the settings and the bytes of every file parsed (fingerprint.ts), which tells
 * whether anything changed at all.
 */
import { type SourceObject, type SourceRead, type SourceReadOptions } from '../connector';
import { type CsvSourceOptions } from './csv-options';
import { csvWatermark } from './fingerprint';
import { prepareSource } from './prepare';
import { userPages } from './user-pages';
import { validateSource } from './validate-source';
import { type CsvWarning } from './warnings';

/** A SourceRead plus the warnings of the validating pass (complete before the first page). */
export interface CsvSourceRead extends SourceRead {
  readonly warnings: readonly CsvWarning[];
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export async function readCsvSource(
  options: CsvSourceOptions,
  read: SourceReadOptions,
): Promise<CsvSourceRead> {
  read.signal.throwIfAborted();
  const wantUsers = read.objectTypes.includes('User');
  const groupsConfigured = options.groupsColumn !== undefined || options.membershipsFile !== undefined;
  const wantGroups = read.objectTypes.includes('Group') && groupsConfigured;
  const prepared = await prepareSource(options, read.hashedAttributes?.User);
  const keepUsers = wantUsers && read.keepsAll === true;
  const validated = await validateSource(prepared, options, wantGroups, read.signal, keepUsers);
  const rows = validated.rows;
  let kept: SourceObject[] | null = validated.users;
  validated.users = [];

  async function* pages(): AsyncGenerator<SourceObject[], void, undefined> {
    if (keepUsers) {
      // The read lets go of its list as the pages go out: the caller's copy is the only one left.
      const list = kept ?? [];
      kept = null;
      for (const page of chunks(list, options.pageSize)) {
        read.signal.throwIfAborted();
        yield page;
      }
    } else if (wantUsers) {
      yield* userPages(prepared, validated, {
        pageSize: options.pageSize,
        maxRecordChars: options.maxRecordChars,
        signal: read.signal,
      });
    }
    for (const page of chunks(validated.groups, options.pageSize)) {
      read.signal.throwIfAborted();
      yield page;
    }
  }

  return {
    kind: 'full',
    pages: pages(),
    deletedAnchors: () => [],
    watermark: () => csvWatermark(options, read.objectTypes, validated.digest, validated.membershipsDigest),
    expectedCount: (wantUsers ? rows : 0) + validated.groups.length,
    warnings: validated.warnings,
  };
}
