import { basename, join } from 'node:path';
import type { ModifiedProperty, ProvisioningLogEntry } from '@shared/domain/provisioning';
import type { LogEntries, FlatLogRow } from '../store/log-repo';
import { CsvFileWriter, JsonArrayFileWriter, type CsvValue } from './csv-file-writer';

export type LogExportFormat = 'csv' | 'json' | 'csv-full';

export interface ExportedFile {
  fileName: string;
  path: string;
  rows: number;
}

/** Roster decision (§14.4): one flat file with every column the log table shows. */
const flatColumns = [
  'time',
  'job',
  'cycle',
  'action',
  'status',
  'errorCode',
  'reason',
  'sourceKey',
  'sourceDisplayName',
  'targetId',
  'userNameOrEmail',
  'modifiedProperties',
  'changeId',
] as const;

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

function modifiedText(properties: readonly ModifiedProperty[]): string {
  return properties.map((p) => `${p.displayName}: ${p.oldValue ?? '∅'} → ${p.newValue ?? '∅'}`).join('; ');
}

const userNameAttributes = ['userName', 'emails[type eq "work"].value', 'mail', 'displayName'];

function userNameOrEmail(properties: readonly ModifiedProperty[]): string {
  for (const name of userNameAttributes) {
    const found = properties.find((p) => p.displayName === name);
    if (found?.newValue) return found.newValue;
  }
  return '';
}

/** One flat row (flatColumns' order) from the store's column-only read. */
function flatCellsOfRow(row: FlatLogRow): CsvValue[] {
  const [
    at,
    job,
    cycle,
    action,
    status,
    errorCode,
    reason,
    sourceKey,
    sourceName,
    targetId,
    modifiedJson,
    change,
  ] = row;
  // An entry without changes stores "[]": no parse for the common case.
  const modified = modifiedJson === '[]' ? [] : (JSON.parse(modifiedJson) as ModifiedProperty[]);
  return [
    at,
    job,
    cycle,
    action,
    status,
    errorCode,
    reason,
    sourceKey,
    sourceName,
    targetId,
    userNameOrEmail(modified),
    modifiedText(modified),
    change,
  ];
}

/** One flat row from a whole entry (callers that hold entries rather than the store's reader). */
function flatCellsOfEntry(e: ProvisioningLogEntry): CsvValue[] {
  return [
    e.activityDateTime,
    e.jobName ?? e.jobId,
    e.cycleId,
    e.provisioningAction,
    e.status,
    e.errorInformation?.errorCode,
    e.errorInformation?.reason,
    e.sourceIdentity.id,
    e.sourceIdentity.displayName,
    e.targetIdentity.id,
    userNameOrEmail(e.modifiedProperties),
    modifiedText(e.modifiedProperties),
    e.changeId,
  ];
}

function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/**
 * Writes provisioning log entries as the flat CSV, the §14.1 JSON array, or the three joined CSV files
 * of §14.4. Entries arrive as an iterator straight from SQLite: nothing is held in memory. Given the
 * store's `LogEntries`, the flat CSV reads only its own columns (`flatRows`). Rows are added to the
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
    const writer = new CsvFileWriter(path, flatColumns, { bom: options.bom, escapeFormulas: true });
    const rows =
      'flatRows' in entries ? mapped(entries.flatRows(), flatCellsOfRow) : mapped(entries, flatCellsOfEntry);
    for (const cells of rows) if (writer.add(cells)) await writer.flush();
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
