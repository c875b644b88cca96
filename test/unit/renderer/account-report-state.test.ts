// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, ref } from 'vue';
import type { AccountReport } from '@shared/domain/accounts';
import {
  useAccountReport,
  type AccountReportState,
} from '../../../src-renderer/views/accounts/parts/use-account-report';
import { useHeldTransport } from './held-transport';

function reportOf(status: AccountReport['status'], listed: number): AccountReport {
  return {
    jobId: 'j1',
    status,
    startedAt: '2026-12-05T04:00:00.000Z',
    endedAt: status === 'running' ? null : '2026-12-05T04:00:01.000Z',
    startedBy: 'alice',
    listed,
    expected: 4,
    counts: { linked: 0, unlinkedMatch: 0, outOfScopeMatch: 0, unmanaged: listed, users: listed, groups: 0 },
    warnings: [],
    error: null,
  };
}

let unmount: (() => void) | null = null;

function mountState(): AccountReportState {
  let state: AccountReportState | null = null;
  const wrapper = mount(
    defineComponent({
      setup() {
        state = useAccountReport(ref('j1'));
        return () => null;
      },
    }),
  );
  unmount = () => wrapper.unmount();
  return state as unknown as AccountReportState;
}

describe('a job’s account report on the Accounts page', () => {
  const io = useHeldTransport(['accounts.report', 'accounts.discover'], (command) =>
    command === 'accounts.rows' ? { ok: true, value: { rows: [], total: 4, nextAfterSeq: null } } : undefined,
  );
  /** The one answer the test holds for `command`. */
  const answer = (command: string, value: unknown) => io.heldOf(command).at(-1)?.answer(value);
  afterEach(() => unmount?.());

  it('shows a discovery that ended before the answer that started it arrived as ended', async () => {
    const state = mountState();
    answer('accounts.report', null);
    await flushPromises();
    const discovering = state.discover();
    // The discovery ran and ended; its events come first…
    io.send('accounts.progress', reportOf('running', 2));
    io.send('accounts.finished', reportOf('completed', 4));
    // …then the answer to the request that started it, which says "running".
    answer('accounts.discover', reportOf('running', 0));
    await discovering;
    await flushPromises();
    expect(state.report.value?.status).toBe('completed');
    expect(state.total.value).toBe(4);
  });

  it('keeps the progress an event brought over the stored report read before it', async () => {
    const state = mountState();
    io.send('accounts.progress', reportOf('running', 3));
    answer('accounts.report', reportOf('running', 1));
    await flushPromises();
    expect(state.report.value?.listed).toBe(3);
    expect(state.loaded.value).toBe(true);
  });

  it('takes the answer when no event came meanwhile', async () => {
    const state = mountState();
    answer('accounts.report', null);
    await flushPromises();
    const discovering = state.discover();
    answer('accounts.discover', reportOf('running', 0));
    await discovering;
    expect(state.report.value?.status).toBe('running');
  });
});
