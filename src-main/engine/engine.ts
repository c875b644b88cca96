import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { RosterError } from '@shared/domain/errors';
import { sayError } from '@shared/domain/error-messages';
import type { CycleProgress, CycleSummary } from '@shared/domain/provisioning';
import { leaseHolderDetails, type Lease, type LeaseOwner } from '../store/leases-repo';
import type { OnDemandResult } from '@shared/domain/on-demand';
import { provisionOnDemand, type OnDemandRequest } from './on-demand';
import { runCycle, type EngineDeps } from './run-cycle';

export interface Engine {
  /**
   * Runs one cycle now. One cycle per job at a time, across every process on the data folder: a
   * second request, here or in another process, is refused with `conflict` naming who runs it.
   */
  run(
    jobId: string,
    options: {
      dryRun: boolean;
      initiatedBy: { type: 'system' | 'admin'; displayName: string };
      /** Full work even over an unchanged source (engine/unchanged-source.ts). */
      full?: boolean;
    },
  ): Promise<CycleSummary>;
  /**
   * Provision on demand (§13): one user, or a group and up to five members, now. It holds the job's
   * lease while it runs, so no cycle runs the job meanwhile; a running cycle is waited for (up to
   * `request.waitMs`), naming its holder in a wait step. See on-demand-lock.ts.
   */
  provisionOnDemand(request: OnDemandRequest): Promise<OnDemandResult>;
  /** Cancels the job's running cycle: in-flight requests finish, no new object starts, no watermark is stored. */
  cancel(jobId: string): boolean;
  /** A cycle of the job runs now, in this process or in another one (a live lease). */
  isRunning(jobId: string): boolean;
  /** The `conflict` error `run` would throw now, or null when the job is free. For handlers that answer first. */
  refusal(jobId: string): RosterError | null;
  /** Jobs whose cycle runs in this process (the ones `cancel` can stop). */
  runningJobs(): string[];
  /**
   * Cancels every cycle this process runs and waits (at most `graceMs`) until each has ended: its
   * record written and its lease released while the store is still open, so another process can
   * take the job at once instead of waiting for the lease to expire.
   */
  stopAll(graceMs?: number): Promise<void>;
}

/** The lease lives this long unless renewed; renewed every third of it while the cycle runs. */
export const defaultLeaseTtlMs = 60_000;

export interface EngineOptions {
  onProgress?: (progress: CycleProgress) => void;
  /** Who this process is, as other processes will be told. Defaults to an unnamed Roster process. */
  owner?: LeaseOwner;
  leaseTtlMs?: number;
  /** Where a lost lease or a failed renewal is reported (the cycle record says it too). */
  warn?: (message: string) => void;
}

/** Thrown into the cycle's signal when another process took the lease over: the cycle must stop. */
export class LeaseLost extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LeaseLost';
  }
}

export function createEngine(deps: EngineDeps & EngineOptions): Engine {
  const running = new Map<string, AbortController>();
  /** Settles when the job's run() has returned or thrown (finally included). */
  const ended = new Map<string, Promise<void>>();
  const ttlMs = deps.leaseTtlMs ?? defaultLeaseTtlMs;
  const owner: LeaseOwner = deps.owner ?? {
    ownerId: randomUUID(),
    label: 'a Roster process',
    pid: process.pid,
    host: hostname(),
  };
  const { store, clock } = deps;
  /** Provision-on-demand runs in flight: stopAll cancels them and waits, like cycles. */
  const onDemand = new Map<AbortController, Promise<unknown>>();

  const jobName = (jobId: string) => store.jobs.get(jobId)?.name ?? `Job ${jobId}`;

  const heldElsewhere = (jobId: string, holder: Lease): RosterError => {
    const now = clock();
    const expires = new Date(holder.expiresAt);
    const seconds = Math.max(0, Math.ceil((expires.getTime() - now.getTime()) / 1000));
    const said = sayError('jobHeldElsewhere', {
      job: jobName(jobId),
      label: holder.label,
      pid: String(holder.pid),
      host: holder.host,
      sinceTime: timeOfDay(new Date(holder.acquiredAt)),
      expiresTime: timeOfDay(expires),
      seconds: String(seconds),
    });
    return new RosterError('conflict', said.message, {
      said: said.said,
      holder: leaseHolderDetails(holder),
    });
  };

  const refusal = (jobId: string): RosterError | null => {
    if (running.has(jobId)) {
      const said = sayError('cycleAlreadyRunning');
      return new RosterError('conflict', said.message, { said: said.said });
    }
    const holder = store.leases.liveHolder(jobId, clock());
    return holder && holder.ownerId !== owner.ownerId ? heldElsewhere(jobId, holder) : null;
  };

  return {
    async run(jobId, options) {
      if (running.has(jobId)) throw refusal(jobId) as RosterError;
      // A missing job has nothing to lock (the lease row needs the job's row); runCycle says it is missing.
      if (!store.jobs.get(jobId))
        return runCycle(deps, jobId, { ...options, signal: new AbortController().signal });
      const controller = new AbortController();
      running.set(jobId, controller);
      let markEnded = () => {};
      ended.set(jobId, new Promise<void>((resolve) => (markEnded = resolve)));
      // An object, not a `let`: TypeScript does not see the timer callback assign it.
      const lease = { lost: null as string | null };
      let timer: NodeJS.Timeout | undefined;
      let held = false;
      try {
        const taken = store.leases.acquire(jobId, owner, clock(), ttlMs);
        if (!taken.acquired) throw heldElsewhere(jobId, taken.holder);
        held = true;
        if (taken.replaced && taken.replaced.ownerId !== owner.ownerId) {
          deps.warn?.(
            `Took over ${jobName(jobId)} from ${taken.replaced.label} (process ${taken.replaced.pid} on ` +
              `${taken.replaced.host}), whose lease had ${store.leases.stateOf(taken.replaced, clock()) === 'expired' ? 'expired' : 'no live process behind it'}.`,
          );
        }
        let validUntil = Date.parse(taken.lease.expiresAt);
        const lose = (reason: string) => {
          lease.lost = reason;
          clearInterval(timer);
          deps.warn?.(reason);
          controller.abort(new LeaseLost(reason));
        };
        // Renewing at a third of the TTL leaves two chances to renew before another process may take
        // over; unref() so a stuck renewal timer never keeps a CLI process alive on its own.
        timer = setInterval(() => {
          const now = clock();
          try {
            if (store.leases.renew(jobId, owner.ownerId, now, ttlMs)) {
              validUntil = now.getTime() + ttlMs;
              return;
            }
            const holder = store.leases.holder(jobId);
            lose(
              holder
                ? `${jobName(jobId)}: the lease was taken over by ${holder.label} (process ${holder.pid} on ` +
                    `host ${holder.host}) after this process failed to renew it in time; this cycle stops so two ` +
                    `processes never write the job at once.`
                : `${jobName(jobId)}: the lease was released by someone else; this cycle stops so two processes ` +
                    `never write the job at once.`,
            );
          } catch (error) {
            // The store was busy past its busy_timeout (another process's long write): try again at the
            // next tick, unless the lease has already run out and may be taken by now.
            if (now.getTime() >= validUntil)
              lose(
                `${jobName(jobId)}: the lease could not be renewed before it expired (${String(error)}); this ` +
                  `cycle stops so two processes never write the job at once.`,
              );
          }
        }, ttlMs / 3);
        timer.unref();

        let cycleNoted = false;
        const summary = await runCycle(deps, jobId, {
          ...options,
          signal: controller.signal,
          onProgress: (progress) => {
            // The cycle id appears with the first progress report; the lease names it for whoever is refused.
            if (!cycleNoted) {
              cycleNoted = true;
              store.leases.setCycle(jobId, owner.ownerId, progress.cycleId);
            }
            deps.onProgress?.(progress);
          },
        });
        if (lease.lost !== null && summary.status !== 'completed') {
          // The cycle only saw an abort; its record should say why.
          store.cycles.setError(summary.id, { code: 'LeaseLost', message: lease.lost });
          return store.cycles.get(summary.id) ?? summary;
        }
        return summary;
      } finally {
        clearInterval(timer);
        if (held) {
          try {
            store.leases.release(jobId, owner.ownerId);
          } catch (error) {
            // Not fatal: the lease expires on its own, and this owner may take its own lease again.
            deps.warn?.(`Could not release the lease of ${jobName(jobId)}: ${String(error)}`);
          }
        }
        running.delete(jobId);
        ended.delete(jobId);
        markEnded();
      }
    },
    provisionOnDemand(request) {
      const controller = new AbortController();
      const done = provisionOnDemand(
        { ...deps, owner: { label: owner.label, pid: owner.pid, host: owner.host }, leaseTtlMs: ttlMs },
        { ...request, signal: AbortSignal.any([request.signal, controller.signal]) },
      ).finally(() => onDemand.delete(controller));
      onDemand.set(
        controller,
        done.catch(() => undefined),
      );
      return done;
    },
    cancel(jobId) {
      const controller = running.get(jobId);
      controller?.abort();
      return controller !== undefined;
    },
    isRunning: (jobId) => refusal(jobId) !== null,
    refusal,
    runningJobs: () => [...running.keys()],
    async stopAll(graceMs = 10_000) {
      const waits = [...ended.values(), ...onDemand.values()];
      for (const controller of running.values()) controller.abort();
      for (const controller of onDemand.keys()) controller.abort();
      if (waits.length === 0) return;
      let timer: NodeJS.Timeout | undefined;
      // Bounded: a request stuck past its own timeout must not keep the app from closing.
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs).unref()));
      await Promise.race([Promise.all(waits), grace]);
      clearTimeout(timer);
    },
  };
}

/** Local wall-clock time, hh:mm:ss: what the admin's own clock shows. */
function timeOfDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}
