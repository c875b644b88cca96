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
    settings: { scope: 'all', intervalMinutes: 40 },
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
 * with the default SCIM mappings, and a first cycle (answers at once; the cycle reports by events).
 * Running it again repairs what is missing.
 */
export async function setUpDemo(ctx: AppContext): Promise<{ jobId: string }> {
  const jobId = await setUpDemoJob(ctx);
  if (!ctx.engine.isRunning(jobId)) {
    void ctx.engine
      .run(jobId, { dryRun: false, initiatedBy: { type: 'admin', displayName: ctx.osUser } })
      .then((cycle) => {
        ctx.events.emit('jobs.cycleFinished', cycle);
        ctx.events.emit('jobs.changed', { id: jobId });
      })
      .catch((error: unknown) => ctx.log.error(`The demo cycle failed: ${String(error)}`));
  }
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
