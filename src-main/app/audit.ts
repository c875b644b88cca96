import type { AuditAction, AuditEntry } from '@shared/domain/audit';
import type { AppContext } from './context';

/** Records one configuration change. Call inside the same transaction as the change itself. */
export function recordAudit(
  ctx: AppContext,
  change: {
    action: AuditAction;
    targetType: AuditEntry['targetType'];
    targetId: string | null;
    targetName: string | null;
    before: unknown;
    after: unknown;
  },
): number {
  const id = ctx.store.audit.append({ ...change, at: ctx.clock().toISOString(), actor: ctx.osUser });
  // Listeners only schedule work (IPC send, SSE write), so the transaction commits before anyone reads.
  ctx.events.emit('audit.appended', { id });
  return id;
}
