import { randomUUID } from 'node:crypto';
import { InvalidArgumentError, type Command } from 'commander';
import {
  defaultOnDemandWaitSeconds,
  maxOnDemandMembers,
  type OnDemandResult,
} from '@shared/domain/on-demand';
import { startSandboxIfTarget } from '../../app/sandbox/sandbox-connection';
import { CliFailure, exitCodes, findJob, withApp } from '../cli-app';
import { resultLine, stepLines } from '../on-demand-lines';
import { dataDirOption } from '../options';

interface ProvisionOptions {
  user?: string;
  group?: string;
  members?: string[];
  wait: number;
  json?: boolean;
  dataDir?: string;
}

/** Failures a second run cannot get past without other input: exit 2, like any bad input. */
const badInputCodes = new Set(['NotFound', 'Ambiguous', 'GroupsNotMapped']);

function parseMembers(value: string): string[] {
  const members = value
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '');
  if (members.length > maxOnDemandMembers)
    throw new InvalidArgumentError(`at most ${maxOnDemandMembers} members, not ${members.length}`);
  return members;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 600)
    throw new InvalidArgumentError(`--wait must be 0–600 seconds, not "${value}"`);
  return seconds;
}

/**
 * `roster provision <job> --user <key|email|name>` or `--group <name> [--members a,b]` (§13): one
 * object through the whole pipeline now, printing each step as it happens. Exit 0 when it succeeded
 * or had nothing to do, 1 when the action failed or the job stayed busy, 2 on bad input (no such
 * user — with the closest names —, several of them, a group where groups are not provisioned).
 */
export function registerProvisionCommand(program: Command): void {
  program
    .command('provision <job>')
    .description('provision one user, or one group with up to 5 members, now (outside the schedule)')
    .option('--user <key|email|name>', 'the user: source key, email, user name or display name')
    .option('--group <name>', 'the group: source key or display name')
    .option('--members <a,b,…>', `with --group: up to ${maxOnDemandMembers} of its members`, parseMembers)
    .option(
      '--wait <seconds>',
      'how long to wait for a running cycle of the job (0: refuse at once)',
      parseSeconds,
      defaultOnDemandWaitSeconds,
    )
    .option('--json', 'print the steps and the result as JSON lines')
    .addOption(dataDirOption())
    .action((name: string, opts: ProvisionOptions) =>
      withApp(opts.dataDir, async (app) => {
        if ((opts.user === undefined) === (opts.group === undefined))
          throw new CliFailure('Give either --user <key|email|name> or --group <name>.', exitCodes.badInput);
        if (opts.members && !opts.group)
          throw new CliFailure('--members goes with --group.', exitCodes.badInput);
        const job = findJob(app, name);
        await startSandboxIfTarget(app.context, job.targetConnectionId);
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        let result: OnDemandResult;
        try {
          result = await app.engine.provisionOnDemand({
            runId: randomUUID(),
            jobId: job.id,
            kind: opts.group !== undefined ? 'group' : 'user',
            query: opts.group ?? opts.user ?? '',
            members: opts.members ?? [],
            waitMs: opts.wait * 1000,
            initiatedBy: { type: 'admin', displayName: app.context.osUser },
            onStep: (step) => console.log(opts.json ? JSON.stringify({ step }) : stepLines(step).join('\n')),
            signal: stop.signal,
          });
        } finally {
          process.off('SIGINT', onSignal);
        }
        if (opts.json) console.log(JSON.stringify({ result: { ...result, steps: undefined } }));
        else {
          if (result.error) {
            console.error(`${result.error.code}: ${result.error.message}`);
            console.error(`What to do: ${result.error.recommendedAction}`);
          }
          console.log(resultLine(result));
        }
        if (result.error && badInputCodes.has(result.error.code)) return exitCodes.badInput;
        return result.status === 'failure' || result.status === 'warning' ? exitCodes.failed : exitCodes.ok;
      }),
    );
}
