import type { AccountReport, AccountReportWarning } from '@shared/domain/accounts';
import { emptyAccountCounts } from '@shared/domain/accounts';
import { RosterError } from '@shared/domain/errors';
import { refusal } from '@shared/domain/error-messages';
import type { ObjectType } from '@shared/domain/schema';
import {
  ConnectorError,
  isConnectorError,
  type SourceConnector,
  type TargetConnector,
} from '../../connectors/connector';
import type { DiscoveryRunner, NewAccountRow } from '../../store/accounts-repo';
import type { Store } from '../../store/store';
import type { ConnectorFactory } from '../connector-factory';
import { mappingsOf, schemaIndex } from '../cycle-setup';
import { MappingEvaluator } from '../mapping-evaluator';
import { matchingMappings } from '../object-mappings';
import { classifyAccount, type LinkedSource } from './classify';
import { claimDiscovery, discoveryHeartbeatMs, newDiscoveryRunner } from './discovery-runner';
import { buildSourceIndex } from './source-index';

export interface DiscoveryDeps {
  store: Store;
  connectors: ConnectorFactory;
  clock: () => Date;
  /** Who runs it, named to a second process that is refused (discovery-runner.ts); default a fresh one. */
  runner?: DiscoveryRunner;
}

export interface DiscoveryRequest {
  jobId: string;
  /** Who asked (the OS user of the app, or the CLI's). */
  startedBy: string;
  signal: AbortSignal;
  /** The report as it grows, at most every `progressMs` (and once at the end). */
  onProgress?: (report: AccountReport) => void;
  progressMs?: number;
}

/** Another process took the report over (this one was silent past discoverySilenceMs). */
export class DiscoveryTakenOver extends Error {
  constructor() {
    super('Another Roster process took this account discovery over; its report is the one shown.');
    this.name = 'DiscoveryTakenOver';
  }
}

export class DiscoveryCancelled extends Error {
  constructor() {
    super('Account discovery was cancelled');
    this.name = 'DiscoveryCancelled';
  }
}

/**
 * Account discovery (issue 12 item 5): every account of the job's target, users and (when the job
 * provisions groups) groups, listed page by page and classified against the job in memory
 * (classify.ts) — no request per account. Each page's rows are written to the store before the next
 * page is asked for, so memory holds the source index and the links (they grow with the source),
 * one page of accounts, and the list's own set of ids seen — never the whole target.
 *
 * Discovery only reads: it takes no job lease, so a cycle may run meanwhile; it holds the job's report
 * instead (discovery-runner.ts), so a second process discovering the same job is refused. An account a cycle links
 * while the list is read is checked against the store's links as its page is classified, and the
 * actions on the report check everything again before they act.
 */
export async function discoverAccounts(
  deps: DiscoveryDeps,
  request: DiscoveryRequest,
): Promise<AccountReport> {
  const { store, clock } = deps;
  const job = store.jobs.get(request.jobId);
  if (!job) throw refusal('notFound', 'jobMissingShort', { id: request.jobId });
  const jobId = job.id;
  const startedAt = clock().toISOString();
  const runner = deps.runner ?? newDiscoveryRunner();
  // Before the first await: the caller reads the running report as soon as this returns its promise.
  claimDiscovery(deps, job, runner, request.startedBy);
  /** Whether this run still holds the report (false once another process took it over). */
  const stillHolds = () => store.accounts.heard(jobId, runner.runnerId, clock().toISOString());
  const heartbeat = setInterval(() => void stillHolds(), discoveryHeartbeatMs);
  heartbeat.unref();

  const counts = emptyAccountCounts();
  const warnings: AccountReportWarning[] = [];
  let listed = 0;
  const totals = new Map<ObjectType, number>();
  // False while a list that does not say its length (LDAP) is read: the report then says "unknown".
  let totalsKnown = true;
  const expected = () =>
    !totalsKnown || totals.size === 0 ? null : [...totals.values()].reduce((a, b) => a + b, 0);
  const snapshot = (
    status: AccountReport['status'],
    error: AccountReport['error'] = null,
  ): AccountReport => ({
    jobId,
    status,
    startedAt,
    endedAt: status === 'running' ? null : clock().toISOString(),
    startedBy: request.startedBy,
    listed,
    expected: expected(),
    counts: { ...counts },
    warnings: [...warnings],
    error,
  });
  let lastTold = 0;
  const tell = (force = false) => {
    const now = Date.now();
    if (!force && now - lastTold < (request.progressMs ?? 250)) return;
    lastTold = now;
    if (!stillHolds()) throw new DiscoveryTakenOver();
    store.accounts.progress(jobId, listed, expected(), counts);
    request.onProgress?.(snapshot('running'));
  };
  const throwIfCancelled = () => {
    if (request.signal.aborted) throw new DiscoveryCancelled();
  };

  let source: SourceConnector | null = null;
  let target: TargetConnector | null = null;
  try {
    const opened = await deps.connectors.open(job);
    source = opened.source;
    target = opened.target;
    const list = target.listAll?.bind(target);
    if (!list)
      throw new ConnectorError(
        'stopCycle',
        'ListNotSupported',
        `${opened.targetName} cannot list its accounts, so they cannot be discovered.`,
      );
    const mappings = mappingsOf(job);
    const evaluator = new MappingEvaluator(schemaIndex(job.config.targetSchema));
    const links = store.links.forJob(jobId);
    const linked = new Map<string, LinkedSource>(
      links.map((l) => [
        `${l.objectType}\u0000${l.targetId}`,
        { anchor: l.anchor, displayName: l.displayName },
      ]),
    );
    const index = await buildSourceIndex({
      source,
      job,
      mappings,
      evaluator,
      links,
      signal: request.signal,
    });
    await source.close?.();
    source = null;
    throwIfCancelled();
    tell(true);

    const readsActive = target.capabilities().softDelete;
    const linkOf = (type: ObjectType, targetId: string): LinkedSource | null => {
      const known = linked.get(`${type}\u0000${targetId}`);
      if (known) return known;
      // Linked since the snapshot (a cycle runs meanwhile): the store is the truth.
      const live = store.links.byTargetId(jobId, type, targetId);
      return live ? { anchor: live.anchor, displayName: live.displayName } : null;
    };

    for (const type of ['User', 'Group'] as const) {
      const mapping = type === 'User' ? mappings.User : mappings.Group;
      if (!mapping) continue;
      const matchPaths = [...new Set(matchingMappings(mapping).map((m) => m.target))];
      const paths = [...new Set([...matchPaths, ...(type === 'User' && readsActive ? ['active'] : [])])];
      const ctx = { index, matchPaths, linkOf, readsActive };
      let listedOfType = 0;
      try {
        for await (const page of list(type, paths)) {
          throwIfCancelled();
          if (page.total !== null) totals.set(type, page.total);
          else totalsKnown = false;
          const rows: NewAccountRow[] = page.objects.map((account) => classifyAccount(type, account, ctx));
          // Rows go only into a report this run still holds, never into the one that took it over.
          if (!stillHolds()) throw new DiscoveryTakenOver();
          store.accounts.insertRows(jobId, rows);
          for (const row of rows) {
            counts[row.accountClass]++;
            if (type === 'User') counts.users++;
            else counts.groups++;
          }
          listed += rows.length;
          listedOfType += rows.length;
          tell();
        }
      } catch (error) {
        // Every page was read, but the list changed meanwhile (accounts created or deleted by
        // someone): the report stands, with a warning to run it again for an exact count.
        if (!(isConnectorError(error) && error.code === 'InconsistentList')) throw error;
        warnings.push({
          code: 'listChanged',
          objectType: type,
          listed: listedOfType,
          expected: totals.get(type) ?? null,
        });
      }
      // A list that did not say its length is as long as what it gave, once it is read to its end.
      if (!totals.has(type)) totals.set(type, listedOfType);
      totalsKnown = true;
    }
    // Accounts listed twice (a list that shifted) were written once: the counts come from the rows.
    const final = store.accounts.recount(jobId);
    Object.assign(counts, final);
    listed = final.users + final.groups;
    return finish(snapshot('completed'));
  } catch (error) {
    if (error instanceof DiscoveryTakenOver) {
      const report = snapshot('failed', { code: 'TakenOver', message: error.message });
      request.onProgress?.(report);
      return report;
    }
    if (error instanceof DiscoveryCancelled || request.signal.aborted)
      return finish(
        snapshot('cancelled', { code: 'Cancelled', message: 'Account discovery was cancelled.' }),
      );
    const code = isConnectorError(error)
      ? error.code
      : error instanceof RosterError
        ? error.code
        : 'InternalError';
    const message = error instanceof Error ? error.message : String(error);
    return finish(snapshot('failed', { code, message }));
  } finally {
    clearInterval(heartbeat);
    await source?.close?.().catch(() => undefined);
    await target?.close?.().catch(() => undefined);
  }

  function finish(report: AccountReport): AccountReport {
    // Another process that took the report over owns its end as well.
    if (stillHolds()) store.accounts.finishReport(jobId, report);
    request.onProgress?.(report);
    return report;
  }
}
