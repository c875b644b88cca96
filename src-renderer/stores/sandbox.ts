import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, onEvent } from '../api';
import type { SandboxAccount, SandboxStatus } from '@shared/domain/sandbox';
import { useErrorsStore } from './errors';
import { latestRequest } from './latest-request';
import { newestValue } from './newest-value';
import { serialLoad } from './serial-load';

export type SandboxAccountKind = 'users' | 'groups';

const pageSize = 200;

/** The built-in Roster Sandbox SCIM server: whether it runs, its counts, and a browsable account list. */
export const useSandboxStore = defineStore('sandbox', () => {
  const status = ref<SandboxStatus | null>(null);
  const busy = ref(false);

  const kind = ref<SandboxAccountKind>('users');
  const search = ref('');
  const accounts = ref<SandboxAccount[]>([]);
  const total = ref(0);
  const accountsLoading = ref(false);
  const latest = latestRequest();

  /** Starting and stopping answer with the status, and so does the `sandbox.changed` event. */
  const current = newestValue(status);

  /**
   * Every ended cycle reloads the counts while a page may be loading them too: one load at a time,
   * so an older answer never wins, and none wins over a start or stop that came meanwhile.
   */
  const load = serialLoad(async () => {
    try {
      await current.read(() => call('sandbox.status'));
    } catch (error) {
      useErrorsStore().report(error);
    }
  });

  async function toggle(start: boolean): Promise<void> {
    busy.value = true;
    try {
      current.set(await call(start ? 'sandbox.start' : 'sandbox.stop'));
    } catch (error) {
      useErrorsStore().report(error);
    } finally {
      busy.value = false;
    }
  }

  async function fetchAccounts(offset: number): Promise<void> {
    // Only the latest list request fills the list (a search typed on answers last).
    const current = latest.next();
    accountsLoading.value = true;
    try {
      const term = search.value.trim();
      const page = await call('sandbox.accounts', {
        kind: kind.value,
        offset,
        limit: pageSize,
        ...(term ? { search: term } : {}),
      });
      if (!current()) return;
      accounts.value = offset === 0 ? page.items : [...accounts.value, ...page.items];
      total.value = page.total;
    } catch (error) {
      if (current()) useErrorsStore().report(error);
    } finally {
      if (current()) accountsLoading.value = false;
    }
  }

  const reloadAccounts = () => fetchAccounts(0);

  async function loadMoreAccounts(): Promise<void> {
    if (!accountsLoading.value && accounts.value.length < total.value)
      await fetchAccounts(accounts.value.length);
  }

  async function showAccounts(next: SandboxAccountKind, term: string): Promise<void> {
    kind.value = next;
    search.value = term;
    await reloadAccounts();
  }

  onEvent('sandbox.changed', (next) => current.set(next));
  // The counts change with every cycle that writes to the sandbox; the app sends no event for that.
  onEvent('jobs.cycleFinished', () => {
    if (status.value?.running) void load();
  });

  return {
    status,
    busy,
    kind,
    search,
    accounts,
    total,
    accountsLoading,
    load,
    start: () => toggle(true),
    stop: () => toggle(false),
    reloadAccounts,
    loadMoreAccounts,
    showAccounts,
  };
});
