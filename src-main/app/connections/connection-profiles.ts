import type { ConnectionProfile } from '@shared/domain/job-file';
import type { ConnectionView } from '@shared/domain/connections';
import type { AppContext } from '../context';
import { connectionHandlers } from '../handlers/connection-handlers';

/** Creates a connection profile without secrets, through the same path as the Connections page. */
export async function createConnectionProfile(
  ctx: AppContext,
  profile: ConnectionProfile,
): Promise<ConnectionView> {
  return connectionHandlers(ctx)['connections.create']({
    name: profile.name,
    kind: profile.kind,
    settings: profile.settings,
    secrets: {},
  });
}
