/**
 * The change trigger for a source, chosen by what its connector can do (connector.ts): files to
 * watch (CSV) or a cheap change poll (LDAP). A source with neither runs on its schedule only.
 */
import type { ChangeTrigger, TriggerContext, WatchableSource } from './change-trigger';
import { createCsvFileTrigger } from './csv-file-trigger';
import { createLdapPollTrigger } from './ldap-poll-trigger';

export type { ChangeTrigger, TriggerContext, WatchableSource } from './change-trigger';

export interface TriggerTiming {
  /** CSV: stat poll interval (the fallback to fs.watch). */
  filePollMs?: number;
  debounceMs?: number;
  checkMs?: number;
  /** LDAP: change poll interval. */
  directoryPollMs?: number;
}

/** A trigger for the source, or null when it has no way to notice changes (the source is closed then). */
export async function createChangeTrigger(
  source: WatchableSource,
  context: TriggerContext,
  timing: TriggerTiming = {},
): Promise<ChangeTrigger | null> {
  const files = source.watchTargets?.() ?? [];
  if (files.length > 0) {
    await source.close?.();
    return createCsvFileTrigger(context, {
      files,
      ...(timing.filePollMs !== undefined ? { pollMs: timing.filePollMs } : {}),
      ...(timing.debounceMs !== undefined ? { debounceMs: timing.debounceMs } : {}),
      ...(timing.checkMs !== undefined ? { checkMs: timing.checkMs } : {}),
    });
  }
  const pollChanges = source.pollChanges?.bind(source);
  if (pollChanges) {
    return createLdapPollTrigger(context, {
      source: { pollChanges, ...(source.close ? { close: source.close.bind(source) } : {}) },
      ...(timing.directoryPollMs !== undefined ? { pollMs: timing.directoryPollMs } : {}),
    });
  }
  await source.close?.();
  return null;
}
