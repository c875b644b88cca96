import type { Command } from 'commander';
import { exportLogEntries } from '../../reports/log-export';
import { CliFailure, exitCodes, findJob, withApp } from '../cli-app';
import { dataDirOption } from '../options';
import { checkOutPath } from '../out-file';

/** `roster logs export <job> --format csv|json --out <file> [--cycle <id>]`, streamed from SQLite. */
export function registerLogsCommand(program: Command): void {
  const logs = program.command('logs').description('provisioning logs');
  logs
    .command('export <job>')
    .description('export a job’s provisioning log (flat CSV that opens in Excel, or the JSON entries)')
    .requiredOption('--out <file>', 'file to write')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--cycle <id>', 'only this cycle')
    .option('--no-bom', 'CSV without the UTF-8 byte order mark')
    .addOption(dataDirOption())
    .action(
      (name: string, opts: { dataDir?: string; out: string; format: string; cycle?: string; bom: boolean }) =>
        withApp(opts.dataDir, async (app) => {
          if (opts.format !== 'csv' && opts.format !== 'json')
            throw new CliFailure(`--format must be csv or json, not "${opts.format}"`, exitCodes.badInput);
          checkOutPath(opts.out);
          const job = findJob(app, name);
          const cycle = opts.cycle ? app.store.cycles.get(opts.cycle) : null;
          if (opts.cycle && cycle?.jobId !== job.id)
            throw new CliFailure(`Job "${job.name}" has no cycle ${opts.cycle}.`, exitCodes.badInput);
          const [file] = await exportLogEntries(
            app.store.log.iterate({ jobId: job.id, ...(opts.cycle ? { cycleId: opts.cycle } : {}) }),
            {
              dir: '.',
              baseName: 'unused',
              path: opts.out,
              format: opts.format,
              bom: opts.bom,
              systems: () => ({ source: '', target: '' }),
            },
          );
          console.log(`Wrote ${file?.rows ?? 0} log entries to ${file?.path ?? opts.out}.`);
        }),
    );
}
