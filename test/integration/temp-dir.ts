import { makeTempDirFor } from '../peers/temp';

/** A fresh folder per test, removed afterwards: every store test runs on a real SQLite file. */
export function makeTempDir(prefix = 'roster-test-'): { path: string; remove(): void } {
  return makeTempDirFor(prefix);
}
