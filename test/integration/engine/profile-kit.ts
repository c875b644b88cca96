import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectionSettingsFromProfile, type AppProfile } from '@shared/domain/app-profile';
import type { JobConfig, JobSettings } from '@shared/domain/jobs';
import type { CycleSummary } from '@shared/domain/provisioning';
import { readAppProfile } from '../../../src-main/app/apps/app-profiles';
import { profileJobDefaults } from '../../../src-main/app/apps/profile-job';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { createJob } from '../../../src-main/app/jobs/job-store';
import type { ScimmyPeer } from '../../peers/scimmy-server';
import { makeTempDir } from '../temp-dir';
import { employeesCsv, type Employee } from './engine-kit';

const bundled = join(__dirname, '../../../resources/apps');
const fixtures = join(__dirname, '../../fixtures/apps');

/** A bundled profile (resources/apps) or a test family's (test/fixtures/apps), through the real loader. */
export function loadProfile(id: string): AppProfile {
  for (const dir of [bundled, fixtures]) {
    const result = readAppProfile(join(dir, `${id}.json`));
    if ('profile' in result) return result.profile;
    if (!result.problem.message.includes('ENOENT')) throw new Error(result.problem.message);
  }
  throw new Error(`No profile ${id}`);
}

/**
 * A real Roster app whose SCIM connection and job are made from an app profile the way the gallery
 * makes them (connectionSettingsFromProfile, apps.jobDefaults' profileJobDefaults), with an HR file
 * as the source and a quirk peer as the target.
 */
export class ProfileKit {
  readonly dir = makeTempDir('roster-profile-');
  readonly csvPath = join(this.dir.path, 'hr.csv');
  app!: RosterApp;
  jobId!: string;
  config!: JobConfig;
  /** How far the app's clock runs ahead of the real one (escrow retries fall due on it). */
  private offsetMs = 0;

  constructor(
    readonly peer: ScimmyPeer,
    readonly profile: AppProfile,
  ) {}

  private async ok(command: string, input: unknown): Promise<unknown> {
    const result = await this.app.dispatch(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
    return result.value;
  }

  /** `configure` changes the job the profile made before it is saved (a test's own matching, say). */
  async start(
    rows: readonly Employee[],
    settings: Partial<JobSettings> = {},
    configure: (config: JobConfig) => JobConfig = (config) => config,
  ): Promise<void> {
    this.writeCsv(rows);
    this.app = createApp({
      dataDir: join(this.dir.path, 'data'),
      mode: 'cli',
      osUser: 'tester',
      logger: { info() {}, warn() {}, error() {} },
      clock: () => new Date(Date.now() + this.offsetMs),
    });
    await this.ok('connections.create', {
      name: 'HR',
      kind: 'csv',
      settings: {
        path: this.csvPath,
        keyColumn: 'employeeId',
        displayNameColumn: 'displayName',
        managerColumn: 'manager',
        statusColumn: 'status',
        groupsColumn: 'groups',
        groupsSeparator: ';',
      },
    });
    const connection = connectionSettingsFromProfile(this.profile, this.peer.baseUrl);
    if (!connection.ok) throw new Error(connection.message);
    await this.ok('connections.create', {
      name: 'App',
      kind: 'scim',
      settings: connection.settings,
      secrets: { bearerToken: this.peer.token },
    });
    const { config } = await profileJobDefaults(this.app.context, this.profile, 'HR → App', 'HR', 'App');
    this.config = configure({ ...config, settings: { ...config.settings, ...settings } });
    this.jobId = createJob(this.app.context, this.config).id;
  }

  /** Moves the app's clock on, so an escrowed object's retry falls due. */
  later(ms: number): void {
    this.offsetMs += ms;
  }

  writeCsv(rows: readonly Employee[]): void {
    writeFileSync(this.csvPath, employeesCsv(rows));
  }

  sync(): Promise<CycleSummary> {
    return this.app.engine.run(this.jobId, {
      dryRun: false,
      initiatedBy: { type: 'admin', displayName: 'tester' },
    });
  }

  /** The target id Roster linked a source object to, or undefined. */
  linked(anchor: string, type: 'User' | 'Group' = 'User'): string | undefined {
    return this.app.store.links.get(this.jobId, type, anchor)?.targetId;
  }

  /** The stored user the server holds for a source anchor (read at the server, not through Roster). */
  storedUser(anchor: string): Record<string, unknown> | undefined {
    const id = this.linked(anchor);
    return id === undefined ? undefined : this.peer.storedUser(id);
  }

  /** The target ids of a group's members as the server stores them. */
  storedMembers(anchor: string): string[] {
    const id = this.linked(anchor, 'Group');
    const group = id === undefined ? undefined : this.peer.storedGroup(id);
    const members = (group?.['members'] ?? []) as { value: string }[];
    return members.map((m) => m.value).sort();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.peer.stop();
    this.dir.remove();
  }
}
