/**
 * Findings that do not stop a read but that an admin should see in the log: a manager key that
 * matches no row, a membership naming an unknown user. The engine logs them (the connector contract
 * has no channel for them yet, so the CSV read exposes them next to its pages).
 */
export type CsvWarningCode =
  'UnknownManager' | 'SelfManager' | 'UnknownMember' | 'GroupNameConflict' | 'MoreWarnings';

export interface CsvWarning {
  code: CsvWarningCode;
  message: string;
  /** `hr.csv:12`, or several `hr.csv:12, hr.csv:40`. */
  location: string;
}

/** Per code, at most this many warnings are kept; one more says how many were left out. */
export const maxWarningsPerCode = 1000;

export class WarningList {
  private readonly kept: CsvWarning[] = [];
  private readonly counts = new Map<CsvWarningCode, number>();

  add(warning: CsvWarning): void {
    const count = (this.counts.get(warning.code) ?? 0) + 1;
    this.counts.set(warning.code, count);
    if (count <= maxWarningsPerCode) this.kept.push(warning);
  }

  list(): CsvWarning[] {
    const more: CsvWarning[] = [];
    for (const [code, count] of this.counts) {
      if (count > maxWarningsPerCode) {
        more.push({
          code: 'MoreWarnings',
          message: `${count - maxWarningsPerCode} more warnings like "${code}" were left out.`,
          location: '',
        });
      }
    }
    return [...this.kept, ...more];
  }
}
