import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import { assertNoSecrets } from './draft-secrets';

/** The new-job wizard's draft: one per data folder, resumed when the admin comes back. */
export function draftHandlers(
  ctx: AppContext,
): HandlerGroup<'drafts.getJob' | 'drafts.saveJob' | 'drafts.deleteJob'> {
  return {
    'drafts.getJob': async () => ctx.store.drafts.getJob(),
    'drafts.saveJob': async ({ step, data }) => {
      assertNoSecrets(data);
      // The app's clock decides when it was saved; a savedAt sent by the renderer is not trusted.
      const draft = { step, data, savedAt: ctx.clock().toISOString() };
      ctx.store.drafts.saveJob(draft);
      return draft;
    },
    'drafts.deleteJob': async () => ({ deleted: ctx.store.drafts.deleteJob() }),
  };
}
