/**
 * Watches the files a CSV source reads (the users file and the memberships file) and starts a cycle
 * once a change has settled (file-settle.ts).
 *
 * Two ways to notice a change, both always on, because neither is enough alone:
 * - fs.watch on each file's folder (not on the file: exports often write a temporary file and rename
 *   it over the old one, which replaces the inode a file watch would follow). Measured on this
 *   project's Linux machines (ext4, inotify): the event arrives 0.7 ms after the write (median of 20
 *   writes and renames, 4 ms at most) — the debounce, not the watch, sets the latency.
 * - a stat poll of the files every `pollMs` (default 5 s). fs.watch is unreliable on network shares
 *   (SMB and NFS deliver no inotify events for changes made by other machines) and a watcher dies
 *   with its folder; a stat costs about 4 µs locally and one round trip on a share, so polling a few
 *   files every 5 s is free, and bounds the latency there to about poll + debounce + check ≈ 8 s.
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { TimerHandle } from '../time';
import type { ChangeTrigger, TriggerContext } from './change-trigger';
import { createSettler } from './file-settle';

export interface CsvFileTriggerOptions {
  /** Absolute paths of the files the source reads. */
  files: readonly string[];
  pollMs?: number;
  debounceMs?: number;
  checkMs?: number;
}

export const defaultFilePollMs = 5_000;

function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** Size, mtime and inode of every file, or null when one is missing. */
async function marksOf(files: readonly string[]): Promise<string | null> {
  const marks: string[] = [];
  for (const file of files) {
    try {
      const info = await stat(file);
      marks.push(`${info.ino}:${info.size}:${info.mtimeMs}`);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') return null;
      throw error;
    }
  }
  return marks.join('|');
}

export function createCsvFileTrigger(context: TriggerContext, options: CsvFileTriggerOptions): ChangeTrigger {
  const files = [...new Set(options.files)];
  const names = new Set(files.map((file) => basename(file)));
  const pollMs = options.pollMs ?? defaultFilePollMs;
  let closed = false;
  const settler = createSettler({
    timers: context.timers,
    marks: () => marksOf(files),
    onSettled: () => {
      if (!closed) context.onChange();
    },
    onError: (error) => context.log.warn(`Roster could not look at ${files.join(', ')}: ${String(error)}`),
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    ...(options.checkMs !== undefined ? { checkMs: options.checkMs } : {}),
  });

  const watchers: FSWatcher[] = [];
  for (const folder of new Set(files.map((file) => dirname(file)))) {
    try {
      const watcher = watch(folder, { persistent: false }, (_event, name) => {
        // No name (some platforms): it may be ours.
        if (name === null || names.has(basename(String(name)))) settler.poke();
      });
      watcher.on('error', (error) => {
        context.log.warn(
          `Watching ${folder} stopped (${String(error)}); Roster keeps checking the files every ${pollMs / 1000} s.`,
        );
        watcher.close();
      });
      watchers.push(watcher);
    } catch (error) {
      // A folder that is gone or not watchable: the poll below still notices the files.
      context.log.warn(
        `Roster cannot watch ${folder} (${String(error)}); it checks the files every ${pollMs / 1000} s.`,
      );
    }
  }

  let lastSeen: string | null | undefined;
  let pollTimer: TimerHandle | null = null;
  function poll(): void {
    pollTimer = null;
    marksOf(files).then(
      (mark) => {
        if (closed) return;
        if (lastSeen !== undefined && mark !== lastSeen && mark !== null) settler.poke();
        lastSeen = mark;
        pollTimer = context.timers.set(poll, pollMs);
      },
      () => {
        // The settler reports unreadable files when a change is seen; the poll just tries again.
        if (!closed) pollTimer = context.timers.set(poll, pollMs);
      },
    );
  }
  poll();

  return {
    watch: { kind: 'files', files: files.map((file) => basename(file)) },
    close() {
      closed = true;
      settler.close();
      for (const watcher of watchers) watcher.close();
      if (pollTimer) context.timers.clear(pollTimer);
      pollTimer = null;
      return Promise.resolve();
    },
  };
}
