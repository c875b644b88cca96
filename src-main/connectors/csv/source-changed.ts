/**
 * The file changed between the validating pass and the reading pass (an export overwrote it while
 * Roster read it). What was read cannot be trusted as a whole, so the read fails — and a failed
 * read never produces disables or deletes (ARCHITECTURE.md §4).
 */
import { type ConnectorError } from '../connector';
import { csvError } from './csv-errors';

export function sourceChangedError(fileName: string): ConnectorError {
  return csvError(
    'CsvSourceChanged',
    `${fileName} changed while Roster was reading it, so this cycle stopped without changing anything. It will be read again in the next cycle; if this repeats, schedule the export so it does not overlap Roster's cycles.`,
    [fileName],
  );
}
