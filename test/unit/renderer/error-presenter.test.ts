// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NNotificationProvider } from 'naive-ui';
import { defineComponent, h } from 'vue';
import ErrorPresenter from '../../../src-renderer/components/error-presenter.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { ApiError } from '../../../src-renderer/api';
import { useErrorsStore } from '../../../src-renderer/stores/errors';

function mountPresenter() {
  const host = defineComponent({ setup: () => () => h(NNotificationProvider, () => h(ErrorPresenter)) });
  return mount(host, { global: { plugins: [createRosterI18n('ko')] }, attachTo: document.body });
}

describe('the error presenter', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => (document.body.innerHTML = ''));

  it('shows a failure once, titled in the admin’s language, until it is closed', async () => {
    const wrapper = mountPresenter();
    const errors = useErrorsStore();
    const failure = new ApiError({ code: 'notFound', message: 'There is no job with id j1.' });
    errors.report(failure);
    await flushPromises();
    errors.report(failure);
    errors.report(new ApiError({ code: 'notFound', message: 'There is no connection with id c9.' }));
    await flushPromises();
    const notices = [...document.querySelectorAll('.n-notification')].map((n) => n.textContent ?? '');
    expect(notices).toHaveLength(2);
    expect(notices[0]).toContain('There is no job with id j1.');
    // The Korean title for the code, not the English one.
    expect(notices[0]).not.toContain('That item no longer exists.');
    // It stays: no timer closes it while the admin reads (naive-ui shows a close button instead).
    expect(document.querySelectorAll('.n-notification .n-base-close')).toHaveLength(2);
    wrapper.unmount();
  });
});
