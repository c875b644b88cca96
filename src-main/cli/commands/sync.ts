import type { Command } from 'commander';
import type { CycleSummary } from '@shared/domain/provisioning';
import { startSandboxIfTarget } from '../../app/sandbox/sandbox-connection';
import { exportPlan } from '../../reports/plan-export';
import { findJob, withApp } from '../cli-app';
import { cycleExitCode } from '../cycle-exit-code';
import { dataDirOption } from '../options';
import { checkOutPath } from '../out-file';

export function cycleSummaryLine(cycle: CycleSummary): string {
  const c = cycle.counters;
  const seconds = cycle.endedAt
    ? ((Date.parse(cycle.endedAt) - Date.parse(cycle.startedAt)) / 1000).toFixed(1)
    : '?';
  const parts = [
    `${c.read} read`,
    `${c.inScope} in scope`,
    `${c.created} created`,
    `${c.updated} updated`,
    `${c.enabled} enabled`,
    `${c.disabled} disabled`,
    `${c.deleted} deleted`,
    `${c.unchanged} unchanged`,
    `${c.skipped} skipped`,
    `${c.failed} failed`,
  ];
  if (c.staged) parts.push(`${c.staged} held back by the deletion threshold`);
  if (c.membershipRequests) parts.push(`${c.membershipRequests} membership requests`);
  if (c.escrowWaiting) parts.push(`${c.escrowWaiting} waiting for their escrow retry`);
  return `${cycle.dryRun ? 'Dry run' : 'Cycle'} ${cycle.id} (${cycle.kind}) ${cycle.status} in ${seconds} s: ${parts.join(', ')}.`;
}

/**
 * `roster sync <job>`: one cycle now; exit 0 on success, 1 when it stopped or objects failed, 2 on bad
 * input (an unknown job, or source data that must be fixed first: see cycle-exit-code.ts).
 */
export function registerSyncCommand(program: Command): void {
  program
    .command('sync <job>')
    .description('run one provisioning cycle of a job now')
    .option('--dry-run', 'plan only: read the source and the target, write nothing')
    .option('--plan-out <file.csv>', 'with --dry-run: write the plan to this CSV file')
    .option('--full', 'evaluate every object even when the source is unchanged since the last cycle')
    .addOption(dataDirOption())
    .action((name: string, opts: { dataDir?: string; dryRun?: boolean; planOut?: string; full?: boolean }) =>
      withApp(opts.dataDir, async (app) => {
        if (opts.planOut) checkOutPath(opts.planOut, '--plan-out');
        const job = findJob(app, name);
        await startSandboxIfTarget(app.context, job.targetConnectionId);
        const cycle = await app.engine.run(job.id, {
          dryRun: opts.dryRun === true,
          full: opts.full === true,
          initiatedBy: { type: 'admin', displayName: app.context.osUser },
        });
        console.log(cycleSummaryLine(cycle));
        if (cycle.error) console.error(`${cycle.error.code}: ${cycle.error.message}`);
        if (opts.dryRun) {
          const planned = app.store.plans.count(cycle.id);
          console.log(`${planned} planned action(s).`);
          if (opts.planOut) {
            const file = await exportPlan(app.store.plans.iterate(cycle.id), {
              path: opts.planOut,
              format: 'csv',
              bom: true,
            });
            console.log(`Plan written to ${file.path} (${file.rows} rows).`);
          }
        }
        return cycleExitCode(cycle);
      }),
    );
}
