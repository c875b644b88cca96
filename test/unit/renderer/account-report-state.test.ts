// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { defineComponent, ref } from 'vue';
import type { AccountReport } from '@shared/domain/accounts';
import type { Result } from '@shared/domain/result';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';
import {
  useAccountReport,
  type AccountReportState,
} from '../../../src-renderer/views/accounts/parts/use-account-report';

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

/**
 * A transport whose `accounts.report` and `accounts.discover` answers wait for the test, and whose
 * events the test sends: events and answers come by different paths, in any order.
 */
function heldTransport() {
  const held = new Map<string, (result: Result<unknown>) => void>();
  let listener: ((name: string, payload: unknown) => void) | null = null;
  const transport: Transport = {
    kind: 'browser',
    invoke: (command) => {
      if (command === 'accounts.report' || command === 'accounts.discover')
        return new Promise((resolve) => held.set(command, resolve));
      if (command === 'accounts.rows')
        return Promise.resolve({ ok: true, value: { rows: [], total: 4, nextAfterSeq: null } });
      return Promise.resolve({ ok: false, error: { code: 'internal', message: command } });
    },
    subscribe: (next) => {
      listener = next;
      return () => (listener = null);
    },
  };
  return {
    transport,
    answer: (command: string, value: unknown) => held.get(command)?.({ ok: true, value }),
    send: (name: string, payload: unknown) => listener?.(name, payload),
  };
}

/** The app's event subscription is made once per module (api/index.ts), so one transport serves every test. */
const io = heldTransport();
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
  beforeEach(() => {
    useTransport(io.transport);
    setActivePinia(createPinia());
  });
  afterEach(() => unmount?.());

  it('shows a discovery that ended before the answer that started it arrived as ended', async () => {
    const state = mountState();
    io.answer('accounts.report', null);
    await flushPromises();
    const discovering = state.discover();
    // The discovery ran and ended; its events come first…
    io.send('accounts.progress', reportOf('running', 2));
    io.send('accounts.finished', reportOf('completed', 4));
    // …then the answer to the request that started it, which says "running".
    io.answer('accounts.discover', reportOf('running', 0));
    await discovering;
    await flushPromises();
    expect(state.report.value?.status).toBe('completed');
    expect(state.total.value).toBe(4);
  });

  it('keeps the progress an event brought over the stored report read before it', async () => {
    const state = mountState();
    io.send('accounts.progress', reportOf('running', 3));
    io.answer('accounts.report', reportOf('running', 1));
    await flushPromises();
    expect(state.report.value?.listed).toBe(3);
    expect(state.loaded.value).toBe(true);
  });

  it('takes the answer when no event came meanwhile', async () => {
    const state = mountState();
    io.answer('accounts.report', null);
    await flushPromises();
    const discovering = state.discover();
    io.answer('accounts.discover', reportOf('running', 0));
    await discovering;
    expect(state.report.value?.status).toBe('running');
  });
});
