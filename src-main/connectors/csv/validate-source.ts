/**
 * The whole-source check that runs before any object is handed to the engine: the main file's
 * validating pass, then the memberships file. Any problem in either rejects the read with one
 * stopCycle error that lists them all.
 */
import { type SourceObject } from '../connector';
import { type CsvSourceOptions } from './csv-options';
import { problemsError } from './csv-errors';
import { toGroupObjects } from './group-objects';
import { readMemberships } from './memberships-file';
import { type PreparedSource } from './prepare';
import { scanFile } from './scan';
import { WarningList, type CsvWarning } from './warnings';

export interface ValidatedSource {
  /** Users in the file. */
  rows: number;
  /** sha256 of the main file's bytes. */
  digest: string;
  /** sha256 of the memberships file's bytes; null when the read did not parse it. */
  membershipsDigest: string | null;
  groups: SourceObject[];
  /** The users, hashed, in file order, when the read wants them (`wantUsers`); else empty. */
  users: SourceObject[];
  warnings: CsvWarning[];
}

export async function validateSource(
  prepared: PreparedSource,
  options: CsvSourceOptions,
  wantGroups: boolean,
  signal?: AbortSignal,
  wantUsers = false,
): Promise<ValidatedSource> {
  const warnings = new WarningList();
  const scan = await scanFile({
    ...prepared,
    maxRecordChars: options.maxRecordChars,
    collectGroups: wantGroups,
    keepUsers: wantUsers,
    warnings,
    signal,
  });
  const problems = [...scan.problems];
  let membershipsDigest: string | null = null;
  if (wantGroups && options.membershipsFile && problems.length === 0) {
    const memberships = await readMemberships({
      settings: options.membershipsFile,
      keys: scan.keys,
      usersFileName: prepared.sniffed.file.name,
      groups: scan.groups,
      warnings,
      maxRecordChars: options.maxRecordChars,
      signal,
    });
    problems.push(...memberships.problems);
    membershipsDigest = memberships.digest;
  }
  if (problems.length > 0) throw problemsError(problems);
  return {
    rows: scan.rows,
    digest: scan.digest,
    membershipsDigest,
    groups: wantGroups ? await toGroupObjects(scan.groups) : [],
    users: scan.users,
    warnings: warnings.list(),
  };
}
