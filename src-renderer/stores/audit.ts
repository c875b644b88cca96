import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, onEvent } from '../api';
import type { AuditAction, AuditEntry } from '@shared/domain/audit';
import { useErrorsStore } from './errors';

const pageSize = 100;

export const useAuditStore = defineStore('audit', () => {
  const entries = ref<AuditEntry[]>([]);
  const nextBeforeId = ref<number | null>(null);
  const action = ref<AuditAction | null>(null);
  const loading = ref(false);

  async function fetchPage(beforeId?: number): Promise<void> {
    loading.value = true;
    try {
      const page = await call('audit.list', {
        limit: pageSize,
        ...(beforeId ? { beforeId } : {}),
        ...(action.value ? { action: action.value } : {}),
      });
      entries.value = beforeId ? [...entries.value, ...page.entries] : page.entries;
      nextBeforeId.value = page.nextBeforeId;
    } catch (error) {
      useErrorsStore().report(error);
    } finally {
      loading.value = false;
    }
  }

  const reload = () => fetchPage();
  async function loadMore(): Promise<void> {
    if (nextBeforeId.value !== null) await fetchPage(nextBeforeId.value);
  }

  async function filterBy(next: AuditAction | null): Promise<void> {
    action.value = next;
    await reload();
  }

  onEvent('audit.appended', () => void reload());

  return { entries, nextBeforeId, action, loading, reload, loadMore, filterBy };
});
