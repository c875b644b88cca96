import { onUnmounted, ref, watch, type Ref } from 'vue';
import type { AccountClass, AccountReport, AccountRow } from '@shared/domain/accounts';
import type { ObjectType } from '@shared/domain/schema';
import { call, onEvent } from '../../../api';
import { useErrorsStore } from '../../../stores/errors';
import { latestRequest } from '../../../stores/latest-request';
import { newestValue } from '../../../stores/newest-value';

/** Rows asked for per page; the table asks for the next page as it is scrolled to its end. */
export const accountPageSize = 200;

export function accountKey(row: Pick<AccountRow, 'objectType' | 'targetId'>): string {
  return `${row.objectType}/${row.targetId}`;
}

/**
 * One job's account report (issue 12 item 5), kept current: the stored report, its progress while a
 * discovery runs (events), and its rows — filtered and searched on the server, read in pages, so a
 * report of 100,000 accounts never crosses the transport at once.
 */
export function useAccountReport(jobId: Ref<string | null>) {
  const errors = useErrorsStore();
  const report = ref<AccountReport | null>(null);
  const loaded = ref(false);
  const rows = ref<AccountRow[]>([]);
  const total = ref(0);
  const loadingRows = ref(false);
  const accountClass = ref<AccountClass | null>(null);
  const objectType = ref<ObjectType | null>(null);
  const search = ref('');
  let nextAfterSeq: number | null = null;
  /** Answers to an older filter are dropped: only the latest request fills the table. */
  const latest = latestRequest();
  /**
   * Events come by another path than answers (in browser mode an event stream beside fetch), so a
   * discovery that ends quickly can send `accounts.finished` before the answer to `accounts.discover`
   * arrives; that answer ("running") then came last, and the page showed a discovery running that had
   * ended. An answer is kept only when no event changed the report after its request was sent.
   */
  const current = newestValue(report);

  function filter() {
    return {
      ...(accountClass.value ? { accountClass: accountClass.value } : {}),
      ...(objectType.value ? { objectType: objectType.value } : {}),
      search: search.value.trim(),
    };
  }

  async function loadRows(keep = 0): Promise<void> {
    const id = jobId.value;
    if (!id) return;
    const current = latest.next();
    loadingRows.value = true;
    try {
      const page = await call('accounts.rows', {
        jobId: id,
        ...filter(),
        afterSeq: 0,
        limit: Math.min(1000, Math.max(accountPageSize, keep)),
      });
      if (!current()) return;
      rows.value = page.rows;
      total.value = page.total;
      nextAfterSeq = page.nextAfterSeq;
    } catch (error) {
      if (current()) errors.report(error);
    } finally {
      if (current()) loadingRows.value = false;
    }
  }

  async function loadMore(): Promise<void> {
    const id = jobId.value;
    if (!id || nextAfterSeq === null || loadingRows.value) return;
    const current = latest.same();
    loadingRows.value = true;
    try {
      const page = await call('accounts.rows', {
        jobId: id,
        ...filter(),
        afterSeq: nextAfterSeq,
        limit: accountPageSize,
      });
      if (!current()) return;
      rows.value = [...rows.value, ...page.rows];
      total.value = page.total;
      nextAfterSeq = page.nextAfterSeq;
    } catch (error) {
      errors.report(error);
    } finally {
      if (current()) loadingRows.value = false;
    }
  }

  async function load(): Promise<void> {
    const id = jobId.value;
    current.set(null);
    rows.value = [];
    total.value = 0;
    loaded.value = false;
    if (!id) return;
    try {
      // Moving to another job sets the report anew, so this answer is then dropped as well.
      const kept = await current.read(() => call('accounts.report', { jobId: id }));
      if (id !== jobId.value) return;
      loaded.value = true;
      // An event that came meanwhile is newer than this answer, and has loaded the rows if it ended.
      if (kept && report.value && report.value.status !== 'running') await loadRows();
    } catch (error) {
      errors.report(error);
    }
  }

  async function discover(): Promise<void> {
    const id = jobId.value;
    if (!id) return;
    try {
      if (!(await current.read(() => call('accounts.discover', { jobId: id })))) return;
      rows.value = [];
      total.value = 0;
    } catch (error) {
      errors.report(error);
    }
  }

  async function stop(): Promise<void> {
    const id = jobId.value;
    if (!id) return;
    try {
      await call('accounts.cancel', { jobId: id });
    } catch (error) {
      errors.report(error);
    }
  }

  const stops = [
    onEvent('accounts.progress', (next) => {
      if (next.jobId === jobId.value) current.set(next);
    }),
    onEvent('accounts.finished', (next) => {
      if (next.jobId !== jobId.value) return;
      current.set(next);
      void loadRows();
    }),
  ];
  onUnmounted(() => stops.forEach((stopListening) => stopListening()));

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  watch(search, () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void loadRows(), 250);
  });
  watch([accountClass, objectType], () => void loadRows());
  watch(jobId, () => void load(), { immediate: true });

  return {
    report,
    loaded,
    rows,
    total,
    loadingRows,
    accountClass,
    objectType,
    search,
    hasMore: () => nextAfterSeq !== null,
    load,
    loadRows,
    loadMore,
    discover,
    stop,
  };
}

export type AccountReportState = ReturnType<typeof useAccountReport>;
