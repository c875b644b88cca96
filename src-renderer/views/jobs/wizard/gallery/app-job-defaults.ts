import type { OmittedProfileMapping } from '@shared/domain/app-profile';
import type { ConnectionView } from '@shared/domain/connections';
import type { JobConfig } from '@shared/domain/jobs';
import { call } from '../../../../api';

/** The gallery app a SCIM connection was made from (its settings' `app`), if any. */
export function appOfConnection(connection: ConnectionView | undefined): string | undefined {
  const app = connection?.kind === 'scim' ? connection.settings['app'] : undefined;
  return typeof app === 'string' && app !== '' ? app : undefined;
}

/**
 * A new job's defaults: the app profile's (apps.jobDefaults) when the job or its target connection
 * came from the gallery, else Roster's generic ones for the pair (jobs.defaults). The wizard and the
 * mapping editor's "Restore default mappings" both start here, so both restore the profile's mappings.
 */
export async function jobDefaultsFor(
  input: { name: string; sourceConnection: string; targetConnection: string },
  app: string | undefined,
): Promise<{ config: JobConfig; omittedMappings: OmittedProfileMapping[] }> {
  if (app === undefined) return { config: await call('jobs.defaults', input), omittedMappings: [] };
  return call('apps.jobDefaults', { app, ...input });
}
