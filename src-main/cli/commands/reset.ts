import type { Command } from 'commander';
import { call, findJob, withApp } from '../cli-app';
import { dataDirOption } from '../options';

/** `roster reset <job> [--full]`: restart (keep links) or full reset (forget links too), §12. */
export function registerResetCommand(program: Command): void {
  program
    .command('reset <job>')
    .description('restart a job: the next cycle is an initial one (links kept); --full also forgets links')
    .option('--full', 'also clear links: every object is matched again')
    .addOption(dataDirOption())
    .action((name: string, opts: { dataDir?: string; full?: boolean }) =>
      withApp(opts.dataDir, async (app) => {
        const job = findJob(app, name);
        await call(app, 'jobs.reset', { id: job.id, full: opts.full === true });
        console.log(
          opts.full
            ? `Reset "${job.name}": links, state and watermark cleared.`
            : `Restarted "${job.name}": the next cycle is an initial one; links kept.`,
        );
      }),
    );
}
