import { describe, expect, it } from 'vitest';
import type { CycleSummary } from '@shared/domain/provisioning';
import { cycleExitCode } from '../../../../src-main/cli/cycle-exit-code';

function cycle(
  status: CycleSummary['status'],
  code: string | null,
  counters: Partial<CycleSummary['counters']> = {},
) {
  return {
    status,
    error: code === null ? null : { code, message: 'm' },
    counters: { failed: 0, staged: 0, ...counters },
  } as unknown as CycleSummary;
}

/** README "The CLI": 0 success, 1 stopped or objects failed, 2 bad input (bad source data included). */
const table: { what: string; cycle: CycleSummary; exit: number }[] = [
  { what: 'a completed cycle', cycle: cycle('completed', null), exit: 0 },
  { what: 'objects failed', cycle: cycle('completed', null, { failed: 2 }), exit: 1 },
  { what: 'deletes held back', cycle: cycle('completed', 'TooManyDeletes', { staged: 3 }), exit: 1 },
  { what: 'ragged CSV rows', cycle: cycle('stopped', 'CsvFieldCount'), exit: 2 },
  { what: 'duplicate keys', cycle: cycle('stopped', 'CsvDuplicateKeys'), exit: 2 },
  { what: 'a wrong encoding', cycle: cycle('stopped', 'CsvEncoding'), exit: 2 },
  { what: 'a value of the wrong type', cycle: cycle('stopped', 'CsvInvalidValues'), exit: 2 },
  { what: 'a missing column', cycle: cycle('stopped', 'CsvColumnMissing'), exit: 2 },
  { what: 'an LDAP entry without an anchor', cycle: cycle('stopped', 'AnchorMissing'), exit: 2 },
  { what: 'an empty file (an export may be running)', cycle: cycle('stopped', 'CsvEmpty'), exit: 1 },
  { what: 'a missing file', cycle: cycle('stopped', 'CsvFileNotFound'), exit: 1 },
  { what: 'a file that changed while read', cycle: cycle('stopped', 'CsvSourceChanged'), exit: 1 },
  { what: 'wrong credentials', cycle: cycle('stopped', 'InvalidCredentials'), exit: 1 },
  { what: 'a suspiciously small source', cycle: cycle('stopped', 'SourceShrank'), exit: 1 },
  { what: 'a failed cycle', cycle: cycle('failed', 'InternalError'), exit: 1 },
  { what: 'a cancelled cycle', cycle: cycle('cancelled', 'Cancelled'), exit: 1 },
];

describe('roster sync exit codes', () => {
  it.each(table)('$what → $exit', ({ cycle: c, exit }) => {
    expect(cycleExitCode(c)).toBe(exit);
  });
});
