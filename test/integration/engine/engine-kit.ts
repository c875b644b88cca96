import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jobConfigSchema, type JobConfigInput } from '@shared/domain/jobs';
import type { CycleSummary } from '@shared/domain/provisioning';
import {
  defaultGroupMappings,
  defaultUserMappings,
  genericScimTargetSchema,
} from '@shared/domain/scim-template';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { createJob } from '../../../src-main/app/jobs/job-store';
import type { ScimPeer } from '../../peers/scim-request-log';
import { makeTempDir } from '../temp-dir';

export interface Employee {
  employeeId: string;
  givenName: string;
  surname: string;
  email: string;
  department?: string;
  jobTitle?: string;
  manager?: string;
  status?: string;
  groups?: string;
}

const columns = [
  'employeeId',
  'givenName',
  'surname',
  'displayName',
  'email',
  'department',
  'jobTitle',
  'manager',
  'status',
  'groups',
] as const;

function cell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function employeesCsv(rows: readonly Employee[]): string {
  const lines = rows.map((r) =>
    columns.map((c) => cell(c === 'displayName' ? `${r.givenName} ${r.surname}` : (r[c] ?? ''))).join(','),
  );
  return `${columns.join(',')}\n${lines.join('\n')}\n`;
}

export function employee(n: number, extra: Partial<Employee> = {}): Employee {
  const id = `E${String(n).padStart(4, '0')}`;
  return {
    employeeId: id,
    givenName: `Given${n}`,
    surname: `Family${n}`,
    email: `user${n}@example.com`,
    department: 'Sales',
    jobTitle: 'Rep',
    ...extra,
  };
}

/**
 * A real Roster app (SQLite in a temp dir, the private keyring) with a CSV source and a SCIM target
 * pointing at a real third-party SCIM server, and a job between them with the default mappings.
 */
export class EngineKit {
  readonly dir = makeTempDir('roster-engine-');
  readonly csvPath = join(this.dir.path, 'hr.csv');
  app!: RosterApp;
  jobId!: string;

  constructor(
    readonly peer: ScimPeer,
    /** The app's clock (escrow and quarantine schedules on fake time); the real one by default. */
    readonly clock?: () => Date,
  ) {}

  async start(
    rows: readonly Employee[],
    overrides: Partial<JobConfigInput> & { settings?: JobConfigInput['settings'] } = {},
  ): Promise<void> {
    this.writeCsv(rows);
    this.app = createApp({
      dataDir: join(this.dir.path, 'data'),
      mode: 'cli',
      osUser: 'tester',
      logger: { info() {}, warn() {}, error() {} },
      ...(this.clock ? { clock: this.clock } : {}),
    });
    const ok = async (command: string, input: unknown) => {
      const result = await this.app.dispatch(command, input);
      if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
      return result.value;
    };
    await ok('connections.create', {
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
    await ok('connections.create', {
      name: 'App',
      kind: 'scim',
      settings: { baseUrl: this.peer.baseUrl, authType: 'bearer' },
      secrets: { bearerToken: this.peer.token },
    });
    const config = jobConfigSchema.parse({
      name: 'HR → App',
      sourceConnection: 'HR',
      targetConnection: 'App',
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
            jobTitle: 'jobTitle',
            mail: 'email',
            department: 'department',
            manager: 'manager',
          }),
        },
        {
          name: 'Groups',
          sourceObject: 'Group',
          targetObject: 'Group',
          attributeMappings: defaultGroupMappings(),
        },
      ],
      targetSchema: genericScimTargetSchema,
      ...overrides,
      settings: { scope: 'all', maxConcurrency: 4, ...(overrides.settings ?? {}) },
    });
    this.jobId = createJob(this.app.context, config).id;
  }

  writeCsv(rows: readonly Employee[]): void {
    writeFileSync(this.csvPath, employeesCsv(rows));
  }

  async sync(dryRun = false): Promise<CycleSummary> {
    return this.app.engine.run(this.jobId, { dryRun, initiatedBy: { type: 'admin', displayName: 'tester' } });
  }

  updateSettings(settings: Partial<JobConfigInput['settings'] & object>): void {
    const job = this.app.store.jobs.get(this.jobId);
    if (!job) throw new Error('job gone');
    job.config.settings = { ...job.config.settings, ...settings };
    this.app.store.jobs.update(job);
  }

  writes(): { method: string; path: string; body: unknown }[] {
    return this.peer.requests.filter((r) => r.method !== 'GET');
  }

  targetIdOf(anchor: string, type: 'User' | 'Group' = 'User'): string {
    const link = this.app.store.links.get(this.jobId, type, anchor);
    if (!link) throw new Error(`${anchor} is not linked`);
    return link.targetId;
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.peer.stop();
    this.dir.remove();
  }
}
