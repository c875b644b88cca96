import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { call, onEvent } from '../api';
import type { AuditAction, AuditEntry, AuditPage } from '@shared/domain/audit';
import { useErrorsStore } from './errors';
import { serialLoad } from './serial-load';

const pageSize = 100;

/**
 * The audit trail, newest first, with keyset paging. Every `audit.appended` event reloads the first
 * page, so reloads overlap: they run one at a time (serialLoad), and an older page of the trail is
 * never appended to a list that was reloaded meanwhile.
 */
export const useAuditStore = defineStore('audit', () => {
  const entries = ref<AuditEntry[]>([]);
  const nextBeforeId = ref<number | null>(null);
  const action = ref<AuditAction | null>(null);
  const reloading = ref(false);
  const loadingMore = ref(false);
  const loading = computed(() => reloading.value || loadingMore.value);
  /** Counts the lists shown, so a "Load more" answer for an earlier list is dropped. */
  let shown = 0;

  function fetchPage(beforeId?: number): Promise<AuditPage> {
    return call('audit.list', {
      limit: pageSize,
      ...(beforeId ? { beforeId } : {}),
      ...(action.value ? { action: action.value } : {}),
    });
  }

  /** Reads the first page with the filter in effect when the load starts. */
  const reload = serialLoad(
    async () => {
      try {
        const page = await fetchPage();
        entries.value = page.entries;
        nextBeforeId.value = page.nextBeforeId;
        shown += 1;
      } catch (error) {
        useErrorsStore().report(error);
      }
    },
    (busy) => (reloading.value = busy),
  );

  async function loadMore(): Promise<void> {
    const beforeId = nextBeforeId.value;
    if (beforeId === null || loadingMore.value) return;
    const list = shown;
    loadingMore.value = true;
    try {
      const page = await fetchPage(beforeId);
      if (list !== shown) return;
      entries.value = [...entries.value, ...page.entries];
      nextBeforeId.value = page.nextBeforeId;
    } catch (error) {
      useErrorsStore().report(error);
    } finally {
      loadingMore.value = false;
    }
  }

  async function filterBy(next: AuditAction | null): Promise<void> {
    action.value = next;
    await reload();
  }

  onEvent('audit.appended', () => void reload());

  return { entries, nextBeforeId, action, loading, reload, loadMore, filterBy };
});
