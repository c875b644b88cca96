import type { AccountAction, AccountActOutcome, AccountRow } from '@shared/domain/accounts';
import { RosterError } from '@shared/domain/errors';
import { refusal } from '@shared/domain/error-messages';
import type { ObjectType } from '@shared/domain/schema';
import { say } from '@shared/domain/log-messages';
import { isConnectorError, type SourceConnector, type TargetConnector } from '../../connectors/connector';
import type { LeaseOwner } from '../../store/leases-repo';
import type { Store } from '../../store/store';
import { runBounded } from '../bounded-pool';
import type { ConnectorFactory } from '../connector-factory';
import { mappingsOf, schemaIndex } from '../cycle-setup';
import { MappingEvaluator } from '../mapping-evaluator';
import { acquireOnDemandLock } from '../on-demand-lock';
import { accountLog, type ActionRun } from './account-log';
import { adoptAccount, readSourceForAdoption } from './adopt-account';
import { done, refused, type AccountActionContext } from './account-outcome';

export interface AccountActionDeps {
  store: Store;
  connectors: ConnectorFactory;
  clock: () => Date;
  /** This process, as the lease names it to whoever is refused meanwhile. */
  owner: Omit<LeaseOwner, 'ownerId'>;
  leaseTtlMs: number;
}

export interface AccountActionRequest extends ActionRun {
  action: AccountAction;
  accounts: readonly { objectType: ObjectType; targetId: string }[];
}

/**
 * An admin's action on accounts of the discovery report (issue 12 item 5): adopt (link, as matching
 * would; the next cycle updates the account), disable, or leave alone. Each account is checked
 * again against the store and the target before anything is done — the report may be old — and
 * each action writes a provisioning log entry under one run id, like a cycle. The whole action
 * holds the job's lease, so it is refused while a cycle of the job runs (in any process) and no
 * cycle starts while it acts (on-demand-lock.ts).
 */
export async function actOnAccounts(
  deps: AccountActionDeps,
  request: AccountActionRequest,
): Promise<AccountActOutcome[]> {
  const { store, clock } = deps;
  const job = store.jobs.get(request.jobId);
  if (!job) throw refusal('notFound', 'jobMissingShort', { id: request.jobId });

  let lock;
  try {
    lock = await acquireOnDemandLock({
      leases: store.leases,
      jobId: job.id,
      jobName: job.name,
      owner: {
        ...deps.owner,
        label: `${request.action} of discovered accounts by ${request.initiatedBy.displayName} in ${deps.owner.label}`,
      },
      clock,
      ttlMs: deps.leaseTtlMs,
      waitMs: 0,
      signal: new AbortController().signal,
      onWait: () => undefined,
    });
  } catch (error) {
    if (error instanceof RosterError)
      throw new RosterError('conflict', error.message, {
        reason: 'jobBusy',
        ...(typeof error.details === 'object' ? error.details : {}),
      });
    throw error;
  }

  let source: SourceConnector | null = null;
  let target: TargetConnector | null = null;
  try {
    const opened = await deps.connectors.open(job);
    source = opened.source;
    target = opened.target;
    const ctx: AccountActionContext = {
      store,
      clock,
      job,
      run: request,
      target,
      targetName: opened.targetName,
    };
    const rows = request.accounts.map((a) => ({
      ...a,
      row: store.accounts.row(job.id, a.objectType, a.targetId),
    }));
    const adoption =
      request.action === 'adopt'
        ? await readSourceForAdoption(
            source,
            job,
            mappingsOf(job),
            new MappingEvaluator(schemaIndex(job.config.targetSchema)),
          )
        : null;
    await source.close?.();
    source = null;

    const outcomes: AccountActOutcome[] = [];
    await runBounded(rows, job.config.settings.maxConcurrency, async ({ objectType, targetId, row }) => {
      if (lock.signal.aborted) {
        outcomes.push(refused(objectType, targetId, row, 'failed', String(lock.signal.reason)));
        return;
      }
      if (!row) {
        outcomes.push(refused(objectType, targetId, null, 'notInReport'));
        return;
      }
      // Linked since the report was made: the job manages it now.
      const link = store.links.byTargetId(job.id, objectType, targetId);
      if (link) {
        store.accounts.updateRow(job.id, objectType, targetId, { accountClass: 'linked' });
        outcomes.push(refused(objectType, targetId, row, 'linked'));
        return;
      }
      const outcome =
        request.action === 'adopt' && adoption
          ? await adoptAccount(ctx, adoption, row)
          : request.action === 'disable'
            ? await disableAccount(ctx, row)
            : leaveAccount(ctx, row);
      outcomes.push(outcome);
    });
    // Outcomes in the order the admin chose the accounts, whatever order they finished in.
    const order = new Map(request.accounts.map((a, i) => [`${a.objectType}\u0000${a.targetId}`, i]));
    outcomes.sort(
      (a, b) =>
        (order.get(`${a.objectType}\u0000${a.targetId}`) ?? 0) -
        (order.get(`${b.objectType}\u0000${b.targetId}`) ?? 0),
    );
    if (request.action === 'adopt' && outcomes.some((o) => o.done)) forceFullRead(store, job.id, clock());
    const counts = store.accounts.recount(job.id);
    const report = store.accounts.report(job.id);
    if (report) store.accounts.progress(job.id, report.listed, report.expected, counts);
    return outcomes;
  } finally {
    await source?.close?.().catch(() => undefined);
    await target?.close?.().catch(() => undefined);
    lock.release();
  }
}

/**
 * An adopted object did not change in the source, so a delta read (a directory's USN or CSN) would
 * not bring it to the next cycle, which then would never update the account. A `full@` watermark
 * makes the next cycle read in full and compare every object's state, as after a configuration
 * change (run-cycle.ts); the read then stores the source's own watermark again.
 */
function forceFullRead(store: Store, jobId: string, now: Date): void {
  const watermark = store.jobs.get(jobId)?.watermark ?? null;
  if (watermark === null || watermark.startsWith('full@')) return;
  store.jobs.setWatermark(jobId, `full@${now.toISOString()}`, now.toISOString());
}

/**
 * Disable: `active` false at the target (§8), for an account no link of this job manages. The
 * write is idempotent, so it needs no write-ahead intent; the log entry records it either way.
 */
async function disableAccount(ctx: AccountActionContext, row: AccountRow): Promise<AccountActOutcome> {
  const { store, job, run } = ctx;
  if (row.objectType !== 'User' || !ctx.target.capabilities().softDelete)
    return refused(row.objectType, row.targetId, row, 'cannotDisable');
  const log = accountLog(run, row);
  log.action = 'disable';
  log.step('processing', 'success', `Disable chosen by ${run.initiatedBy.displayName}`, {
    messageCode: 'AccountDiscovery.disableChosen',
  });
  let outcome: AccountActOutcome;
  try {
    await ctx.target.setActive(row.objectType, row.targetId, false);
    log.step('export', 'success', `Disabled in ${ctx.targetName}`, { targetId: row.targetId });
    outcome = done(row);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const gone = isConnectorError(error) && error.errorClass === 'notFound';
    // An LDAP target says it can disable until it has met its server; without a disable attribute
    // (and not AD) the write is refused, which is this target's "cannot disable", not a failure.
    const cannot = isConnectorError(error) && error.code === 'DisableNotConfigured';
    log.step('export', 'failure', message);
    log.fail(isConnectorError(error) ? error.code : 'InternalError', message, {
      recommendedAction: say(gone ? 'adviceAccountGone' : 'adviceCheckTargetAnswer'),
    });
    outcome = refused(
      row.objectType,
      row.targetId,
      row,
      gone ? 'targetGone' : cannot ? 'cannotDisable' : 'failed',
      message,
    );
  }
  const at = ctx.clock();
  store.transaction(() => {
    store.log.insertMany([log.build(at)]);
    if (outcome.done) {
      store.accounts.decide(
        job.id,
        row.objectType,
        row.targetId,
        'disabled',
        at.toISOString(),
        run.initiatedBy.displayName,
      );
      store.accounts.updateRow(job.id, row.objectType, row.targetId, { active: false });
    }
  });
  return outcome;
}

/** Leave: nothing changes at the target; the decision is kept, so later reports show it too. */
function leaveAccount(ctx: AccountActionContext, row: AccountRow): AccountActOutcome {
  const { store, job, run } = ctx;
  const log = accountLog(run, row);
  log.step('processing', 'skipped', `Left alone by ${run.initiatedBy.displayName}`, {
    messageCode: 'AccountDiscovery.leftAlone',
  });
  log.step('export', 'skipped', 'Nothing is changed in the target', { reason: 'LeftAlone' });
  const at = ctx.clock();
  store.transaction(() => {
    store.log.insertMany([log.build(at)]);
    store.accounts.decide(
      job.id,
      row.objectType,
      row.targetId,
      'left',
      at.toISOString(),
      run.initiatedBy.displayName,
    );
  });
  return done(row);
}
