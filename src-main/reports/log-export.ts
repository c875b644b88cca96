import { basename, join } from 'node:path';
import type { ProvisioningLogEntry } from '@shared/domain/provisioning';
import type { LogEntries } from '../store/log-repo';
import { escapeFormulas, flatColumns, flatLineOfEntry } from '../store/log-flat-csv';
import { CsvFileWriter, JsonArrayFileWriter } from './csv-file-writer';

export type LogExportFormat = 'csv' | 'json' | 'csv-full';

export interface ExportedFile {
  fileName: string;
  path: string;
  rows: number;
}

const entryColumns = [
  'id',
  'activityDateTime',
  'jobId',
  'cycleId',
  'changeId',
  'provisioningAction',
  'status',
  'errorCode',
  'errorCategory',
  'reason',
  'additionalDetails',
  'recommendedAction',
  'durationInMilliseconds',
  'initiatedByType',
  'initiatedByName',
  'sourceSystem',
  'sourceIdentityId',
  'sourceIdentityDisplayName',
  'sourceIdentityType',
  'targetSystem',
  'targetIdentityId',
  'targetIdentityDisplayName',
  'targetIdentityType',
] as const;

function* flatLinesOf(entries: Iterable<ProvisioningLogEntry>): Generator<{ text: string; rows: number }> {
  for (const entry of entries) yield { text: flatLineOfEntry(entry), rows: 1 };
}

/**
 * Writes provisioning log entries as the flat CSV, the §14.1 JSON array, or the three joined CSV files
 * of §14.4. Entries arrive as an iterator straight from SQLite: nothing is held in memory. Given the
 * store's `LogEntries`, the flat CSV reads its lines as SQLite joins them (`flatCsv`). Rows are added to the
 * writers' chunks and awaited only per chunk. CSV text from directories and targets is written
 * spreadsheet-safe (a leading apostrophe before a formula character).
 */
export async function exportLogEntries(
  entries: Iterable<ProvisioningLogEntry> | LogEntries,
  options: {
    dir: string;
    baseName: string;
    format: LogExportFormat;
    bom: boolean;
    systems: (jobId: string) => { source: string; target: string };
    /** An exact file for the one-file formats (the CLI's --out). */
    path?: string;
  },
): Promise<ExportedFile[]> {
  if (options.format === 'json') {
    const path = options.path ?? join(options.dir, `${options.baseName}.json`);
    const writer = new JsonArrayFileWriter(path);
    for (const entry of entries) if (writer.add(entry)) await writer.flush();
    await writer.close();
    return [{ fileName: basename(path), path, rows: writer.rows }];
  }
  if (options.format === 'csv') {
    const path = options.path ?? join(options.dir, `${options.baseName}.csv`);
    const writer = new CsvFileWriter(path, flatColumns, { bom: options.bom, escapeFormulas });
    const parts = 'flatCsv' in entries ? entries.flatCsv() : flatLinesOf(entries);
    for (const { text, rows } of parts) if (writer.addLines(text, rows)) await writer.flush();
    await writer.close();
    return [{ fileName: basename(path), path, rows: writer.rows }];
  }
  const names = {
    logs: `${options.baseName}_ProvisioningLogs.csv`,
    steps: `${options.baseName}_ProvisioningLogs_ProvisioningSteps.csv`,
    modified: `${options.baseName}_ProvisioningLogs_ModifiedProperties.csv`,
  };
  const csv = { bom: options.bom, escapeFormulas: true };
  const logs = new CsvFileWriter(join(options.dir, names.logs), entryColumns, csv);
  const steps = new CsvFileWriter(
    join(options.dir, names.steps),
    ['changeId', 'stepNumber', 'provisioningStepType', 'name', 'status', 'description', 'details'],
    csv,
  );
  const modified = new CsvFileWriter(
    join(options.dir, names.modified),
    ['changeId', 'displayName', 'oldValue', 'newValue'],
    csv,
  );
  for (const e of entries) {
    const systems = options.systems(e.jobId);
    await logs.write({
      id: e.id,
      activityDateTime: e.activityDateTime,
      jobId: e.jobId,
      cycleId: e.cycleId,
      changeId: e.changeId,
      provisioningAction: e.provisioningAction,
      status: e.status,
      errorCode: e.errorInformation?.errorCode ?? '',
      errorCategory: e.errorInformation?.errorCategory ?? '',
      reason: e.errorInformation?.reason ?? '',
      additionalDetails: e.errorInformation?.additionalDetails ?? '',
      recommendedAction: e.errorInformation?.recommendedAction ?? '',
      durationInMilliseconds: e.durationInMilliseconds,
      initiatedByType: e.initiatedBy.type,
      initiatedByName: e.initiatedBy.displayName,
      sourceSystem: systems.source,
      sourceIdentityId: e.sourceIdentity.id,
      sourceIdentityDisplayName: e.sourceIdentity.displayName,
      sourceIdentityType: e.sourceIdentity.identityType,
      targetSystem: systems.target,
      targetIdentityId: e.targetIdentity.id ?? '',
      targetIdentityDisplayName: e.targetIdentity.displayName ?? '',
      targetIdentityType: e.targetIdentity.identityType,
    });
    let n = 0;
    for (const s of e.provisioningSteps) {
      await steps.write({
        changeId: e.changeId,
        stepNumber: ++n,
        provisioningStepType: s.provisioningStepType,
        name: s.name,
        status: s.status,
        description: s.description,
        details: JSON.stringify(s.details),
      });
    }
    for (const p of e.modifiedProperties)
      await modified.write({
        changeId: e.changeId,
        displayName: p.displayName,
        oldValue: p.oldValue,
        newValue: p.newValue,
      });
  }
  await Promise.all([logs.close(), steps.close(), modified.close()]);
  return [
    { fileName: names.logs, path: join(options.dir, names.logs), rows: logs.rows },
    { fileName: names.steps, path: join(options.dir, names.steps), rows: steps.rows },
    { fileName: names.modified, path: join(options.dir, names.modified), rows: modified.rows },
  ];
}
