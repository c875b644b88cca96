import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const runLogFileName = 'roster-run.log';

/** `<data folder>/logs`: the folder `roster run` keeps its log in. */
export function runLogDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

export interface RunLogFile {
  path: string;
  /** Appends one line; rotates first when the line would take the file past its size. */
  append(line: string): void;
}

/**
 * An append-only log rotated by size: `roster-run.log` is renamed to `.1` (and `.1` to `.2`, …)
 * when the next line would take it past `maxBytes`, and the oldest of `keep` old files is dropped.
 * So a server left alone for months holds at most `(keep + 1) × maxBytes` of log. Owner-only: the
 * lines are redacted, but job and account names are still nobody else's business.
 */
export function openRunLog(dataDir: string, options: { maxBytes?: number; keep?: number } = {}): RunLogFile {
  const dir = runLogDir(dataDir);
  const path = join(dir, runLogFileName);
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;

  function sizeOf(file: string): number {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  }

  function rotate(): void {
    rmSync(`${path}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(`${path}.${n}`, `${path}.${n + 1}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    renameSync(path, `${path}.1`);
  }

  return {
    path,
    append(line) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const text = `${line}\n`;
      const size = sizeOf(path);
      if (size > 0 && size + Buffer.byteLength(text) > maxBytes) rotate();
      appendFileSync(path, text, { mode: 0o600 });
    },
  };
}
