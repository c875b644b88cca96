import type { AppContext } from '../context';
import type { HandlerGroup } from './types';

export function appHandlers(ctx: AppContext): HandlerGroup<'app.info' | 'vault.status'> {
  return {
    'app.info': async () => ({ ...ctx.info, vault: await ctx.vault.status() }),
    'vault.status': () => ctx.vault.status(),
  };
}
