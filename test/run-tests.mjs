// Runs every vitest project (unit, integration, e2e) and ends with the one line CI reads:
// "N passed, N failed". Extra arguments go to vitest (for example: --project unit).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = join(import.meta.dirname, '..', 'test-results');
const resultsFile = join(resultsDir, 'vitest.json');
mkdirSync(resultsDir, { recursive: true });
rmSync(resultsFile, { force: true });

const run = spawnSync(
  process.execPath,
  [
    join('node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${resultsFile}`,
    // The bench project is `npm run bench`, never part of the test run.
    ...(process.argv.length > 2
      ? process.argv.slice(2)
      : ['--project', 'unit', '--project', 'integration', '--project', 'e2e']),
  ],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  // A file that fails before any test runs (an import error) counts as a failure too.
  if (failed === 0) failed = report.numFailedTestSuites ?? 0;
  skipped = report.numPendingTests + (report.numTodoTests ?? 0);
} catch {
  failed = 1; // vitest did not even write a report
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
