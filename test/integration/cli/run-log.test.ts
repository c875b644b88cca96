import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRunLog } from '../../../src-main/cli/run-log';
import { makeTempDir } from '../temp-dir';

describe("roster run's log file", () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir('roster-run-log-')));
  afterEach(() => dir.remove());

  it('lives in <data folder>/logs, owner-only', () => {
    const log = openRunLog(dir.path);
    log.append('first line');
    expect(log.path).toBe(join(dir.path, 'logs', 'roster-run.log'));
    expect(statSync(join(dir.path, 'logs')).mode & 0o777).toBe(0o700);
    expect(statSync(log.path).mode & 0o777).toBe(0o600);
    expect(readFileSync(log.path, 'utf8')).toBe('first line\n');
  });

  it('rotates by size, keeps the given number of old files, and never splits a line', () => {
    const log = openRunLog(dir.path, { maxBytes: 40, keep: 2 });
    const lines = Array.from({ length: 10 }, (_, i) => `cycle ${i} completed ok`); // 23 bytes with \n
    for (const line of lines) log.append(line);
    const logs = join(dir.path, 'logs');
    expect(readdirSync(logs).sort()).toEqual(['roster-run.log', 'roster-run.log.1', 'roster-run.log.2']);
    // One line per file (two would pass 40 bytes); the newest three survive, in order.
    expect(readFileSync(join(logs, 'roster-run.log'), 'utf8')).toBe('cycle 9 completed ok\n');
    expect(readFileSync(join(logs, 'roster-run.log.1'), 'utf8')).toBe('cycle 8 completed ok\n');
    expect(readFileSync(join(logs, 'roster-run.log.2'), 'utf8')).toBe('cycle 7 completed ok\n');
  });

  it('keeps appending to the same file below the size', () => {
    const log = openRunLog(dir.path, { maxBytes: 1000 });
    log.append('a');
    openRunLog(dir.path, { maxBytes: 1000 }).append('b');
    expect(readFileSync(log.path, 'utf8')).toBe('a\nb\n');
  });
});
