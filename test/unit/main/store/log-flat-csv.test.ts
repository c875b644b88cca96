import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProvisioningLogEntry } from '@shared/domain/provisioning';
import { CsvFileWriter } from '../../../../src-main/reports/csv-file-writer';
import {
  flatColumns,
  flatLine,
  flatLineOfEntry,
  flatRestOfEntry,
  flatRestOfRow,
} from '../../../../src-main/store/log-flat-csv';
import { makeTempDirFor } from '../../../peers/temp';

const entry: ProvisioningLogEntry = {
  id: 'e1',
  activityDateTime: '2026-03-01T10:00:00.000Z',
  jobId: 'j1',
  jobName: '=cmd, "HR" → App',
  cycleId: 'c1',
  changeId: 'ch1',
  provisioningAction: 'update',
  status: 'failure',
  durationInMilliseconds: 4,
  initiatedBy: { type: 'system', displayName: 'schedule' },
  sourceIdentity: { id: '+E1', displayName: '김 "Ada"\r\nLovelace', identityType: 'User' },
  targetIdentity: { id: null, displayName: null, identityType: 'User' },
  modifiedProperties: [
    { displayName: 'mail', oldValue: null, newValue: 'ada@example.com' },
    { displayName: 'emails[type eq "work"].value', oldValue: 'a@x', newValue: '@ada' },
  ],
  provisioningSteps: [],
  errorInformation: { errorCode: 'E', errorCategory: 'NonServiceFailure', reason: '-1, refused' },
};

describe('the flat CSV line of a log entry', () => {
  let dir: ReturnType<typeof makeTempDirFor>;
  beforeEach(() => (dir = makeTempDirFor('roster-flat-csv-')));
  afterEach(() => dir.remove());

  it('is the row the CSV writer writes for the same cells, and reads back as them', async () => {
    const path = join(dir.path, 'a.csv');
    const writer = new CsvFileWriter(path, flatColumns, { bom: false, escapeFormulas: true });
    writer.addLine(flatLineOfEntry(entry));
    await writer.close();
    const [row] = parse<Record<string, string>>(readFileSync(path, 'utf8'), { columns: true });
    expect(row).toEqual({
      time: '2026-03-01T10:00:00.000Z',
      job: `'=cmd, "HR" → App`,
      cycle: 'c1',
      action: 'update',
      status: 'failure',
      errorCode: 'E',
      reason: `'-1, refused`,
      sourceKey: `'+E1`,
      sourceDisplayName: '김 "Ada"\r\nLovelace',
      targetId: '',
      // The work e-mail comes before mail; a value a spreadsheet would run is written as text.
      userNameOrEmail: `'@ada`,
      modifiedProperties: 'mail: ∅ → ada@example.com; emails[type eq "work"].value: a@x → @ada',
      changeId: 'ch1',
    });
    expect(writer.rows).toBe(1);
  });

  it('rebuilds from a stored row exactly what the insert stores', () => {
    const stored = flatRestOfRow({
      cycle_id: entry.cycleId,
      action: entry.provisioningAction,
      status: entry.status,
      error_code: 'E',
      reason: '-1, refused',
      source_id: entry.sourceIdentity.id,
      source_display_name: entry.sourceIdentity.displayName,
      target_id: null,
      modified_json: JSON.stringify(entry.modifiedProperties),
      change_id: entry.changeId,
    });
    expect(stored).toBe(flatRestOfEntry(entry));
    expect(flatLine(entry.activityDateTime, entry.jobName ?? '', stored)).toBe(flatLineOfEntry(entry));
  });
});
