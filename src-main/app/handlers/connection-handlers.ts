import { randomUUID } from 'node:crypto';
import { secretFieldsByKind, type ConnectionView, type SecretState } from '@shared/domain/connections';
import { refusal } from '@shared/domain/error-messages';
import type { ConnectionRecord } from '../../store/connections-repo';
import { connectionSecretId } from '../../vault/vault';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import { validateConnectionSettings, validateSecretFields } from './connection-validation';
import type { HandlerGroup } from './types';

type ConnectionCommands =
  'connections.list' | 'connections.get' | 'connections.create' | 'connections.update' | 'connections.delete';

export function toConnectionView(record: ConnectionRecord): ConnectionView {
  const secrets: Record<string, SecretState> = {};
  for (const field of secretFieldsByKind[record.kind])
    secrets[field] = record.secretIds[field] ? 'set' : 'notSet';
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    settings: record.settings,
    secrets,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** What the audit trail keeps of a connection: everything but secrets, which appear as set/not set. */
function auditSnapshot(record: ConnectionRecord): object {
  const view = toConnectionView(record);
  return { name: view.name, kind: view.kind, settings: view.settings, secrets: view.secrets };
}

/**
 * A replaced secret is "set" before and after, so the snapshot says which were replaced — and only
 * those: a save that typed no secret must not read as "secrets changed" on the audit page. A removed
 * secret already shows as set → not set.
 */
function withReplacedSecrets(snapshot: object, changes: Record<string, string | null>): object {
  const replaced = Object.entries(changes)
    .filter(([, value]) => value !== null)
    .map(([field]) => field);
  return replaced.length > 0 ? { ...snapshot, secretsChanged: replaced } : snapshot;
}

export function connectionHandlers(ctx: AppContext): HandlerGroup<ConnectionCommands> {
  const repo = ctx.store.connections;

  function mustGet(id: string): ConnectionRecord {
    const record = repo.get(id);
    if (!record) throw refusal('notFound', 'connectionMissing', { id });
    return record;
  }

  function assertNameFree(name: string, exceptId?: string): void {
    const existing = repo.findByName(name);
    if (existing && existing.id !== exceptId) {
      throw refusal(
        'conflict',
        'connectionNameTaken',
        { name: existing.name },
        { issues: [{ path: 'name', message: 'Already in use' }] },
      );
    }
  }

  /**
   * Writes and removes secrets in the keychain, returning the new field → vault id map. Done before
   * the SQLite write: if the keychain refuses, nothing about the connection changes.
   */
  async function applySecrets(
    connectionId: string,
    current: Record<string, string>,
    changes: Record<string, string | null>,
  ): Promise<Record<string, string>> {
    const next = { ...current };
    for (const [field, value] of Object.entries(changes)) {
      const secretId = connectionSecretId(connectionId, field);
      if (value === null) {
        if (next[field]) await ctx.vault.delete(next[field]);
        delete next[field];
      } else {
        await ctx.vault.set(secretId, value);
        next[field] = secretId;
      }
    }
    return next;
  }

  return {
    'connections.list': async () => repo.list().map(toConnectionView),
    'connections.get': async ({ id }) => toConnectionView(mustGet(id)),

    'connections.create': async (input) => {
      const settings = validateConnectionSettings(input.kind, input.settings);
      validateSecretFields(input.kind, input.secrets);
      assertNameFree(input.name);
      const id = randomUUID();
      const secretIds = await applySecrets(id, {}, input.secrets);
      const now = ctx.clock().toISOString();
      const record: ConnectionRecord = {
        id,
        name: input.name,
        kind: input.kind,
        settings,
        secretIds,
        createdAt: now,
        updatedAt: now,
      };
      try {
        ctx.store.transaction(() => {
          repo.insert(record);
          recordAudit(ctx, {
            action: 'connection.create',
            targetType: 'connection',
            targetId: id,
            targetName: record.name,
            before: null,
            after: auditSnapshot(record),
          });
        });
      } catch (error) {
        // The row was not written: take back the secrets so none is left orphaned in the keychain.
        await Promise.allSettled(Object.values(secretIds).map((secretId) => ctx.vault.delete(secretId)));
        throw error;
      }
      ctx.events.emit('connections.changed', { id, change: 'created' });
      return toConnectionView(record);
    },

    'connections.update': async (input) => {
      const before = mustGet(input.id);
      const name = input.name ?? before.name;
      if (input.name !== undefined) assertNameFree(input.name, before.id);
      const settings = input.settings
        ? validateConnectionSettings(before.kind, input.settings)
        : before.settings;
      validateSecretFields(before.kind, input.secrets);
      const secretIds = await applySecrets(before.id, before.secretIds, input.secrets);
      const after: ConnectionRecord = {
        ...before,
        name,
        settings,
        secretIds,
        updatedAt: ctx.clock().toISOString(),
      };
      ctx.store.transaction(() => {
        repo.update(after);
        recordAudit(ctx, {
          action: 'connection.update',
          targetType: 'connection',
          targetId: after.id,
          targetName: after.name,
          before: auditSnapshot(before),
          after: withReplacedSecrets(auditSnapshot(after), input.secrets),
        });
      });
      ctx.events.emit('connections.changed', { id: after.id, change: 'updated' });
      return toConnectionView(after);
    },

    'connections.delete': async ({ id }) => {
      const record = mustGet(id);
      // Keychain first: if it is unavailable the connection stays, rather than orphaning its secrets.
      for (const secretId of Object.values(record.secretIds)) await ctx.vault.delete(secretId);
      ctx.store.transaction(() => {
        repo.delete(id);
        recordAudit(ctx, {
          action: 'connection.delete',
          targetType: 'connection',
          targetId: id,
          targetName: record.name,
          before: auditSnapshot(record),
          after: null,
        });
      });
      ctx.events.emit('connections.changed', { id, change: 'deleted' });
      return { id };
    },
  };
}
