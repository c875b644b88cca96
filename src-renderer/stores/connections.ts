import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, onEvent } from '../api';
import type {
  ConnectionCreateInput,
  ConnectionUpdateInput,
  ConnectionView,
} from '@shared/domain/connections';
import { useErrorsStore } from './errors';

export const useConnectionsStore = defineStore('connections', () => {
  const items = ref<ConnectionView[]>([]);
  const loading = ref(false);
  /**
   * Loads overlap (every `connections.changed` event starts one, and so do create and update); an
   * answer may come back after a later one's. Only the latest load's answer is kept: an older list
   * would bring back a connection's earlier version, and a wizard's test of the connection would then
   * no longer count as passed (wizard-model.ts `testStillValid` compares `updatedAt`).
   */
  let latestLoad = 0;

  async function load(): Promise<void> {
    const mine = ++latestLoad;
    loading.value = true;
    try {
      const list = await call('connections.list');
      if (mine === latestLoad) items.value = list;
    } catch (error) {
      if (mine === latestLoad) useErrorsStore().report(error);
    } finally {
      if (mine === latestLoad) loading.value = false;
    }
  }

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
