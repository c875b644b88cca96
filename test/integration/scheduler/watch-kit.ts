/**
 * A real Roster app on real time (the scheduler's own timers, fs.watch, real cycles) with a real
 * SCIM server as the target: for fast deprovisioning, where the latency from a source change to the
 * target's write is the thing measured.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { jobConfigSchema, type JobConfigInput } from '@shared/domain/jobs';
import type { JobDetail } from '@shared/domain/job-view';
import { createApp, type CreateAppOptions, type RosterApp } from '../../../src-main/app/create-app';
import { createJob } from '../../../src-main/app/jobs/job-store';
import type { ScimmyPeer } from '../../peers/scimmy-server';
import { makeTempDir } from '../temp-dir';

export class WatchKit {
  readonly dir = makeTempDir('roster-watch-');
  readonly app: RosterApp;
  jobId = '';
  readonly warnings: string[] = [];

  constructor(
    readonly peer: ScimmyPeer,
    watchTiming?: NonNullable<CreateAppOptions['schedulerTime']>['watchTiming'],
  ) {
    this.app = createApp({
      dataDir: join(this.dir.path, 'data'),
      mode: 'browser',
      osUser: 'tester',
      logger: { info() {}, warn: (m) => this.warnings.push(m), error: (m) => this.warnings.push(m) },
      ...(watchTiming ? { schedulerTime: { watchTiming } } : {}),
    });
  }

  async ok(command: string, input: unknown): Promise<unknown> {
    const result = await this.app.dispatch(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
    return result.value;
  }

  async targetConnection(): Promise<void> {
    await this.ok('connections.create', {
      name: 'App',
      kind: 'scim',
      settings: { baseUrl: this.peer.baseUrl, authType: 'bearer' },
      secrets: { bearerToken: this.peer.token },
    });
  }

  job(config: JobConfigInput): void {
    this.jobId = createJob(this.app.context, jobConfigSchema.parse(config)).id;
  }

  /** Start the job and wait for its initial cycle to end. */
  async startJob(): Promise<void> {
    await this.ok('jobs.start', { id: this.jobId });
    await this.app.scheduler.idle();
  }

  detail(): Promise<JobDetail> {
    return this.ok('jobs.get', { id: this.jobId }) as Promise<JobDetail>;
  }

  cycles() {
    return this.app.store.cycles.forJob(this.jobId, 100).reverse();
  }

  targetIdOf(anchor: string): string {
    const link = this.app.store.links.get(this.jobId, 'User', anchor);
    if (!link) throw new Error(`${anchor} is not linked`);
    return link.targetId;
  }

  /**
   * Resolves with the time (ms, performance.now) the first PATCH or DELETE of `/Users/<id>` arrived
   * at the server. The server records requests as they arrive; looking every 5 ms bounds the error.
   */
  async writeArrival(targetId: string, timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    const path = `/Users/${targetId}`;
    while (performance.now() < deadline) {
      if (this.peer.requests.some((r) => (r.method === 'PATCH' || r.method === 'DELETE') && r.path === path))
        return performance.now();
      await sleep(5);
    }
    throw new Error(`No PATCH or DELETE of ${path} within ${timeoutMs} ms`);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.peer.stop();
    this.dir.remove();
  }
}
