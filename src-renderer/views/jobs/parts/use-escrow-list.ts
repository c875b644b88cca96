import { onUnmounted, ref, watch, type Ref } from 'vue';
import type { EscrowView } from '@shared/domain/escrow';
import { call, onEvent } from '../../../api';
import { useErrorsStore } from '../../../stores/errors';

export type EscrowAction = 'retryNow' | 'drop';

/** One entry's identity: an object has at most one entry per job (the store's key). */
export function escrowKey(entry: Pick<EscrowView, 'objectType' | 'anchor'>): string {
  return `${entry.objectType}/${entry.anchor}`;
}

/**
 * A job's escrow entries (§9.2), kept current: loaded when the job changes, and again whenever the
 * app says the job changed (a cycle recorded, an admin acted in another window). The job page holds
 * it, so the tab can show the count before the list is opened.
 */
export function useEscrowList(jobId: Ref<string>) {
  const errors = useErrorsStore();
  const items = ref<EscrowView[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  /** The entry an action is running for, so only its buttons show as busy. */
  const busyKey = ref<string | null>(null);
  // Events can arrive in bursts (a cycle ends: changed, finished): one request at a time, and one more
  // afterwards if something changed meanwhile, so the list ends up current without a request storm.
  let inFlight: Promise<void> | null = null;
  let again = false;

  async function fetchOnce(): Promise<void> {
    const id = jobId.value;
    loading.value = true;
    try {
      const list = await call('jobs.escrows', { id });
      if (id === jobId.value) {
        items.value = list;
        loaded.value = true;
      }
    } catch (error) {
      errors.report(error);
    } finally {
      loading.value = false;
    }
  }

  async function load(): Promise<void> {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      do {
        again = false;
        await fetchOnce();
      } while (again);
    })().finally(() => (inFlight = null));
    return inFlight;
  }

  async function act(entry: EscrowView, action: EscrowAction): Promise<boolean> {
    busyKey.value = escrowKey(entry);
    try {
      items.value = await call('jobs.escrowAction', {
        id: jobId.value,
        objectType: entry.objectType,
        anchor: entry.anchor,
        action,
      });
      return true;
    } catch (error) {
      errors.report(error);
      // It may have succeeded or gone meanwhile: show what is true now.
      void load();
      return false;
    } finally {
      busyKey.value = null;
    }
  }

  const stops = [
    onEvent('jobs.changed', ({ id }) => {
      if (id === jobId.value) void load();
    }),
    onEvent('jobs.cycleFinished', (cycle) => {
      if (cycle.jobId === jobId.value && !cycle.dryRun) void load();
    }),
  ];
  onUnmounted(() => stops.forEach((stop) => stop()));
  watch(
    jobId,
    () => {
      items.value = [];
      loaded.value = false;
      void load();
    },
    { immediate: true },
  );

  return { items, loaded, loading, busyKey, load, act };
}

export type EscrowList = ReturnType<typeof useEscrowList>;
