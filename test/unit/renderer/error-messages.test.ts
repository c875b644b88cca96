// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NNotificationProvider } from 'naive-ui';
import { errorMessageCodes, saidOf, sayError } from '@shared/domain/error-messages';
import ErrorPresenter from '../../../src-renderer/components/error-presenter.vue';
import { ApiError } from '../../../src-renderer/api';
import { useErrorsStore } from '../../../src-renderer/stores/errors';
import { createRosterI18n } from '../../../src-renderer/locales';

const held = sayError('jobHeldElsewhere', {
  job: 'HR → Slack',
  label: 'roster sync',
  pid: '4242',
  host: 'hr-01',
  sinceTime: '12:00:01',
  expiresTime: '12:01:01',
  seconds: '42',
});

describe('a refused command said by its code', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('keeps the English the CLI prints and the code beside it', () => {
    expect(held.message).toBe(
      'HR → Slack is being run by roster sync (process 4242 on host hr-01) since 12:00:01; wait for it to finish, or stop it. ' +
        'If that process is gone without finishing, the job is free again when its lease expires at 12:01:01 (in 42 s).',
    );
    expect(saidOf({ said: held.said, holder: {} })).toEqual(held.said);
    expect(saidOf({ said: { code: 'noSuchCode', params: {} } })).toBeNull();
    expect(saidOf(undefined)).toBeNull();
  });

  it("says the account discovery's refusal in the CLI's words and in Korean", () => {
    const discovering = sayError('discoveryHeldElsewhere', {
      job: 'HR → Slack',
      label: 'roster accounts discover',
      pid: '77',
      host: 'hr-01',
      sinceTime: '09:30:00',
    });
    expect(discovering.message).toBe(
      'Accounts of HR → Slack are being discovered by roster accounts discover (process 77 on host hr-01) ' +
        'since 09:30:00; wait for it to finish, or cancel it there.',
    );
    const ko = createRosterI18n('ko').global;
    expect(ko.t('errorMessages.discoveryHeldElsewhere', discovering.said.params)).toContain(
      'HR → Slack의 계정을 검색하고 있습니다',
    );
  });

  it('keeps the English of the converted refusals word for word', () => {
    expect(
      sayError('appProfileMissingGuess', { id: 'slak', guess: 'slack', known: 'asana, slack' }).message,
    ).toBe('There is no app profile "slak" — did you mean "slack"? (known: asana, slack).');
    expect(sayError('sourceConnectionMissing', { name: 'HR' }).message).toBe(
      'There is no connection named "HR" for the job\'s source. Create it first (Connections).',
    );
    expect(sayError('jobMissing', { id: 'j1' }).message).toBe(
      'There is no job with id j1; it may have been deleted.',
    );
  });

  it("the app's English catalogue says exactly the main process's English", () => {
    const i18n = createRosterI18n('en').global;
    expect(i18n.t('errorMessages.jobHeldElsewhere', held.said.params)).toBe(held.message);
    for (const code of errorMessageCodes) expect(i18n.te(`errorMessages.${code}`), code).toBe(true);
  });

  it('the error presenter says it in Korean from the code', async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const host = defineComponent({ setup: () => () => h(NNotificationProvider, () => h(ErrorPresenter)) });
    mount(host, { global: { plugins: [pinia, createRosterI18n('ko')] }, attachTo: document.body });
    useErrorsStore().report(
      new ApiError({ code: 'conflict', message: held.message, details: { said: held.said } }),
    );
    await nextTick();
    await nextTick();
    const text = document.body.textContent ?? '';
    expect(text).toContain(
      '12:00:01부터 roster sync(호스트 hr-01의 프로세스 4242)이(가) HR → Slack을(를) 실행하고 있습니다.',
    );
    expect(text).not.toContain('is being run by');
  });
});
