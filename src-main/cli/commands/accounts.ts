import type { Command } from 'commander';
import { accountActions, accountClasses, type AccountAction } from '@shared/domain/accounts';
import { CliFailure, exitCodes, findJob, withApp } from '../cli-app';
import { dataDirOption } from '../options';
import { checkOutPath } from '../out-file';
import { actFromCli, resolveAccount } from './accounts-act';
import { parseAccountClass, parseListFormat, parseObjectType } from './accounts-args';
import { discoverFromCli } from './accounts-discover';
import { writeAccountRows } from './accounts-list';

interface ListOptions {
  class?: string;
  type?: string;
  search?: string;
  format: string;
  out?: string;
  bom: boolean;
  dataDir?: string;
}

const actionHelp: Record<AccountAction, string> = {
  adopt: 'link accounts to the source objects they match; the next cycle updates them',
  disable: 'disable accounts no link of the job manages',
  leave: 'leave accounts as they are and keep that decision in later reports',
};

/**
 * `roster accounts discover|list|adopt|disable|leave` (issue 12 item 5): the Accounts page from a
 * shell, through the same commands — discovery, its stored report, and the actions with the job's
 * lease, the provisioning log and the audit. Exit 0 when everything was done, 1 when the work failed
 * or an account was refused, 2 on bad input.
 */
export function registerAccountsCommand(program: Command): void {
  const accounts = program
    .command('accounts')
    .description('the target’s own accounts: discover, list and act on the accounts the job does not manage');

  accounts
    .command('discover <job>')
    .description('list every account of the job’s target and classify it against the job')
    .option('--json', 'print the finished report as JSON')
    .addOption(dataDirOption())
    .action((name: string, opts: { json?: boolean; dataDir?: string }) =>
      withApp(opts.dataDir, (app) => discoverFromCli(app, findJob(app, name), opts.json ?? false)),
    );

  accounts
    .command('list <job>')
    .description('print the latest report’s accounts')
    .option('--class <class>', `only this class: ${accountClasses.join(', ')}`)
    .option('--type <type>', 'only users or only groups: user, group')
    .option('--search <words>', 'only accounts whose id, names or source contain these words')
    .option('--format <format>', 'table, csv or json', 'table')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--no-bom', 'CSV file without the UTF-8 byte order mark')
    .addOption(dataDirOption())
    .action((name: string, opts: ListOptions) =>
      withApp(opts.dataDir, async (app) => {
        const accountClass = opts.class === undefined ? undefined : parseAccountClass(opts.class);
        const objectType = opts.type === undefined ? undefined : parseObjectType(opts.type);
        const format = parseListFormat(opts.format);
        if (opts.out) checkOutPath(opts.out);
        const job = findJob(app, name);
        const report = app.store.accounts.report(job.id);
        if (!report)
          throw new CliFailure(
            `${job.name} has no account report yet: run \`roster accounts discover "${job.name}"\` first.`,
            exitCodes.badInput,
          );
        if (report.status !== 'completed')
          process.stderr.write(
            `Note: the latest discovery of ${job.name} (${report.startedAt}) is ${report.status === 'running' ? 'still running or was interrupted' : report.status}; its ${report.listed} accounts may not be all.\n`,
          );
        const rows = app.store.accounts.iterate(job.id, {
          accountClass,
          objectType,
          search: opts.search?.toLowerCase(),
        });
        const written = await writeAccountRows(rows, {
          format,
          bom: opts.bom,
          jobName: job.name,
          ...(opts.out ? { out: opts.out } : {}),
        });
        if (opts.out) console.log(`Wrote ${written} accounts to ${opts.out}.`);
      }),
    );

  for (const action of accountActions) {
    accounts
      .command(`${action} <job> <account...>`)
      .description(`${actionHelp[action]} (accounts by id, or by key or name when only one has it)`)
      .option('--type <type>', 'the accounts are users or groups (when an id is both): user, group')
      .option('--json', 'print the run ids and every account’s outcome as JSON')
      .addOption(dataDirOption())
      .action((name: string, wanted: string[], opts: { type?: string; json?: boolean; dataDir?: string }) =>
        withApp(opts.dataDir, async (app) => {
          const objectType = opts.type === undefined ? undefined : parseObjectType(opts.type);
          const job = findJob(app, name);
          if (!app.store.accounts.report(job.id))
            throw new CliFailure(
              `${job.name} has no account report yet: run \`roster accounts discover "${job.name}"\` first.`,
              exitCodes.badInput,
            );
          const chosen = wanted.map((w) => resolveAccount(app, job.id, w, objectType));
          const unique = [...new Map(chosen.map((a) => [`${a.objectType}\u0000${a.targetId}`, a])).values()];
          return actFromCli(app, job, action, unique, opts.json ?? false);
        }),
      );
  }
}
