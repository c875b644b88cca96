import type { CycleSummary } from '@shared/domain/provisioning';
import type { CsvErrorCode } from '../connectors/csv/csv-errors';
import { exitCodes } from './cli-app';

/**
 * Stops caused by the source data itself: the file or directory holds something an admin must fix
 * (ragged rows, duplicate keys, a wrong encoding, an entry without an anchor), or the settings that
 * read it are wrong. Running again changes nothing, so `roster sync` reports them as bad input (2),
 * like a bad job file. A source that is missing, empty, cut off or changing while read is not here:
 * an export may still be running, so that stop is a failed run (1) that a later run may get past.
 */
const badSourceDataCodes: ReadonlySet<string> = new Set<
  CsvErrorCode | 'AnchorMissing' | 'LdapSettingsInvalid'
>([
  'CsvSettingsInvalid',
  'CsvNotCsv',
  'CsvMalformed',
  'CsvFieldCount',
  'CsvHeaderInvalid',
  'CsvColumnMissing',
  'CsvKeyColumnUnknown',
  'CsvDuplicateKeys',
  'CsvMissingKeys',
  'CsvInvalidValues',
  'CsvEncoding',
  'CsvRecordTooLarge',
  'AnchorMissing',
  'LdapSettingsInvalid',
]);

/** True when a stopped cycle's error names bad source data (exit 2) rather than a failed run (exit 1). */
export function isBadSourceData(code: string): boolean {
  return badSourceDataCodes.has(code);
}

/**
 * README "The CLI": 0 success; 1 the cycle stopped, failed, was cancelled, held deletes back, or
 * objects failed; 2 bad input — including source data that must be fixed before any cycle can run.
 */
export function cycleExitCode(cycle: CycleSummary): number {
  if (cycle.status === 'stopped' && cycle.error && isBadSourceData(cycle.error.code))
    return exitCodes.badInput;
  const stopped = cycle.status !== 'completed' || cycle.counters.staged > 0;
  return stopped || cycle.counters.failed > 0 ? exitCodes.failed : exitCodes.ok;
}
