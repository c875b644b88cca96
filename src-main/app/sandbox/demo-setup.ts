import {
  defaultGroupMappings,
  defaultUserMappings,
  genericScimTargetSchema,
} from '@shared/domain/scim-template';
import { jobConfigSchema, type JobConfig } from '@shared/domain/jobs';
import type { AppContext } from '../context';
import { connectionHandlers } from '../handlers/connection-handlers';
import { createJob, updateJob } from '../jobs/job-store';
import { toJobConfig } from '../jobs/job-views';
import { resourcePath } from '../resources';
import { ensureSandboxConnection, sandboxConnectionName } from './sandbox-connection';

export const demoSourceName = 'Demo HR file (CSV)';
export const demoJobName = 'Demo: HR file → Roster Sandbox';

/** The demo CSV's columns (resources/demo/README.md) as a CSV connection reads them. */
export function demoCsvSettings(path: string): Record<string, unknown> {
  return {
    path,
    encoding: 'auto',
    delimiter: 'auto',
    keyColumn: 'employeeId',
    multiValueSeparator: ';',
    displayNameColumn: 'displayName',
    givenNameColumn: 'givenName',
    surnameColumn: 'surname',
    managerColumn: 'manager',
    statusColumn: 'status',
    groupsColumn: 'groups',
    groupsSeparator: ';',
  };
}

export function demoJobConfig(sourceName: string, targetName: string): JobConfig {
  return jobConfigSchema.parse({
    name: demoJobName,
    sourceConnection: sourceName,
    targetConnection: targetName,
    // The sandbox runs in this process on loopback: the default pace (25 requests/s, set for SaaS
    // apps' limits) would make the demo's first cycle take half a minute for 200 people.
    settings: { scope: 'all', intervalMinutes: 40, maxRequestsPerSecond: 200 },
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
          mobile: 'mobile',
          department: 'department',
          employeeId: 'employeeId',
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
  });
}

/**
 * "Try with demo data": the sandbox, a CSV connection to the bundled demo file, a job between them
 * with the default SCIM mappings, started on its schedule, which runs the first cycle at once (answers
 * at once; the cycle reports by events).
 * Running it again repairs what is missing.
 */
export async function setUpDemo(ctx: AppContext): Promise<{ jobId: string }> {
  const jobId = await setUpDemoJob(ctx);
  // Started like any job (issue 9): the first start runs the initial cycle at once, then the job
  // runs on its schedule. Set up again, it runs a cycle now (never a second one at a time).
  ctx.scheduler.startJob(jobId, ctx.osUser);
  ctx.scheduler.runNow(jobId, ctx.osUser);
  return { jobId };
}

/** The sandbox, the demo CSV connection and the demo job, created or repaired; returns the job id. */
export async function setUpDemoJob(ctx: AppContext): Promise<string> {
  await ensureSandboxConnection(ctx);
  const csvPath = resourcePath('demo', 'employees.csv');
  const handlers = connectionHandlers(ctx);
  const source = ctx.store.connections.findByName(demoSourceName);
  if (!source)
    await handlers['connections.create']({
      name: demoSourceName,
      kind: 'csv',
      settings: demoCsvSettings(csvPath),
      secrets: {},
    });
  else if (source.settings['path'] !== csvPath)
    await handlers['connections.update']({ id: source.id, settings: demoCsvSettings(csvPath), secrets: {} });
  const config = demoJobConfig(demoSourceName, sandboxConnectionName);
  const existing = ctx.store.jobs.findByName(demoJobName);
  const job = existing
    ? updateJob(ctx, existing.id, config, toJobConfig(ctx, existing))
    : createJob(ctx, config);
  return job.id;
}
