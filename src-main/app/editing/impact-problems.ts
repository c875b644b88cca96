import { RosterError } from '@shared/domain/errors';
import type { JobConfig } from '@shared/domain/jobs';
import type { ConfigProblem } from '@shared/domain/config-problems';
import type { ConnectionRecord } from '../../store/connections-repo';
import type { AppContext } from '../context';
import { validateJobConfig } from '../jobs/job-validation';
import { assertTargetCanDisable } from '../jobs/target-disable';
import { connectionForRole } from './connection-lookup';

export interface ConfigCheck {
  problems: ConfigProblem[];
  source: ConnectionRecord | null;
  target: ConnectionRecord | null;
}

/** The issues a RosterError carries (with their codes), or its message at `fallbackPath`. */
function issuesOf(error: RosterError, fallbackPath: string): ConfigProblem[] {
  const details = error.details as { issues?: ConfigProblem[] } | undefined;
  return details?.issues && details.issues.length > 0
    ? details.issues.map((i) => ({ ...i }))
    : [{ path: fallbackPath, message: error.message }];
}

function collect(problems: ConfigCheck['problems'], path: string, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof RosterError)) throw error;
    problems.push(...issuesOf(error, path));
  }
}

/**
 * Everything that would stop jobs.create / jobs.update from storing `config`, by JSON path — the
 * same checks they run (job-validation.ts, the connections, the target's ability to disable, a
 * unique name), collected instead of thrown, so the impact view lists them all at once.
 */
export function checkConfig(ctx: AppContext, config: JobConfig, jobId: string | undefined): ConfigCheck {
  const problems: ConfigCheck['problems'] = [];
  collect(problems, '', () => validateJobConfig(config));
  let source: ConnectionRecord | null = null;
  let target: ConnectionRecord | null = null;
  collect(problems, 'sourceConnection', () => {
    source = connectionForRole(ctx, config.sourceConnection, 'source', 'sourceConnection');
  });
  collect(problems, 'targetConnection', () => {
    target = connectionForRole(ctx, config.targetConnection, 'target', 'targetConnection');
  });
  if (target) {
    const chosen: ConnectionRecord = target;
    collect(problems, 'settings.onSourceDelete', () => assertTargetCanDisable(config, chosen));
  }
  const clash = ctx.store.jobs.findByName(config.name);
  if (clash && clash.id !== jobId) {
    problems.push({
      path: 'name',
      message: `A job named "${clash.name}" already exists; choose another name.`,
      code: 'nameTaken',
      params: { name: clash.name },
    });
  }
  return { problems, source, target };
}
