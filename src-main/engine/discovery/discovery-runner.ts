/**
 * One account discovery per job across processes (issue 12): the app, `roster accounts discover` and
 * browser mode share the data folder, and two discoveries of one job would clear and fill the same
 * report at once. A discovery claims the job's report row (accounts-repo.ts claimReport, migration
 * 014) and says it is still at work while it runs; a second process is refused with who holds it, as
 * a cycle is refused while another process holds the job's lease (engine.ts). Discovery takes no job
 * lease: it only reads, and a cycle may run meanwhile.
 *
 * A runner is gone — and its report may be taken over — when its process provably ended (same host,
 * no such pid) or when it has not been heard from for `discoverySilenceMs`, which covers another
 * host and a hung process. It says it is at work every `discoveryHeartbeatMs`, also while it reads
 * the source, so a slow source read never looks like silence.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { RosterError } from '@shared/domain/errors';
import { sayError } from '@shared/domain/error-messages';
import type { DiscoveryHolder, DiscoveryRunner } from '../../store/accounts-repo';
import { localLiveness, type LeaseLiveness } from '../../store/leases-repo';
import type { Store } from '../../store/store';

export const discoveryHeartbeatMs = 30_000;
export const discoverySilenceMs = 5 * 60_000;

export function newDiscoveryRunner(label = 'a Roster process'): DiscoveryRunner {
  return { runnerId: randomUUID(), label, pid: process.pid, host: hostname() };
}

export function runnerIsGone(
  holder: DiscoveryHolder,
  now: Date,
  liveness: LeaseLiveness = localLiveness,
): boolean {
  if (holder.host === liveness.host && !liveness.isAlive(holder.pid)) return true;
  return now.getTime() - Date.parse(holder.heardAt) > discoverySilenceMs;
}

function timeOfDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

export function discoveryRefusal(jobName: string, holder: DiscoveryHolder): RosterError {
  const said = sayError('discoveryHeldElsewhere', {
    job: jobName,
    label: holder.label,
    pid: String(holder.pid),
    host: holder.host,
    sinceTime: timeOfDay(new Date(holder.since)),
  });
  return new RosterError('conflict', said.message, {
    reason: 'discoveryRunning',
    said: said.said,
    holder: {
      label: holder.label,
      pid: holder.pid,
      host: holder.host,
      since: holder.since,
      heardAt: holder.heardAt,
    },
  });
}

/** Takes the job's report for `runner`, or throws the refusal naming who holds it. */
export function claimDiscovery(
  deps: { store: Store; clock: () => Date; liveness?: LeaseLiveness },
  job: { id: string; name: string },
  runner: DiscoveryRunner,
  startedBy: string,
): void {
  const now = deps.clock();
  const result = deps.store.accounts.claimReport(job.id, runner, now.toISOString(), startedBy, (holder) =>
    runnerIsGone(holder, now, deps.liveness),
  );
  if (!result.claimed) throw discoveryRefusal(job.name, result.holder);
}
