import {
  maxAccountsPerAction,
  type AccountAction,
  type AccountActOutcome,
  type AccountActResult,
  type AccountRefusal,
  type AccountRow,
} from '@shared/domain/accounts';
import type { ObjectType } from '@shared/domain/schema';
import { closestMatch } from '@shared/expressions/suggest';
import type { RosterApp } from '../../app/create-app';
import { call, CliFailure, exitCodes } from '../cli-app';

/** The English of each refusal (the Accounts page shows the same in the app's language). */
const refusalText: Record<AccountRefusal, string> = {
  notInReport: 'not in the latest report: discover again',
  linked: 'linked to this job by now',
  noSourceMatch: 'no source object matches it',
  severalSources: 'several source objects match it',
  outOfScope: 'its source object is out of scope (once linked, the next cycle would deprovision it)',
  sourceGone: 'its source object is no longer in the source',
  sourceLinked: 'its source object is linked by now',
  targetLinked: 'another source object is linked to it by now',
  noLongerMatches: 'it no longer matches its source object',
  targetGone: 'it is no longer in the target',
  cannotDisable: 'this kind of account cannot be disabled in this target',
  failed: 'the target refused it',
};

const doneWord: Record<AccountAction, string> = { adopt: 'adopted', disable: 'disabled', leave: 'left' };

export function outcomeLine(action: AccountAction, outcome: AccountActOutcome): string {
  const head = `${(outcome.done ? doneWord[action] : 'refused').padEnd(9)}${outcome.objectType.padEnd(6)}${outcome.targetId}  ${outcome.displayName}`;
  if (outcome.done || outcome.refusal === null) return head;
  const message = outcome.message ? ` (${outcome.message})` : '';
  return `${head} — ${outcome.refusal}: ${refusalText[outcome.refusal]}${message}`;
}

/**
 * An account named on the command line: its id in the target, or else its key value or display
 * name when exactly one account of the report has it. Anything else is bad input naming the
 * argument, with the closest id or name of the report.
 */
export function resolveAccount(
  app: RosterApp,
  jobId: string,
  wanted: string,
  type: ObjectType | undefined,
): { objectType: ObjectType; targetId: string } {
  const types: ObjectType[] = type ? [type] : ['User', 'Group'];
  const byId = types.flatMap((t) => {
    const row = app.store.accounts.row(jobId, t, wanted);
    return row ? [row] : [];
  });
  if (byId.length > 1)
    throw new CliFailure(
      `"${wanted}" is the id of a user and of a group; say which with --type user or --type group.`,
      exitCodes.badInput,
    );
  const found = byId[0] ?? byName(app, jobId, wanted, type);
  if (found) return { objectType: found.objectType, targetId: found.targetId };
  const suggestion = closestMatch(wanted, namesOf(app.store.accounts.iterate(jobId, { objectType: type })));
  throw new CliFailure(
    `No account "${wanted}" in the latest report${suggestion === undefined ? '' : ` — did you mean "${suggestion}"?`} Give the account's id (the ID column of \`roster accounts list\`).`,
    exitCodes.badInput,
  );
}

function byName(
  app: RosterApp,
  jobId: string,
  wanted: string,
  type: ObjectType | undefined,
): AccountRow | null {
  const lower = wanted.toLowerCase();
  const same = [...app.store.accounts.iterate(jobId, { objectType: type, search: lower })].filter(
    (r) => r.keyValue?.toLowerCase() === lower || r.displayName.toLowerCase() === lower,
  );
  if (same.length > 1)
    throw new CliFailure(
      `${same.length} accounts are named "${wanted}": give one of their ids (${same
        .slice(0, 5)
        .map((r) => r.targetId)
        .join(', ')}${same.length > 5 ? ', …' : ''}).`,
      exitCodes.badInput,
    );
  return same[0] ?? null;
}

function* namesOf(rows: Iterable<AccountRow>): Iterable<string> {
  for (const row of rows) {
    yield row.targetId;
    yield row.displayName;
    if (row.keyValue) yield row.keyValue;
  }
}

/**
 * `roster accounts adopt|disable|leave <job> <account>…`: the Accounts page's command
 * (accounts.act) — the job's lease, a provisioning log entry per account under one run id, one
 * audit entry — in batches of at most 500 accounts, one run each.
 */
export async function actFromCli(
  app: RosterApp,
  job: { id: string; name: string },
  action: AccountAction,
  accounts: readonly { objectType: ObjectType; targetId: string }[],
  json: boolean,
): Promise<number> {
  const results: AccountActResult[] = [];
  for (let i = 0; i < accounts.length; i += maxAccountsPerAction) {
    const batch = accounts.slice(i, i + maxAccountsPerAction);
    const result = (await call(app, 'accounts.act', {
      jobId: job.id,
      action,
      accounts: batch,
    })) as AccountActResult;
    results.push(result);
    if (!json) for (const outcome of result.outcomes) console.log(outcomeLine(action, outcome));
  }
  const outcomes = results.flatMap((r) => r.outcomes);
  const acted = outcomes.filter((o) => o.done).length;
  if (json) console.log(JSON.stringify(results.map(({ runId, outcomes: o }) => ({ runId, outcomes: o }))));
  else {
    const runs = results.map((r) => r.runId).join(', ');
    console.log(
      `${doneWord[action][0]?.toUpperCase()}${doneWord[action].slice(1)} ${acted} of ${outcomes.length} accounts of ${job.name}. The provisioning log has them under run ${runs}.`,
    );
  }
  return acted === outcomes.length ? exitCodes.ok : exitCodes.failed;
}
