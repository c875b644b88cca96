// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { NMessageProvider } from 'naive-ui';
import { defineComponent, h } from 'vue';
import { appProfileSchema, summarizeAppProfile, type AppProfile } from '@shared/domain/app-profile';
import type { Result } from '@shared/domain/result';
import AppGallery from '../../../src-renderer/views/jobs/wizard/gallery/app-gallery.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';

/** The bundled profiles, as apps.list and apps.get answer them. */
const files = import.meta.glob<unknown>('../../../resources/apps/*.json', { eager: true, import: 'default' });
const profiles: AppProfile[] = Object.values(files)
  .map((raw) => appProfileSchema.parse(raw))
  // Gallery order (src-main/app/apps/app-profiles.ts): by name, the generic profile last.
  .sort((a, b) =>
    a.id === 'generic-scim' ? 1 : b.id === 'generic-scim' ? -1 : a.name.localeCompare(b.name, 'en'),
  );
const catalogue = {
  profiles,
  get: (id: string) => profiles.find((profile) => profile.id === id),
};

function galleryTransport(create: Result<unknown>) {
  const calls: { command: string; input: unknown }[] = [];
  const transport: Transport = {
    kind: 'browser',
    invoke: async (command, input) => {
      calls.push({ command, input });
      if (command === 'apps.list') return { ok: true, value: catalogue.profiles.map(summarizeAppProfile) };
      if (command === 'apps.get') {
        const profile = catalogue.get((input as { id: string }).id);
        return profile
          ? { ok: true, value: profile }
          : { ok: false, error: { code: 'notFound', message: 'x' } };
      }
      if (command === 'connections.create') return create;
      return { ok: false, error: { code: 'unknownCommand', message: command } };
    },
    subscribe: () => () => {},
  };
  return { transport, calls };
}

function mountGallery(language: 'en' | 'ko' = 'en', takenNames: string[] = []) {
  const created: unknown[] = [];
  const host = defineComponent({
    setup: () => () =>
      h(NMessageProvider, () =>
        h(AppGallery, { takenNames, onCreated: (connection: unknown) => created.push(connection) }),
      ),
  });
  const wrapper = mount(host, { global: { plugins: [createRosterI18n(language)] }, attachTo: document.body });
  return { wrapper, created };
}

function cardIds(wrapper: VueWrapper): string[] {
  return wrapper.findAll('[data-test^="gallery-app-"]').map((card) => card.attributes('data-test') ?? '');
}

function feedback(wrapper: VueWrapper): string[] {
  return wrapper.findAll('.n-form-item-feedback__line').map((node) => node.text());
}

// Mounting naive-ui in happy-dom takes seconds on a loaded 2-core machine.
describe('app gallery', { timeout: 30_000 }, () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('shows every bundled app with what it supports and a link to its setup page', async () => {
    useTransport(galleryTransport({ ok: false, error: { code: 'internal', message: 'unused' } }).transport);
    const { wrapper } = mountGallery();
    await flushPromises();
    expect(cardIds(wrapper)).toHaveLength(catalogue.profiles.length);
    expect(cardIds(wrapper).at(-1)).toBe('gallery-app-generic-scim');
    const slack = wrapper.find('[data-test="gallery-app-slack"]');
    expect(slack.find('[data-test="fact-groups"]').text()).toBe('Groups');
    expect(slack.find('[data-test="fact-leavers"]').text()).toBe('Delete deactivates');
    expect(slack.find('[data-test="fact-updates"]').text()).toBe('PATCH or PUT');
    expect(slack.find('[data-test="fact-rateLimit"]').text()).toBe('Rate limit: 3/s');
    expect(slack.find('[data-test="fact-rateLimit"]').attributes('title')).toContain('Org-wide');
    expect(slack.find('[data-test="fact-dialect"]').text()).toBe('Dialect scim2');
    const link = slack.find('a.setup-link');
    expect(link.attributes('href')).toBe(catalogue.get('slack')?.setupUrl);
    expect(link.attributes('rel')).toContain('noopener');
    expect(wrapper.find('[data-test="gallery-app-salesforce"] [data-test="fact-leavers"]').text()).toBe(
      'Disables leavers',
    );
    // AWS IAM Identity Center's group reads come back without members (its GetGroup page).
    expect(
      wrapper.find('[data-test="gallery-app-aws-iam-identity-center"] [data-test="fact-memberReads"]').text(),
    ).toBe('Group reads without members');
    expect(wrapper.find('[data-test="gallery-app-slack"] [data-test="fact-memberReads"]').exists()).toBe(
      false,
    );
    expect(wrapper.find('[data-test="gallery-app-launchdarkly"] [data-test="fact-groups"]').text()).toBe(
      'No groups',
    );
    wrapper.unmount();
  });

  it('finds apps by any word of their name, vendor or summary, and says when none matches', async () => {
    useTransport(galleryTransport({ ok: false, error: { code: 'internal', message: 'unused' } }).transport);
    const { wrapper } = mountGallery();
    await flushPromises();
    await wrapper.find('[data-test="gallery-search"] input').setValue('amazon');
    expect(cardIds(wrapper)).toEqual(['gallery-app-aws-iam-identity-center']);
    expect(wrapper.find('[data-test="gallery-count"]').text()).toBe('1 app');
    await wrapper.find('[data-test="gallery-search"] input').setValue('okta workday');
    expect(cardIds(wrapper)).toEqual([]);
    expect(wrapper.find('[data-test="gallery-no-match"]').text()).toContain('Generic SCIM 2.0');
    wrapper.unmount();
  });

  it('asks for the tenant parts of the URL and the token, then creates the connection with the profile’s settings', async () => {
    const view = { id: 'c1', name: 'AWS IAM Identity Center', kind: 'scim', settings: {}, secrets: {} };
    const { transport, calls } = galleryTransport({ ok: true, value: view });
    useTransport(transport);
    const { wrapper, created } = mountGallery();
    await flushPromises();
    await wrapper.find('[data-test="gallery-choose-aws-iam-identity-center"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="gallery-setup"]').text()).toContain(
      'Connect to AWS IAM Identity Center',
    );
    const url = wrapper.find('[data-test="gallery-base-url"] input');
    expect((url.element as HTMLInputElement).value).toBe(
      'https://scim.{region}.amazonaws.com/{tenantId}/scim/v2',
    );
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(feedback(wrapper)).toContain('Replace {region}, {tenantId} with your own values');
    expect(feedback(wrapper)).toContain('Required: Roster cannot sign in without it');
    expect(calls.some((c) => c.command === 'connections.create')).toBe(false);

    await url.setValue('https://scim.eu-west-1.amazonaws.com/abc-123/scim/v2');
    await wrapper.find('[data-test="gallery-token"] input').setValue('secret-token');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.command === 'connections.create')?.input).toEqual({
      name: 'AWS IAM Identity Center',
      kind: 'scim',
      settings: {
        baseUrl: 'https://scim.eu-west-1.amazonaws.com/abc-123/scim/v2',
        authType: 'bearer',
        requestShape: 'scim2',
        app: 'aws-iam-identity-center',
        // AWS does not document PATCH or PUT: the server's /ServiceProviderConfig decides per cycle.
        groupReadsIncludeMembers: false,
        userDisable: 'activeFalse',
      },
      secrets: { bearerToken: 'secret-token' },
    });
    expect(created).toEqual([view]);
    wrapper.unmount();
  });

  it('puts the app’s refusal beside the field it names, and keeps a taken name from being sent', async () => {
    const { transport, calls } = galleryTransport({
      ok: false,
      error: {
        code: 'invalidInput',
        message: 'Invalid input',
        details: { issues: [{ path: 'settings.baseUrl', message: 'Use an https:// URL' }] },
      },
    });
    useTransport(transport);
    const { wrapper } = mountGallery('en', ['Slack']);
    await flushPromises();
    await wrapper.find('[data-test="gallery-choose-slack"]').trigger('click');
    await flushPromises();
    // The app's own name is taken: the form proposes the next free one.
    expect((wrapper.find('[data-test="gallery-name"] input').element as HTMLInputElement).value).toBe(
      'Slack 2',
    );
    await wrapper.find('[data-test="gallery-name"] input').setValue('slack');
    await wrapper.find('[data-test="gallery-token"] input').setValue('xoxp-1');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(feedback(wrapper)).toContain('A connection named “slack” exists already: choose another name');
    expect(calls.some((c) => c.command === 'connections.create')).toBe(false);
    await wrapper.find('[data-test="gallery-name"] input').setValue('Slack (EMEA)');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(feedback(wrapper)).toContain('Use an https:// URL');
    await wrapper.find('[data-test="gallery-back"]').trigger('click');
    await flushPromises();
    expect(cardIds(wrapper)).toHaveLength(catalogue.profiles.length);
    wrapper.unmount();
  });

  it('speaks Korean', async () => {
    useTransport(galleryTransport({ ok: false, error: { code: 'internal', message: 'unused' } }).transport);
    const { wrapper } = mountGallery('ko');
    await flushPromises();
    expect(wrapper.find('[data-test="gallery-app-slack"] [data-test="fact-groups"]').text()).toBe('그룹');
    expect(wrapper.find('[data-test="gallery-count"]').text()).toBe(`앱 ${catalogue.profiles.length}개`);
    expect(wrapper.find('[data-test="gallery-search"] input').attributes('placeholder')).toBe(
      '앱 이름, 공급업체 또는 프로비저닝 대상으로 검색',
    );
    wrapper.unmount();
  });

  it('shows each profile’s own texts in Korean, and finds apps by Korean or English words', async () => {
    useTransport(galleryTransport({ ok: false, error: { code: 'internal', message: 'unused' } }).transport);
    const { wrapper } = mountGallery('ko');
    await flushPromises();
    const slack = catalogue.get('slack')?.translations.ko;
    const card = wrapper.find('[data-test="gallery-app-slack"]');
    expect(card.find('.summary').text()).toBe(slack?.summary);
    expect(card.find('[data-test="fact-rateLimit"]').attributes('title')).toBe(
      `속도 제한: ${slack?.rateLimitText}`,
    );
    await wrapper.find('[data-test="gallery-search"] input').setValue('워크스페이스');
    expect(cardIds(wrapper)).toEqual(['gallery-app-notion', 'gallery-app-slack']);
    await wrapper.find('[data-test="gallery-search"] input').setValue('amazon');
    expect(cardIds(wrapper)).toEqual(['gallery-app-aws-iam-identity-center']);
    await wrapper.find('[data-test="gallery-choose-aws-iam-identity-center"]').trigger('click');
    await flushPromises();
    const aws = catalogue.get('aws-iam-identity-center')?.translations.ko;
    expect(feedback(wrapper)).toEqual([aws?.baseUrlHint, aws?.credentialHint]);
    wrapper.unmount();
  });
});
