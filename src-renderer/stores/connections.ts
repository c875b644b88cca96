import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, onEvent } from '../api';
import type {
  ConnectionCreateInput,
  ConnectionUpdateInput,
  ConnectionView,
} from '@shared/domain/connections';
import { useErrorsStore } from './errors';
import { serialLoad } from './serial-load';

export const useConnectionsStore = defineStore('connections', () => {
  const items = ref<ConnectionView[]>([]);
  const loading = ref(false);
  /**
   * Loads are asked for from several places (every `connections.changed` event, create, update and
   * delete) and may overlap. They run one at a time: an older list would bring back a connection's
   * earlier version, and a wizard's test of the connection would then no longer count as passed
   * (wizard-model.ts `testStillValid` compares `updatedAt`). After `await load()` the list includes
   * every change made before the call, even when another load was under way.
   */
  const load = serialLoad(
    async () => {
      try {
        items.value = await call('connections.list');
      } catch (error) {
        useErrorsStore().report(error);
      }
    },
    (busy) => (loading.value = busy),
  );

  /** Create and update reject with the ApiError, so the form can show field problems beside fields. */
  async function create(input: ConnectionCreateInput): Promise<ConnectionView> {
    const created = await call('connections.create', input);
    await load();
    return created;
  }

  async function update(input: ConnectionUpdateInput): Promise<ConnectionView> {
    const updated = await call('connections.update', input);
    await load();
    return updated;
  }

  async function remove(id: string): Promise<boolean> {
    try {
      await call('connections.delete', { id });
      await load();
      return true;
    } catch (error) {
      useErrorsStore().report(error);
      return false;
    }
  }

  // Another window or the CLI may change connections: stay current.
  onEvent('connections.changed', () => void load());

  return { items, loading, load, create, update, remove };
});
