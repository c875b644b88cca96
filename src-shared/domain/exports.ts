/** A file Roster wrote: where it is, and its name for the browser-mode download (`/exports/<fileName>`). */
export interface ExportResult {
  fileName: string;
  path: string;
  rows: number;
  /** More than one file for the three-file CSV form (§14.4). */
  files: { fileName: string; path: string; rows: number }[];
}
