import type { Command } from 'commander';
import { setUpDemoJob } from '../../app/sandbox/demo-setup';
import { exitCodes, withApp } from '../cli-app';
import { dataDirOption } from '../options';
import { cycleSummaryLine } from './sync';

/**
 * `roster demo`: the Dashboard's "Try with demo data" from the command line — the Roster Sandbox, a CSV
 * connection to the bundled demo HR file, a job between them, and one cycle.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('set up the demo (Roster Sandbox + demo HR file + a job) and run one cycle')
    .option('--dry-run', 'plan only')
    .addOption(dataDirOption())
    .action((opts: { dataDir?: string; dryRun?: boolean }) =>
      withApp(opts.dataDir, async (app) => {
        const jobId = await setUpDemoJob(app.context);
        const cycle = await app.engine.run(jobId, {
          dryRun: opts.dryRun === true,
          initiatedBy: { type: 'admin', displayName: app.context.osUser },
        });
        console.log(cycleSummaryLine(cycle));
        if (cycle.error) console.error(`${cycle.error.code}: ${cycle.error.message}`);
        const stats = app.context.sandbox.status().stats;
        if (stats)
          console.log(
            `Roster Sandbox now holds ${stats.users} users (${stats.activeUsers} active) and ${stats.groups} groups.`,
          );
        return cycle.status === 'completed' && cycle.counters.failed === 0 ? exitCodes.ok : exitCodes.failed;
      }),
    );
}
