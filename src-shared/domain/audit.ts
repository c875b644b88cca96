import { z } from 'zod';

export const auditActions = [
  'connection.create',
  'connection.update',
  'connection.delete',
  'settings.update',
  'job.create',
  'job.update',
  'job.delete',
  'job.reset',
  'job.allowDeletes',
  'job.start',
  'job.pause',
  'job.resume',
  'job.escrowRetry',
  'job.escrowDrop',
  'job.linkDelete',
  'job.accountsAdopt',
  'job.accountsDisable',
  'job.accountsLeave',
  'sandbox.start',
  'sandbox.stop',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** One configuration change. `before`/`after` are JSON snapshots with every secret redacted. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  targetType: 'connection' | 'settings' | 'job' | 'sandbox';
  targetId: string | null;
  targetName: string | null;
  before: unknown;
  after: unknown;
}

export const auditListInputSchema = z.object({
  /** Entries older than this id (keyset paging: stable while new entries arrive). */
  beforeId: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  action: z.enum(auditActions).optional(),
});
export type AuditListInput = z.input<typeof auditListInputSchema>;

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `beforeId` to read the next page; null at the end. */
  nextBeforeId: number | null;
}
