import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jobConfigSchema } from '@shared/domain/jobs';
import { defaultUserMappings, genericScimTargetSchema } from '@shared/domain/scim-template';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { createJob } from '../../../src-main/app/jobs/job-store';
import type { ScimPeer } from '../../peers/scim-request-log';
import { FakeTime } from '../../unit/main/scheduler/fake-time';
import { employeesCsv, type Employee } from '../engine/engine-kit';
import { makeTempDir } from '../temp-dir';

/**
 * A real Roster app (SQLite, keyring, a CSV source, a real SCIM server) whose scheduler and engine run
 * on fake time: the test advances the clock, the cycles themselves are real.
 */
export class ScheduledApp {
  readonly dir = makeTempDir('roster-scheduler-');
  readonly csvPath = join(this.dir.path, 'hr.csv');
  readonly time = new FakeTime('2026-03-02T09:00:00.000Z');
  app!: RosterApp;
  jobId!: string;

  constructor(readonly peer: ScimPeer) {}

  async start(rows: readonly Employee[], intervalMinutes: number): Promise<void> {
    this.writeCsv(rows);
    this.app = createApp({
      dataDir: join(this.dir.path, 'data'),
      mode: 'browser',
      osUser: 'tester',
      clock: this.time.now,
      schedulerTime: { timers: this.time, monotonicMs: this.time.monotonicMs },
      logger: { info() {}, warn() {}, error() {} },
    });
    await this.ok('connections.create', {
      name: 'HR',
      kind: 'csv',
      settings: {
        path: this.csvPath,
        keyColumn: 'employeeId',
        displayNameColumn: 'displayName',
        statusColumn: 'status',
      },
    });
    await this.ok('connections.create', {
      name: 'App',
      kind: 'scim',
      settings: { baseUrl: this.peer.baseUrl, authType: 'bearer' },
      secrets: { bearerToken: this.peer.token },
    });
    const config = jobConfigSchema.parse({
      name: 'HR → App',
      sourceConnection: 'HR',
      targetConnection: 'App',
      // The interval schedule alone, on fake time: a watched file would start cycles on real
      // fs.watch events (fast deprovisioning has its own tests, fast-deprovisioning-*.test.ts).
      settings: { scope: 'all', intervalMinutes, watchSource: false },
      objectMappings: [
        {
          name: 'Users',
          sourceObject: 'User',
          targetObject: 'User',
          attributeMappings: defaultUserMappings({
            userName: 'email',
            externalId: 'employeeId',
            displayName: 'displayName',
            givenName: 'givenName',
            surname: 'surname',
            mail: 'email',
          }),
        },
      ],
      targetSchema: genericScimTargetSchema,
    });
    this.jobId = createJob(this.app.context, config).id;
  }

  async ok(command: string, input: unknown): Promise<unknown> {
    const result = await this.app.dispatch(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
    return result.value;
  }

  writeCsv(rows: readonly Employee[]): void {
    writeFileSync(this.csvPath, employeesCsv(rows));
  }

  /** Fake minutes pass; then every cycle they started runs to its end for real. */
  async advanceMinutes(minutes: number): Promise<void> {
    await this.time.advanceMinutes(minutes);
    await this.app.scheduler.idle();
  }

  cycles() {
    return this.app.store.cycles.forJob(this.jobId, 100).reverse();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.peer.stop();
    this.dir.remove();
  }
}
