import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AccountReport } from '@shared/domain/accounts';
import { refusal } from '@shared/domain/error-messages';
import { actOnAccounts } from '../../engine/discovery/account-actions';
import { discoverAccounts } from '../../engine/discovery/discover-accounts';
import {
  claimDiscovery,
  discoveryRefusal,
  newDiscoveryRunner,
  runnerIsGone,
} from '../../engine/discovery/discovery-runner';
import { defaultLeaseTtlMs } from '../../engine/engine';
import { exportAccounts } from '../../reports/accounts-export';
import type { JobRecord } from '../../store/jobs-repo';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import { exportResult, exportsDir, exportStamp } from '../handlers/log-handlers';
import type { HandlerGroup } from '../handlers/types';
import { startSandboxIfTarget } from '../sandbox/sandbox-connection';

type AccountCommands =
  | 'accounts.discover'
  | 'accounts.cancel'
  | 'accounts.report'
  | 'accounts.rows'
  | 'accounts.act'
  | 'exports.accounts';

const auditActionOf = {
  adopt: 'job.accountsAdopt',
  disable: 'job.accountsDisable',
  leave: 'job.accountsLeave',
} as const;

/** The audit entry lists at most this many accounts by name; the count says the rest. */
const auditedAccounts = 100;

/**
 * Account discovery for the UI and the CLI (issue 12 item 5): start (answers at once; progress and
 * the end go out as events), cancel, the stored report and its rows in pages, the admin's actions
 * with an audit entry each, and the CSV export.
 */
export function accountsHandlers(ctx: AppContext): HandlerGroup<AccountCommands> {
  /** Discoveries running in this process, per job. */
  const running = new Map<string, AbortController>();
  /**
   * This app instance as the runner of its discoveries: another process is refused with these words.
   * Made on first use: the handlers are built before the context is complete (and in tests without it).
   */
  let ownRunner: ReturnType<typeof newDiscoveryRunner> | null = null;
  const runner = () => (ownRunner ??= newDiscoveryRunner(ownerLabel(ctx)));

  /** Another process's discovery of the job that still runs, or null. */
  function elsewhere(jobId: string) {
    const holder = ctx.store.accounts.runner(jobId);
    if (!holder || holder.runnerId === runner().runnerId) return null;
    return runnerIsGone(holder, ctx.clock()) ? null : holder;
  }

  function mustGet(jobId: string): JobRecord {
    const job = ctx.store.jobs.get(jobId);
    if (!job) throw refusal('notFound', 'jobMissing', { id: jobId });
    return job;
  }

  /** A report left 'running' by a process that ended (a crash, a closed window) is shown as interrupted. */
  function reportOf(jobId: string): AccountReport | null {
    const report = ctx.store.accounts.report(jobId);
    if (!report || report.status !== 'running' || running.has(jobId) || elsewhere(jobId)) return report;
    return {
      ...report,
      status: 'failed',
      error: { code: 'Interrupted', message: 'The discovery stopped before it finished; run it again.' },
    };
  }

  return {
    'accounts.discover': async ({ jobId }) => {
      const job = mustGet(jobId);
      if (running.has(jobId))
        throw refusal(
          'conflict',
          'discoveryAlreadyRunning',
          { job: job.name },
          { reason: 'discoveryRunning' },
        );
      await startSandboxIfTarget(ctx, job.targetConnectionId);
      // Refused here, with who holds it, when another process discovers this job.
      claimDiscovery(ctx, job, runner(), ctx.osUser);
      const controller = new AbortController();
      running.set(jobId, controller);
      // discoverAccounts stores the running report before its first await: the answer is that report.
      void discoverAccounts(
        { store: ctx.store, connectors: ctx.connectors, clock: ctx.clock, runner: runner() },
        {
          jobId,
          startedBy: ctx.osUser,
          signal: controller.signal,
          onProgress: (report) =>
            ctx.events.emit(report.status === 'running' ? 'accounts.progress' : 'accounts.finished', report),
        },
      )
        .catch((error: unknown) => ctx.log.error(`Account discovery of ${job.name} failed: ${String(error)}`))
        .finally(() => running.delete(jobId));
      const report = ctx.store.accounts.report(jobId);
      if (!report) throw refusal('internal', 'accountReportNotStored');
      return report;
    },
    'accounts.cancel': async ({ jobId }) => {
      const controller = running.get(jobId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'accounts.report': async ({ jobId }) => {
      mustGet(jobId);
      return reportOf(jobId);
    },
    'accounts.rows': async ({ jobId, accountClass, objectType, search, afterSeq, limit }) => {
      mustGet(jobId);
      return ctx.store.accounts.page(jobId, { accountClass, objectType, search }, afterSeq, limit);
    },
    'accounts.act': async ({ jobId, action, accounts }) => {
      const job = mustGet(jobId);
      if (running.has(jobId))
        throw refusal('conflict', 'discoveryBusyAct', { job: job.name }, { reason: 'discoveryRunning' });
      const holder = elsewhere(jobId);
      if (holder) throw discoveryRefusal(job.name, holder);
      await startSandboxIfTarget(ctx, job.targetConnectionId);
      const runId = randomUUID();
      const outcomes = await actOnAccounts(
        {
          store: ctx.store,
          connectors: ctx.connectors,
          clock: ctx.clock,
          owner: { label: ownerLabel(ctx), pid: process.pid, host: hostname() },
          leaseTtlMs: defaultLeaseTtlMs,
        },
        {
          jobId,
          runId,
          action,
          accounts,
          initiatedBy: { type: 'admin', displayName: ctx.osUser },
        },
      );
      const acted = outcomes.filter((o) => o.done);
      if (acted.length > 0) {
        recordAudit(ctx, {
          action: auditActionOf[action],
          targetType: 'job',
          targetId: job.id,
          targetName: job.name,
          before: null,
          after: {
            runId,
            count: acted.length,
            accounts: acted
              .slice(0, auditedAccounts)
              .map((o) => ({ objectType: o.objectType, targetId: o.targetId, displayName: o.displayName })),
            ...(acted.length > auditedAccounts ? { more: acted.length - auditedAccounts } : {}),
          },
        });
        // Links and the log changed: job pages refresh their counts.
        ctx.events.emit('jobs.changed', { id: job.id });
      }
      return { runId, outcomes, report: reportOf(jobId) };
    },
    'exports.accounts': async ({ jobId, accountClass, bom }) => {
      const job = mustGet(jobId);
      if (!ctx.store.accounts.report(jobId)) throw refusal('notFound', 'noAccountReport', { job: job.name });
      const file = await exportAccounts(ctx.store.accounts.iterate(jobId, { accountClass }), {
        dir: exportsDir(ctx),
        baseName: `accounts_${exportStamp(ctx.clock())}`,
        jobName: job.name,
        bom,
      });
      return exportResult([file]);
    },
  };
}

function ownerLabel(ctx: AppContext): string {
  if (ctx.info.mode === 'electron') return 'the Roster app';
  if (ctx.info.mode === 'browser') return 'the Roster app in browser mode';
  return 'the roster command';
}
