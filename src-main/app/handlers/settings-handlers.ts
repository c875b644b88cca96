import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import type { HandlerGroup } from './types';

export function settingsHandlers(ctx: AppContext): HandlerGroup<'settings.get' | 'settings.update'> {
  return {
    'settings.get': async () => ctx.store.settings.getAppSettings(),
    'settings.update': async (patch) => {
      const before = ctx.store.settings.getAppSettings();
      const after = { ...before, ...patch };
      if (JSON.stringify(before) === JSON.stringify(after)) return before;
      ctx.store.transaction(() => {
        ctx.store.settings.saveAppSettings(after);
        recordAudit(ctx, {
          action: 'settings.update',
          targetType: 'settings',
          targetId: null,
          targetName: null,
          before,
          after,
        });
      });
      ctx.events.emit('settings.changed', after);
      return after;
    },
  };
}
