// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NDialogProvider, NMessageProvider } from 'naive-ui';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { AccountActResult, AccountReport, AccountRow } from '@shared/domain/accounts';
import type { JobView } from '@shared/domain/job-view';
import type { Result } from '@shared/domain/result';
import AccountsPage from '../../../src-renderer/views/accounts/index.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';

const job = {
  id: 'j1',
  name: 'HR → Slack',
  sourceConnection: { id: 's', name: 'HR' },
  targetConnection: { id: 't', name: 'Slack' },
  state: { schedule: 'paused' },
} as unknown as JobView;

const report: AccountReport = {
  jobId: 'j1',
  status: 'completed',
  startedAt: '2026-03-01T09:00:00.000Z',
  endedAt: '2026-03-01T09:02:05.000Z',
  startedBy: 'alice',
  listed: 4,
  expected: 4,
  counts: { linked: 1, unlinkedMatch: 1, outOfScopeMatch: 1, unmanaged: 1, users: 4, groups: 0 },
  warnings: [],
  error: null,
};

function row(seq: number, extra: Partial<AccountRow>): AccountRow {
  return {
    seq,
    objectType: 'User',
    targetId: `t${seq}`,
    displayName: `Person ${seq}`,
    keyValue: `p${seq}@example.com`,
    active: true,
    accountClass: 'unmanaged',
    note: null,
    source: null,
    scopeDetail: null,
    matched: null,
    decision: null,
    ...extra,
  };
}

const rows: AccountRow[] = [
  row(1, { accountClass: 'linked', source: { anchor: 'E1', displayName: 'Person 1' } }),
  row(2, {
    accountClass: 'unlinkedMatch',
    source: { anchor: 'E2', displayName: 'Person 2' },
    matched: { path: 'userName', value: 'p2@example.com' },
  }),
  row(3, {
    accountClass: 'outOfScopeMatch',
    source: { anchor: 'E3', displayName: 'Person 3' },
    scopeDetail: 'department is not Sales',
  }),
  row(4, { displayName: 'Ghost', keyValue: 'ghost@example.com' }),
];

function recordingTransport(act: AccountActResult) {
  const calls: { command: string; input: Record<string, unknown> }[] = [];
  const transport: Transport = {
    kind: 'browser',
    invoke: async (command, raw) => {
      const input = raw as Record<string, unknown>;
      calls.push({ command, input });
      const answer = (value: unknown): Result<unknown> => ({ ok: true, value });
      switch (command) {
        case 'jobs.list':
          return answer([job]);
        case 'accounts.report':
          return answer(report);
        case 'accounts.rows': {
          const shown = rows.filter(
            (r) => !input['accountClass'] || r.accountClass === input['accountClass'],
          );
          return answer({ rows: shown, total: shown.length, nextAfterSeq: null });
        }
        case 'accounts.act':
          return answer(act);
        default:
          return { ok: false, error: { code: 'internal', message: command } };
      }
    },
    subscribe: () => () => {},
  };
  return { transport, calls };
}

async function mountPage(language: 'en' | 'ko', act: AccountActResult) {
  const recording = recordingTransport(act);
  useTransport(recording.transport);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/accounts', name: 'accounts', component: AccountsPage },
      { path: '/jobs/:id', name: 'job', component: { render: () => null } },
      { path: '/logs', name: 'logs', component: { render: () => null } },
    ],
  });
  await router.push('/accounts?job=j1');
  const host = defineComponent({
    setup: () => () => h(NDialogProvider, () => h(NMessageProvider, () => h(AccountsPage))),
  });
  const wrapper = mount(host, {
    global: { plugins: [createRosterI18n(language), router] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, calls: recording.calls, router };
}

const find = (selector: string) => document.body.querySelector<HTMLElement>(selector);
const adopted: AccountActResult = {
  runId: 'run-1',
  outcomes: [
    { objectType: 'User', targetId: 't2', displayName: 'Person 2', done: true, refusal: null, message: null },
  ],
  report: { ...report, counts: { ...report.counts, linked: 2, unlinkedMatch: 0 } },
};

describe('the Accounts page (account discovery)', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => (document.body.innerHTML = ''));

  it('shows the counts per class as tiles, and a tile filters the table on the server', async () => {
    const { wrapper, calls } = await mountPage('en', adopted);
    expect(find('[data-test="accounts-tile-unmanaged"]')?.textContent).toContain('1');
    expect(find('[data-test="accounts-tile-unmanaged"]')?.textContent).toContain('Unmanaged');
    expect(find('[data-test="accounts-tile-all"]')?.textContent).toContain('4');
    expect(find('[data-test="accounts-status"]')?.textContent).toContain('by alice in 2 min 5 sec');

    find('[data-test="accounts-tile-unmanaged"]')?.click();
    await flushPromises();
    expect(find('[data-test="accounts-tile-unmanaged"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(calls.filter((c) => c.command === 'accounts.rows').at(-1)?.input).toMatchObject({
      jobId: 'j1',
      accountClass: 'unmanaged',
    });
    expect(find('[data-test="accounts-count"]')?.textContent).toContain('1 account');
    wrapper.unmount();
  });

  it('offers Adopt only where it can succeed, and says why not beside a disabled button', async () => {
    const { wrapper } = await mountPage('en', adopted);
    const adopt = (id: string) => find(`[data-test="account-adopt-${id}"]`) as HTMLButtonElement | null;
    expect(adopt('t2')?.disabled).toBe(false);
    expect(adopt('t3')?.disabled).toBe(true);
    expect(adopt('t3')?.closest('.why-not')?.getAttribute('aria-label')).toContain('out of scope');
    expect(adopt('t4')?.closest('.why-not')?.getAttribute('aria-label')).toBe('No source object matches it');
    // A linked account is managed: it offers its link instead of actions.
    expect(find('[data-test="account-view-link-t1"]')).not.toBeNull();
    expect(adopt('t1')).toBeNull();
    wrapper.unmount();
  });

  it('adopts one account after confirmation, through accounts.act, and points to the log', async () => {
    const { wrapper, calls, router } = await mountPage('en', adopted);
    find('[data-test="account-adopt-t2"]')?.click();
    await flushPromises();
    const confirm = [...document.body.querySelectorAll<HTMLButtonElement>('.n-dialog button')].find(
      (b) => b.textContent?.trim() === 'Adopt',
    );
    expect(document.body.querySelector('.n-dialog')?.textContent).toContain('Adopt one account?');
    confirm?.click();
    await flushPromises();
    expect(calls.find((c) => c.command === 'accounts.act')?.input).toEqual({
      jobId: 'j1',
      action: 'adopt',
      accounts: [{ objectType: 'User', targetId: 't2' }],
    });
    expect(find('[data-test="accounts-tile-linked"]')?.textContent).toContain('2');
    find('[data-test="accounts-open-log"]')?.click();
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/logs?cycle=run-1');
    wrapper.unmount();
  });

  it('lists what was not done, with the reason in Korean', async () => {
    const refused: AccountActResult = {
      runId: 'run-2',
      outcomes: [
        {
          objectType: 'User',
          targetId: 't4',
          displayName: 'Ghost',
          done: false,
          refusal: 'targetGone',
          message: null,
        },
      ],
      report,
    };
    const { wrapper } = await mountPage('ko', refused);
    expect(find('[data-test="accounts-tile-unmanaged"]')?.textContent).toContain('관리되지 않음');
    find('[data-test="account-leave-t4"]')?.click();
    await flushPromises();
    [...document.body.querySelectorAll<HTMLButtonElement>('.n-dialog button')]
      .find((b) => b.textContent?.trim() === '그대로 두기')
      ?.click();
    await flushPromises();
    expect(find('[data-test="accounts-not-done"]')?.textContent).toContain('더 이상 대상 앱에 없습니다.');
    wrapper.unmount();
  });
});
