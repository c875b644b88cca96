import { z } from 'zod';
import { quietState, type JobAlertState } from './alert-policy';
import type { KeyValueStore } from './notification-settings';

export interface AlertStateStore {
  get(jobId: string): JobAlertState;
  set(jobId: string, state: JobAlertState): void;
  forget(jobId: string): void;
}

const stateSchema = z.object({
  reason: z.string().nullable(),
  began: z.string().nullable(),
  disabled: z.boolean(),
});

function keyOf(jobId: string): string {
  return `notifications/alerts/${jobId}`;
}

/**
 * What was last told per job, in the settings table: a restart of Roster in the middle of a long
 * quarantine must not send its email again. A quiet job has no row.
 */
export function createAlertStateStore(kv: KeyValueStore): AlertStateStore {
  return {
    get(jobId) {
      const parsed = stateSchema.safeParse(kv.getValue(keyOf(jobId)));
      return parsed.success ? parsed.data : quietState;
    },
    set(jobId, state) {
      if (state.reason === null && !state.disabled) kv.deleteValue(keyOf(jobId));
      else kv.setValue(keyOf(jobId), state);
    },
    forget(jobId) {
      kv.deleteValue(keyOf(jobId));
    },
  };
}

/** For tests and for processes that keep no store (the state then lasts as long as the process). */
export function createMemoryAlertStateStore(): AlertStateStore {
  const states = new Map<string, JobAlertState>();
  return {
    get: (jobId) => states.get(jobId) ?? quietState,
    set: (jobId, state) => void states.set(jobId, state),
    forget: (jobId) => void states.delete(jobId),
  };
}
