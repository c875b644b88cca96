// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NRadioGroup, NSwitch } from 'naive-ui';
import { jobSettingsSchema, type JobSettings } from '@shared/domain/jobs';
import type { SourceObjectSample } from '@shared/domain/job-editing';
import type { TargetCapabilities } from '@shared/domain/target-capabilities';
import type { Result } from '@shared/domain/result';
import JobSettingsForm from '../../../src-renderer/views/jobs/parts/settings-editor/job-settings-form.vue';
import ObjectPicker from '../../../src-renderer/views/jobs/parts/scoping-editor/object-picker.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';

const people: SourceObjectSample[] = [
  { objectType: 'User', anchor: 'E1', displayName: 'Ada Lovelace', attributes: {} },
  { objectType: 'User', anchor: 'E2', displayName: 'Alan Turing', attributes: {} },
];

function transportFor(capabilities: TargetCapabilities) {
  const transport: Transport = {
    kind: 'browser',
    invoke: async (command, raw) => {
      const input = raw as { query?: string; objectType?: string };
      const answer = (value: unknown): Result<unknown> => ({ ok: true, value });
      if (command === 'targets.capabilities') return answer(capabilities);
      if (command === 'sources.search') {
        const items =
          input.objectType === 'User' ? people.filter((p) => p.anchor.includes(input.query ?? '')) : [];
        return answer({ items, total: items.length, readAt: '2026-01-01T00:00:00Z' });
      }
      return { ok: false, error: { code: 'unknownCommand', message: command } };
    },
    subscribe: () => () => {},
  };
  return transport;
}

const ldapWithoutDisable: TargetCapabilities = { kind: 'ldap', canDisable: false, disableMethod: 'none' };
const scim: TargetCapabilities = {
  kind: 'scim',
  canDisable: true,
  disableMethod: 'scimActive',
  requestShape: 'entra-legacy',
};

function mountForm(settings: JobSettings, assignments = { users: ['E1'], groups: [] as string[] }) {
  return mount(JobSettingsForm, {
    props: { settings, assignments, sourceConnection: 'HR', targetConnection: 'Directory' },
    global: { plugins: [createRosterI18n('en')] },
    attachTo: document.body,
  });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function lastSettings(wrapper: ReturnType<typeof mountForm>): JobSettings {
  return wrapper.emitted('update:settings')?.at(-1)?.[0] as JobSettings;
}

function feedbackOf(wrapper: ReturnType<typeof mountForm>, name: string): string[] {
  const item = wrapper.find(`[data-test="settings-${name}"]`).element.closest('.n-form-item');
  return [...(item?.querySelectorAll('.n-form-item-feedback__line') ?? [])].map((n) => n.textContent ?? '');
}

describe('job settings form', { timeout: 30_000 }, () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => (document.body.innerHTML = ''));

  it('says beside the choice that the target cannot disable, and never lets "disable" stand', async () => {
    useTransport(transportFor(ldapWithoutDisable));
    const wrapper = mountForm(jobSettingsSchema.parse({}));
    await settle();
    expect(wrapper.find('[data-test="settings-cannot-disable"]').text()).toContain(
      '“Directory” is an LDAP connection without a disable attribute.',
    );
    expect(wrapper.find('[data-test="settings-onSourceDelete-disable"]').text()).toContain(
      'Disable (not possible on this target)',
    );
    expect(
      wrapper.find('[data-test="settings-onSourceDelete-disable"] input').attributes('disabled'),
    ).toBeDefined();
    expect(feedbackOf(wrapper, 'onSourceDelete')).toEqual([
      'This target cannot disable accounts: choose “Delete the account” or give the connection a disable attribute.',
    ]);
    expect(wrapper.emitted('update:valid')?.at(-1)).toEqual([false]);

    const choice = wrapper
      .findAllComponents(NRadioGroup)
      .find((group) => group.attributes('data-test') === 'settings-onSourceDelete');
    choice?.vm.$emit('update:value', 'delete');
    await settle();
    expect(lastSettings(wrapper).onSourceDelete).toBe('delete');
    expect(feedbackOf(wrapper, 'onSourceDelete')).toEqual([]);
    expect(wrapper.emitted('update:valid')?.at(-1)).toEqual([true]);
    wrapper.unmount();
  });

  it('names how a target that can disable does it, and the connection’s request shape', async () => {
    useTransport(transportFor(scim));
    const wrapper = mountForm(jobSettingsSchema.parse({}));
    await settle();
    expect(wrapper.find('[data-test="settings-cannot-disable"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="settings-disable-method"]').text()).toBe(
      'This target disables an account by setting active to false.',
    );
    expect(wrapper.find('[data-test="settings-scimProfile"]').text()).toContain(
      'From the connection (Entra ID compatible (legacy))',
    );
    wrapper.unmount();
  });

  it('checks numbers beside their field and emits settings that differ only where the admin changed them', async () => {
    useTransport(transportFor(scim));
    const settings = jobSettingsSchema.parse({
      maxSourceShrinkFraction: 0.123456789,
      notificationEmail: 'it@example.com',
    });
    const wrapper = mountForm(settings);
    await settle();
    await wrapper.find('[data-test="settings-intervalMinutes"] input').setValue('0');
    await settle();
    expect(feedbackOf(wrapper, 'intervalMinutes')).toEqual(['Use a number from 1 to 1440.']);
    expect(wrapper.emitted('update:valid')?.at(-1)).toEqual([false]);
    await wrapper.find('[data-test="settings-intervalMinutes"] input').setValue('15');
    await settle();
    expect(feedbackOf(wrapper, 'intervalMinutes')).toEqual([]);
    const watch = wrapper
      .findAllComponents(NSwitch)
      .find((s) => s.attributes('data-test') === 'settings-watchSource');
    watch?.vm.$emit('update:value', false);
    await settle();
    expect(lastSettings(wrapper)).toEqual({ ...settings, intervalMinutes: 15, watchSource: false });
    expect(wrapper.emitted('update:valid')?.at(-1)).toEqual([true]);
    wrapper.unmount();
  });

  it('wants an address when failure emails are on', async () => {
    useTransport(transportFor(scim));
    const wrapper = mountForm(jobSettingsSchema.parse({}));
    await settle();
    const notify = wrapper
      .findAllComponents(NSwitch)
      .find((s) => s.attributes('data-test') === 'settings-notifyOnFailure');
    notify?.vm.$emit('update:value', true);
    await settle();
    expect(feedbackOf(wrapper, 'notificationEmail')).toEqual([
      'Enter the address to email, or turn failure emails off.',
    ]);
    await wrapper.find('[data-test="settings-notificationEmail"] input').setValue('it@example.com');
    await settle();
    expect(lastSettings(wrapper)).toMatchObject({
      notifyOnFailure: true,
      notificationEmail: 'it@example.com',
    });
    wrapper.unmount();
  });

  it('picks assigned users from the source as removable tags', async () => {
    useTransport(transportFor(scim));
    const wrapper = mountForm(jobSettingsSchema.parse({ scope: 'assigned' }));
    await settle();
    expect(wrapper.find('[data-test="assigned-User"]').text()).toContain('Ada Lovelace (E1)');
    const userPicker = wrapper.findAllComponents(ObjectPicker).find((p) => p.props('objectType') === 'User');
    userPicker?.vm.$emit('pick', people[1]);
    await settle();
    expect(wrapper.emitted('update:assignments')?.at(-1)).toEqual([{ users: ['E1', 'E2'], groups: [] }]);
    await wrapper.find('[data-test="assigned-remove-User-E1"]').trigger('click');
    expect(wrapper.emitted('update:assignments')?.at(-1)).toEqual([{ users: [], groups: [] }]);
    wrapper.unmount();
  });

  it('warns that an assigned scope with nobody assigned provisions nobody', async () => {
    useTransport(transportFor(scim));
    const wrapper = mountForm(jobSettingsSchema.parse({ scope: 'assigned' }), { users: [], groups: [] });
    await settle();
    expect(wrapper.find('[data-test="settings-nothing-assigned"]').text()).toContain(
      'this job provisions nobody',
    );
    wrapper.unmount();
  });
});
