import { randomUUID } from 'node:crypto';
import { type RosterError } from '@shared/domain/errors';
import { refusal } from '@shared/domain/error-messages';
import type { JobConfig } from '@shared/domain/jobs';
import type { ConnectionRecord } from '../../store/connections-repo';
import type { JobRecord } from '../../store/jobs-repo';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import { validateJobConfig } from './job-validation';
import { assertTargetCanDisable } from './target-disable';

const sourceKinds = new Set(['csv', 'ldap']);
const targetKinds = new Set(['scim', 'ldap']);

function connectionNamed(ctx: AppContext, name: string, role: 'source' | 'target'): ConnectionRecord {
  const connection = ctx.store.connections.findByName(name);
  if (!connection) {
    throw refusal(
      'invalidInput',
      role === 'source' ? 'sourceConnectionMissing' : 'targetConnectionMissing',
      { name },
      {
        issues: [
          {
            path: role === 'source' ? 'sourceConnection' : 'targetConnection',
            message: 'No such connection',
          },
        ],
      },
    );
  }
  const allowed = role === 'source' ? sourceKinds : targetKinds;
  if (!allowed.has(connection.kind)) {
    throw refusal(
      'invalidInput',
      role === 'source' ? 'connectionNotASource' : 'connectionNotATarget',
      { name, kind: connection.kind.toUpperCase() },
      {
        issues: [
          {
            path: role === 'source' ? 'sourceConnection' : 'targetConnection',
            message: `A ${connection.kind} connection cannot be a ${role}`,
          },
        ],
      },
    );
  }
  return connection;
}

/** What changes the meaning of links and state: a change here starts a new initial cycle (§3.3). */
function needsInitialCycle(before: JobRecord['config'], after: JobRecord['config']): boolean {
  return (
    JSON.stringify(before.objectMappings) !== JSON.stringify(after.objectMappings) ||
    JSON.stringify(before.assignments) !== JSON.stringify(after.assignments) ||
    before.settings.scope !== after.settings.scope ||
    before.settings.expandNestedGroups !== after.settings.expandNestedGroups
  );
}

function splitConfig(config: JobConfig): JobRecord['config'] {
  const { settings, assignments, objectMappings, targetSchema } = config;
  return { settings, assignments, objectMappings, targetSchema };
}

/** The name is taken: by a job, or by a setup the wizard left unfinished (not in the Jobs list). */
function nameTaken(name: string, holder: JobRecord): RosterError {
  return holder.preview
    ? refusal(
        'conflict',
        'jobNameHeldBySetup',
        { name },
        { issues: [{ path: 'name', message: 'Held by an unfinished setup' }] },
      )
    : refusal(
        'conflict',
        'jobNameTaken',
        { name },
        { issues: [{ path: 'name', message: 'Already in use' }] },
      );
}

/**
 * `preview`: stored by the wizard's review to dry-run it. It is not audited until Create
 * (`finishSetup`): until then it is the wizard's working copy, not a job the admin made.
 */
export function createJob(
  ctx: AppContext,
  config: JobConfig,
  options: { preview?: boolean } = {},
): JobRecord {
  validateJobConfig(config);
  const holder = ctx.store.jobs.findByName(config.name);
  if (holder) throw nameTaken(config.name, holder);
  const source = connectionNamed(ctx, config.sourceConnection, 'source');
  const target = connectionNamed(ctx, config.targetConnection, 'target');
  assertTargetCanDisable(config, target);
  const now = ctx.clock().toISOString();
  const job: JobRecord = {
    id: `${target.kind}.${randomUUID()}`,
    name: config.name,
    sourceConnectionId: source.id,
    targetConnectionId: target.id,
    config: splitConfig(config),
    status: 'NotRun',
    statusInfo: {},
    watermark: null,
    preview: options.preview === true,
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.transaction(() => {
    ctx.store.jobs.insert(job);
    if (job.preview) return;
    recordAudit(ctx, {
      action: 'job.create',
      targetType: 'job',
      targetId: job.id,
      targetName: job.name,
      before: null,
      after: config,
    });
  });
  ctx.events.emit('jobs.changed', { id: job.id });
  return job;
}

export function updateJob(
  ctx: AppContext,
  id: string,
  config: JobConfig,
  beforeConfig: JobConfig,
): JobRecord {
  // A cycle already running keeps the configuration it loaded and finishes under it (§3.3).
  const before = ctx.store.jobs.get(id);
  if (!before) throw refusal('notFound', 'jobMissingShort', { id });
  validateJobConfig(config);
  const clash = ctx.store.jobs.findByName(config.name);
  if (clash && clash.id !== id) throw nameTaken(config.name, clash);
  const source = connectionNamed(ctx, config.sourceConnection, 'source');
  const target = connectionNamed(ctx, config.targetConnection, 'target');
  assertTargetCanDisable(config, target);
  const nextConfig = splitConfig(config);
  const restart =
    needsInitialCycle(before.config, nextConfig) ||
    source.id !== before.sourceConnectionId ||
    target.id !== before.targetConnectionId;
  const after: JobRecord = {
    ...before,
    name: config.name,
    sourceConnectionId: source.id,
    targetConnectionId: target.id,
    config: nextConfig,
    watermark: restart ? null : before.watermark,
    updatedAt: ctx.clock().toISOString(),
  };
  ctx.store.transaction(() => {
    ctx.store.jobs.update(after);
    // The wizard's working copy: its one audit entry is the creation, with the final configuration.
    if (before.preview) return;
    recordAudit(ctx, {
      action: 'job.update',
      targetType: 'job',
      targetId: id,
      targetName: after.name,
      before: beforeConfig,
      after: config,
    });
  });
  ctx.events.emit('jobs.changed', { id });
  return after;
}
