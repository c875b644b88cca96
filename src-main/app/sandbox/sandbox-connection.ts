import type { ConnectionView } from '@shared/domain/connections';
import type { AppContext } from '../context';
import { connectionHandlers } from '../handlers/connection-handlers';

export const sandboxConnectionName = 'Roster Sandbox';

/**
 * Starts the sandbox and makes sure the "Roster Sandbox" connection points at it: its port is chosen
 * at start, and its token lives in the keychain like any other secret.
 */
export async function ensureSandboxConnection(ctx: AppContext): Promise<ConnectionView> {
  const { baseUrl, token } = await ctx.sandbox.start();
  const handlers = connectionHandlers(ctx);
  const existing = ctx.store.connections.findByName(sandboxConnectionName);
  if (!existing) {
    return handlers['connections.create']({
      name: sandboxConnectionName,
      kind: 'scim',
      settings: { baseUrl, authType: 'bearer', requestShape: 'scim2', timeoutSeconds: 60 },
      secrets: { bearerToken: token },
    });
  }
  const stored = existing.secretIds['bearerToken']
    ? await ctx.vault.get(existing.secretIds['bearerToken'])
    : null;
  if (existing.settings['baseUrl'] === baseUrl && stored === token)
    return handlers['connections.get']({ id: existing.id });
  return handlers['connections.update']({
    id: existing.id,
    settings: { ...existing.settings, baseUrl },
    secrets: stored === token ? {} : { bearerToken: token },
  });
}

/** Jobs whose target is the sandbox start it on demand. */
export async function startSandboxIfTarget(ctx: AppContext, targetConnectionId: string): Promise<void> {
  const target = ctx.store.connections.get(targetConnectionId);
  if (target?.name === sandboxConnectionName) await ensureSandboxConnection(ctx);
}
