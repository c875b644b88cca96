import type { ModifiedProperty, ProvisioningLogEntry } from '@shared/domain/provisioning';
import { csvCell, type CsvValue } from '../reports/csv-file-writer';

/**
 * The flat CSV export of the provisioning log (Roster decision §14.4: one file with every column the
 * log table shows), in one place because part of it is written at insert time: migration 015's
 * `flat_csv_rest` holds each entry's cells after `time` and `job` exactly as the export writes them,
 * so exporting a million entries reads two short columns per row and parses no JSON. The job's name
 * is looked up at export time (a job can be renamed); the time is read from `at`.
 *
 * Changing how a cell is written changes the stored text of every new entry only: such a change
 * needs a migration that sets `flat_csv_rest` to NULL, which makes the export rebuild those rows from
 * their columns (`flatRestOfRow`), as it does for entries written before migration 015.
 */
export const flatColumns = [
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

/** Text from directories and targets is written spreadsheet-safe in every log export. */
export const escapeFormulas = true;

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

/** Cells in column order, joined as one CSV line without its line end. */
function joined(cells: readonly CsvValue[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i ? ',' : '') + csvCell(cells[i], escapeFormulas);
  return line;
}

/** The columns of a log row the export needs when a row has no `flat_csv_rest` (older entries). */
export interface FlatSourceRow {
  cycle_id: string;
  action: string;
  status: string;
  error_code: string | null;
  reason: string | null;
  source_id: string;
  source_display_name: string;
  target_id: string | null;
  modified_json: string;
  change_id: string;
}

function restCells(
  fixed: Omit<FlatSourceRow, 'modified_json'>,
  modified: readonly ModifiedProperty[],
): CsvValue[] {
  return [
    fixed.cycle_id,
    fixed.action,
    fixed.status,
    fixed.error_code,
    fixed.reason,
    fixed.source_id,
    fixed.source_display_name,
    fixed.target_id,
    userNameOrEmail(modified),
    modifiedText(modified),
    fixed.change_id,
  ];
}

/** What the insert stores in `flat_csv_rest`: the entry's cells from `cycle` to `changeId`. */
export function flatRestOfEntry(e: ProvisioningLogEntry): string {
  return joined(
    restCells(
      {
        cycle_id: e.cycleId,
        action: e.provisioningAction,
        status: e.status,
        error_code: e.errorInformation?.errorCode ?? null,
        reason: e.errorInformation?.reason ?? null,
        source_id: e.sourceIdentity.id,
        source_display_name: e.sourceIdentity.displayName,
        target_id: e.targetIdentity.id,
        change_id: e.changeId,
      },
      e.modifiedProperties,
    ),
  );
}

/** The same cells rebuilt from a stored row's columns (entries written before migration 015). */
export function flatRestOfRow(row: FlatSourceRow): string {
  // An entry without changes stores "[]": no parse for the common case.
  const modified = row.modified_json === '[]' ? [] : (JSON.parse(row.modified_json) as ModifiedProperty[]);
  return joined(restCells(row, modified));
}

/** One whole line of the flat CSV, line end included. */
export function flatLine(at: string, jobName: string, rest: string): string {
  return `${csvCell(at, escapeFormulas)},${csvCell(jobName, escapeFormulas)},${rest}\r\n`;
}

/** One whole line from a whole entry (callers that hold entries rather than the store's reader). */
export function flatLineOfEntry(e: ProvisioningLogEntry): string {
  return flatLine(e.activityDateTime, e.jobName ?? e.jobId, flatRestOfEntry(e));
}
