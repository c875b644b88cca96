import type { AppContext } from '../context';
import type { HandlerGroup } from './types';

export function auditHandlers(ctx: AppContext): HandlerGroup<'audit.list'> {
  return {
    'audit.list': async (query) => ctx.store.audit.page(query),
  };
}
