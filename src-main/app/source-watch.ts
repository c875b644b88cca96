/**
 * What the scheduler's change triggers need from the app (issue 9, fast deprovisioning): whether a
 * job's source is watched, and its source connector. The scheduler cannot reach connection profiles
 * or the keychain itself; the connector factory can.
 */
import type { SourceWatchDeps } from '../scheduler/change-triggers/trigger-set';
import type { TriggerTiming } from '../scheduler/change-triggers/index';
import type { Store } from '../store/store';
import { refusal } from '@shared/domain/error-messages';
import type { AppConnectorFactory } from './connector-factory';

export function sourceWatchDeps(
  store: Store,
  connectors: Pick<AppConnectorFactory, 'openSource'>,
  timing?: TriggerTiming,
): SourceWatchDeps {
  return {
    watchKey(jobId) {
      const job = store.jobs.get(jobId);
      // On unless switched off: jobs saved before the setting existed have no value and are watched.
      if (!job || job.config.settings.watchSource === false) return null;
      const source = store.connections.get(job.sourceConnectionId);
      // A changed connection (another file, another directory) is watched anew.
      return source ? `${source.id}@${source.updatedAt}` : null;
    },
    async openSource(jobId) {
      const job = store.jobs.get(jobId);
      const source = job ? store.connections.get(job.sourceConnectionId) : null;
      if (!source) throw refusal('notFound', 'jobSourceConnectionGone');
      return connectors.openSource(source);
    },
    ...(timing ? { timing } : {}),
  };
}
