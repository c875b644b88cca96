// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NDialogProvider, NMessageProvider } from 'naive-ui';
import { defineComponent, h, ref } from 'vue';
import type { LinkView } from '@shared/domain/accounts';
import type { Result } from '@shared/domain/result';
import LinkDrawer from '../../../src-renderer/views/accounts/parts/link-drawer.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';

const link: LinkView = {
  jobId: 'j1',
  objectType: 'User',
  anchor: 'E0001',
  targetId: 'scim-42',
  displayName: 'Minji Park',
  active: true,
  exported: { userName: 'minji.park@example.com', title: '' },
  members: [],
  linkedAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
};

function transportWith(deleteAnswer: Result<unknown>) {
  const calls: { command: string; input: unknown }[] = [];
  const transport: Transport = {
    kind: 'browser',
    invoke: async (command, input) => {
      calls.push({ command, input });
      if (command === 'links.get') return { ok: true, value: link };
      if (command === 'links.delete') return deleteAnswer;
      return { ok: false, error: { code: 'internal', message: command } };
    },
    subscribe: () => () => {},
  };
  return { transport, calls };
}

function mountDrawer(language: 'en' | 'ko', started: boolean) {
  const provisioned = ref<{ kind: string; query: string } | null>(null);
  const host = defineComponent({
    setup: () => () =>
      h(NDialogProvider, () =>
        h(NMessageProvider, () =>
          h(LinkDrawer, {
            show: true,
            jobId: 'j1',
            started,
            targetName: 'Slack',
            preset: { objectType: 'User', anchor: 'E0001' },
            onProvision: (request: { kind: string; query: string }) => (provisioned.value = request),
          }),
        ),
      ),
  });
  const wrapper = mount(host, { global: { plugins: [createRosterI18n(language)] }, attachTo: document.body });
  return { wrapper, provisioned };
}

const find = (selector: string) => document.body.querySelector<HTMLElement>(selector);
async function confirmDelete(label: string): Promise<void> {
  find('[data-test="link-delete"]')?.click();
  await flushPromises();
  [...document.body.querySelectorAll<HTMLButtonElement>('.n-dialog button')]
    .find((b) => b.textContent?.trim() === label)
    ?.click();
  await flushPromises();
}

describe('one object’s link (link drawer)', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => (document.body.innerHTML = ''));

  it('shows the stored link with its last exported values, deletes it, then offers provision on demand', async () => {
    const { transport, calls } = transportWith({ ok: true, value: { deleted: true, link } });
    useTransport(transport);
    const { wrapper, provisioned } = mountDrawer('en', false);
    await flushPromises();
    expect(find('[data-test="link-target-id"]')?.textContent).toBe('scim-42');
    expect(find('[data-test="link-exported"]')?.textContent).toContain('minji.park@example.com');
    expect(find('[data-test="link-exported"]')?.textContent).toContain('(empty)');

    await confirmDelete('Delete link');
    expect(calls.find((c) => c.command === 'links.delete')?.input).toEqual({
      jobId: 'j1',
      objectType: 'User',
      anchor: 'E0001',
    });
    expect(find('[data-test="link-missing"]')?.textContent).toContain('The link of Minji Park is deleted.');
    find('[data-test="link-provision"]')?.click();
    expect(provisioned.value).toEqual({ kind: 'user', query: 'E0001' });
    wrapper.unmount();
  });

  it('says why a delete was refused while the job runs on its schedule, in Korean', async () => {
    const { transport } = transportWith({
      ok: false,
      error: {
        code: 'conflict',
        message: 'HR → Slack runs on its schedule…',
        details: { reason: 'jobStarted' },
      },
    });
    useTransport(transport);
    const { wrapper } = mountDrawer('ko', true);
    await flushPromises();
    expect(find('[data-test="link-paused-hint"]')?.textContent).toContain('일시 중지');
    await confirmDelete('연결 삭제');
    expect(find('[data-test="link-refusal"]')?.textContent).toContain('먼저 일시 중지하세요');
    expect(find('[data-test="link-target-id"]')?.textContent).toBe('scim-42');
    wrapper.unmount();
  });
});
