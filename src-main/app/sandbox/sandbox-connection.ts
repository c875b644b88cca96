import type { ConnectionView } from '@shared/domain/connections';
import { sandboxTokenSecretId } from '../../vault/sandbox-token';
import type { AppContext } from '../context';
import { connectionHandlers } from '../handlers/connection-handlers';

export const sandboxConnectionName = 'Roster Sandbox';

/**
 * Starts the sandbox and makes sure the "Roster Sandbox" connection points at it: its port is chosen
 * at start, and its token is Roster's own, kept in the data folder rather than the keychain
 * (vault/sandbox-token.ts), so the demo runs where no keyring is unlocked.
 */
export async function ensureSandboxConnection(ctx: AppContext): Promise<ConnectionView> {
  const { baseUrl } = await ctx.sandbox.start();
  const handlers = connectionHandlers(ctx);
  const existing = ctx.store.connections.findByName(sandboxConnectionName);
  const id = existing
    ? existing.id
    : (
        await handlers['connections.create']({
          name: sandboxConnectionName,
          kind: 'scim',
          settings: { baseUrl, authType: 'bearer', requestShape: 'scim2', timeoutSeconds: 60 },
          secrets: {},
        })
      ).id;
  if (existing && existing.settings['baseUrl'] !== baseUrl)
    await handlers['connections.update']({ id, settings: { ...existing.settings, baseUrl }, secrets: {} });
  await pointAtSandboxToken(ctx, id);
  return handlers['connections.get']({ id });
}

/**
 * The connection's bearer token is the data folder's sandbox token. Set once (new connections, and
 * connections of earlier versions, whose token was in the keychain); repaired if the admin gave the
 * connection another token, which the sandbox would refuse.
 */
async function pointAtSandboxToken(ctx: AppContext, id: string): Promise<void> {
  const record = ctx.store.connections.get(id);
  const previous = record?.secretIds['bearerToken'];
  if (!record || previous === sandboxTokenSecretId) return;
  if (previous) {
    try {
      await ctx.vault.delete(previous);
    } catch (error) {
      // Only a copy of a loopback demo token is left behind; the demo must not fail for it.
      ctx.log.warn(`An earlier sandbox token stays in the keychain (${previous}): ${String(error)}`);
    }
  }
  ctx.store.connections.update({
    ...record,
    secretIds: { ...record.secretIds, bearerToken: sandboxTokenSecretId },
    updatedAt: ctx.clock().toISOString(),
  });
  ctx.events.emit('connections.changed', { id, change: 'updated' });
}

/** Jobs whose target is the sandbox start it on demand. */
export async function startSandboxIfTarget(ctx: AppContext, targetConnectionId: string): Promise<void> {
  const target = ctx.store.connections.get(targetConnectionId);
  if (target?.name === sandboxConnectionName) await ensureSandboxConnection(ctx);
}
