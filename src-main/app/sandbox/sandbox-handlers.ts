import type { SandboxAccount } from '@shared/domain/sandbox';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import { recordAudit } from '../audit';
import { setUpDemo } from './demo-setup';
import { ensureSandboxConnection } from './sandbox-connection';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function sandboxHandlers(
  ctx: AppContext,
): HandlerGroup<'sandbox.status' | 'sandbox.start' | 'sandbox.stop' | 'sandbox.accounts' | 'demo.setup'> {
  return {
    'sandbox.status': async () => ctx.sandbox.status(),
    'sandbox.start': async () => {
      await ensureSandboxConnection(ctx);
      recordAudit(ctx, {
        action: 'sandbox.start',
        targetType: 'sandbox',
        targetId: null,
        targetName: 'Roster Sandbox',
        before: null,
        after: { baseUrl: ctx.sandbox.status().baseUrl },
      });
      return ctx.sandbox.status();
    },
    'sandbox.stop': async () => {
      await ctx.sandbox.stop();
      recordAudit(ctx, {
        action: 'sandbox.stop',
        targetType: 'sandbox',
        targetId: null,
        targetName: 'Roster Sandbox',
        before: null,
        after: null,
      });
      return ctx.sandbox.status();
    },
    'sandbox.accounts': async ({ kind, offset, limit, search }) => {
      const sandbox = ctx.sandbox.running();
      if (!sandbox) return { total: 0, items: [] };
      const query = { offset, limit, ...(search ? { search } : {}) };
      if (kind === 'groups') {
        const page = sandbox.listGroups(query);
        return {
          total: page.total,
          items: page.items.map((g): SandboxAccount => ({
            id: g.id,
            name: g.displayName,
            displayName: g.displayName,
            active: null,
            email: null,
            department: null,
            members: g.memberCount,
            created: g.created,
          })),
        };
      }
      const page = sandbox.listUsers(query);
      return {
        total: page.total,
        items: page.items.map((u): SandboxAccount => {
          const emails = Array.isArray(u.resource['emails'])
            ? (u.resource['emails'] as unknown[]).map(record)
            : [];
          const enterprise = record(u.resource['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']);
          return {
            id: u.id,
            name: u.userName,
            displayName: u.displayName ?? u.userName,
            active: u.active,
            email: text(emails.find((e) => e['primary'] === true)?.['value']) ?? text(emails[0]?.['value']),
            department: text(enterprise['department']),
            members: null,
            created: u.created,
          };
        }),
      };
    },
    'demo.setup': async () => setUpDemo(ctx),
  };
}
