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

  async function load(): Promise<void> {
    loading.value = true;
    try {
      items.value = await call('connections.list');
    } catch (error) {
      useErrorsStore().report(error);
    } finally {
      loading.value = false;
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
