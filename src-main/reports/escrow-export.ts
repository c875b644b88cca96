import { basename, join } from 'node:path';
import type { EscrowView } from '@shared/domain/escrow';
import { CsvFileWriter } from './csv-file-writer';
import type { ExportedFile } from './log-export';

/** The columns of the "Waiting for retry" report, in order (docs/escrow-report.md explains each). */
export const escrowColumns = [
  'job',
  'objectType',
  'sourceKey',
  'displayName',
  'failure',
  'errorClass',
  'errorCode',
  'errorMessage',
  'attempts',
  'firstFailure',
  'lastAttempt',
  'nextRetry',
  'expired',
  'retryRequested',
] as const;

/** `nextCycle`, an ISO time, or `never` (28 days passed): words a spreadsheet filter can use. */
function nextRetryText(next: EscrowView['nextRetry']): string {
  return next.kind === 'at' ? next.at : next.kind;
}

/**
 * A job's escrow entries (§9.2) as one CSV file for Excel: the objects whose last action failed and
 * that Roster retries on its schedule. Separate from the provisioning log, which lists events, because
 * this is the current state: one row per object still waiting.
 */
export async function exportEscrows(
  entries: Iterable<EscrowView>,
  options: { jobName: string; bom: boolean } & ({ dir: string; baseName: string } | { path: string }),
): Promise<ExportedFile> {
  const path = 'path' in options ? options.path : join(options.dir, `${options.baseName}.csv`);
  const writer = new CsvFileWriter(path, escrowColumns, { bom: options.bom });
  for (const entry of entries) {
    await writer.write({
      job: options.jobName,
      objectType: entry.objectType,
      sourceKey: entry.anchor,
      displayName: entry.displayName,
      failure: entry.isReference ? 'reference' : 'own',
      errorClass: entry.errorClass,
      errorCode: entry.errorCode,
      errorMessage: entry.errorMessage,
      attempts: entry.attempts,
      firstFailure: entry.firstFailure,
      lastAttempt: entry.lastAttempt,
      nextRetry: nextRetryText(entry.nextRetry),
      expired: entry.expired ? 'true' : 'false',
      retryRequested: entry.retryNow ? 'true' : 'false',
    });
  }
  await writer.close();
  return { fileName: basename(path), path, rows: writer.rows };
}
