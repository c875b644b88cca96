import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, onEvent } from '../api';
import type { ExportResult } from '@shared/domain/exports';
import type { LogPage } from '@shared/domain/provisioning';
import { useErrorsStore } from './errors';
import { latestRequest } from './latest-request';
import { defaultLogFilters, toLogQuery, type LogFilters } from './log-filters';

export type LogEntryRow = LogPage['entries'][number];
export type LogExportFormat = 'csv' | 'json' | 'csv-full';

const pageSize = 200;

/**
 * The Provisioning logs page: the filters, the entries loaded so far (newest first) and keyset paging
 * with `nextBeforeSeq`. Rows are never reordered under the admin: new cycles only raise `stale`.
 */
export const useLogsStore = defineStore('logs', () => {
  const filters = ref<LogFilters>(defaultLogFilters());
  const entries = ref<LogEntryRow[]>([]);
  const nextBeforeSeq = ref<number | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  /** A cycle ended since the entries were loaded. */
  const stale = ref(false);
  /** The time the period filter was measured from, so "Load older" continues the same window. */
  let queriedAt = new Date();
  /** A newer query (the admin changed a filter meanwhile) wins. */
  const latest = latestRequest();

  async function fetchPage(beforeSeq?: number): Promise<void> {
    const current = latest.next();
    loading.value = true;
    try {
      const page = await call('logs.query', {
        ...toLogQuery(filters.value, queriedAt),
        limit: pageSize,
        ...(beforeSeq ? { beforeSeq } : {}),
      });
      if (!current()) return;
      entries.value = beforeSeq ? [...entries.value, ...page.entries] : page.entries;
      nextBeforeSeq.value = page.nextBeforeSeq;
      loaded.value = true;
      if (!beforeSeq) stale.value = false;
    } catch (error) {
      if (current()) useErrorsStore().report(error);
    } finally {
      if (current()) loading.value = false;
    }
  }

  async function reload(): Promise<void> {
    queriedAt = new Date();
    await fetchPage();
  }

  async function loadOlder(): Promise<void> {
    if (nextBeforeSeq.value !== null && !loading.value) await fetchPage(nextBeforeSeq.value);
  }

  async function apply(next: LogFilters): Promise<void> {
    filters.value = next;
    await reload();
  }

  /** Writes the export with the filters in effect; rejects with the ApiError for the caller to show. */
  async function exportEntries(format: LogExportFormat, bom: boolean): Promise<ExportResult> {
    return call('exports.logs', { query: toLogQuery(filters.value, new Date()), format, bom });
  }

  onEvent('jobs.cycleFinished', () => {
    if (loaded.value) stale.value = true;
  });

  return { filters, entries, nextBeforeSeq, loading, loaded, stale, reload, loadOlder, apply, exportEntries };
});
