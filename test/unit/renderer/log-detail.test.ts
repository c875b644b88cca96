// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { say } from '@shared/domain/log-messages';
import type { ProvisioningLogEntry } from '@shared/domain/provisioning';
import LogDetail from '../../../src-renderer/views/logs/parts/log-detail.vue';
import { createRosterI18n } from '../../../src-renderer/locales';

/** A create that succeeded whose manager could not be resolved yet: overall a warning (§14.3). */
const entry: ProvisioningLogEntry = {
  id: 'e-1',
  activityDateTime: '2026-03-10T12:00:00.000Z',
  jobId: 'job-1',
  jobName: 'HR → Slack',
  cycleId: 'cycle-1',
  changeId: 'change-1',
  provisioningAction: 'create',
  status: 'warning',
  errorInformation: {
    errorCode: 'ManagerNotYetProvisioned',
    reason: 'The manager E1002 has no account in Slack yet.',
    errorCategory: 'NonServiceFailure',
    recommendedAction: 'Nothing: the next cycle sets the manager once E1002 exists.',
  },
  durationInMilliseconds: 42,
  initiatedBy: { type: 'system', displayName: 'Scheduler' },
  sourceIdentity: { id: 'E1001', displayName: 'Ha-eun Song', identityType: 'User' },
  targetIdentity: { id: 'scim-77', displayName: 'Ha-eun Song', identityType: 'User' },
  modifiedProperties: [
    { displayName: 'userName', oldValue: null, newValue: 'haeun.song@example.com' },
    { displayName: 'title', oldValue: 'Engineer', newValue: 'Senior Engineer' },
  ],
  provisioningSteps: [
    {
      name: 'Import',
      provisioningStepType: 'import',
      status: 'success',
      description: 'Read from HR.csv',
      details: {},
    },
    {
      name: 'Match',
      provisioningStepType: 'matching',
      status: 'success',
      description: 'No account matched userName',
      details: { matchedOn: 'userName', candidates: '0' },
    },
    {
      name: 'Export',
      provisioningStepType: 'export',
      status: 'success',
      description: 'Created in Slack',
      details: {},
    },
    {
      name: 'Resolve references',
      provisioningStepType: 'referenceResolution',
      status: 'failure',
      description: 'Manager E1002 is not provisioned yet',
      details: { attribute: 'manager' },
    },
  ],
};

function mountDetail(language: 'en' | 'ko' = 'en') {
  return mount(LogDetail, { props: { entry }, global: { plugins: [createRosterI18n(language)] } });
}

describe('log entry detail', () => {
  it('lists every step in order with its status in words, description and details', () => {
    const wrapper = mountDetail();
    const steps = wrapper.findAll('[data-test^="step-"]');
    expect(steps.map((step) => step.attributes('data-test'))).toEqual([
      'step-import',
      'step-matching',
      'step-export',
      'step-referenceResolution',
    ]);
    const match = wrapper.find('[data-test="step-matching"]');
    expect(match.text()).toContain('2. Match');
    expect(match.text()).toContain('Success');
    expect(match.text()).toContain('No account matched userName');
    expect(match.findAll('dt').map((dt) => dt.text())).toEqual(['matchedOn', 'candidates']);
    expect(match.findAll('dd').map((dd) => dd.text())).toEqual(['userName', '0']);

    const references = wrapper.find('[data-test="step-referenceResolution"]');
    expect(references.text()).toContain('4. Resolve references');
    expect(references.text()).toContain('Failure');
    expect(references.classes().join(' ')).toContain('error');
  });

  it('shows the error with what to do, and each changed attribute old → new', () => {
    const wrapper = mountDetail();
    expect(wrapper.find('[data-test="detail-status"]').text()).toBe('Warning');
    const error = wrapper.find('[data-test="detail-error"]');
    expect(error.text()).toContain('The manager E1002 has no account in Slack yet.');
    expect(error.text()).toContain('What to do: Nothing: the next cycle sets the manager once E1002 exists.');
    expect(error.text()).toContain('ManagerNotYetProvisioned');
    const rows = wrapper
      .findAll('[data-test="detail-modified"] tbody tr')
      .map((row) => row.findAll('td').map((cell) => cell.text()));
    expect(rows).toEqual([
      ['userName', '(empty)', 'haeun.song@example.com'],
      ['title', 'Engineer', 'Senior Engineer'],
    ]);
  });

  it('says a group’s old member count in Korean, and leaves an attribute’s own old value as it is', () => {
    const group: ProvisioningLogEntry = {
      ...entry,
      modifiedProperties: [
        {
          displayName: 'members',
          oldValue: say('referenceMemberCount', { count: 12 }).text,
          newValue: '+3 / −1',
        },
        { displayName: 'description', oldValue: '12 member(s)', newValue: 'Sales' },
      ],
    };
    const rowsOf = (language: 'en' | 'ko') =>
      mount(LogDetail, { props: { entry: group }, global: { plugins: [createRosterI18n(language)] } })
        .findAll('[data-test="detail-modified"] tbody tr')
        .map((row) => row.findAll('td').map((cell) => cell.text()));
    expect(rowsOf('en')).toEqual([
      ['members', '12 member(s)', '+3 / −1'],
      ['description', '12 member(s)', 'Sales'],
    ]);
    expect(rowsOf('ko')).toEqual([
      ['members', '구성원 12명', '+3 / −1'],
      ['description', '12 member(s)', 'Sales'],
    ]);
  });

  it('names the steps in Korean', () => {
    const wrapper = mountDetail('ko');
    expect(wrapper.find('[data-test="step-scoping"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="step-matching"]').text()).toContain('2. 일치');
    expect(wrapper.find('[data-test="step-referenceResolution"]').text()).toContain('실패');
    expect(wrapper.text()).toContain('해야 할 일:');
  });

  it('says the engine’s advice in Korean from its code, and an entry written before codes in its English', () => {
    const advice = say('adviceResetLink');
    const gone: ProvisioningLogEntry = {
      ...entry,
      status: 'failure',
      provisioningAction: 'update',
      errorInformation: {
        errorCode: 'InvalidAnchor',
        reason: 'The linked target object scim-77 no longer exists in Slack.',
        errorCategory: 'NonServiceFailure',
        recommendedAction: advice.text,
        recommendedActionCode: advice.code,
        recommendedActionParams: advice.params,
      },
    };
    const mountEntry = (e: ProvisioningLogEntry, language: 'en' | 'ko') =>
      mount(LogDetail, { props: { entry: e }, global: { plugins: [createRosterI18n(language)] } });
    const adviceOf = (e: ProvisioningLogEntry, language: 'en' | 'ko') =>
      mountEntry(e, language).find('[data-test="detail-advice"]').text();

    expect(adviceOf(gone, 'ko')).toBe(
      '해야 할 일: 이 개체의 연결을 초기화하세요(또는 `roster reset <작업> --full` 실행). ' +
        '그러면 Roster가 다시 일치시키거나 새로 만듭니다.',
    );
    expect(adviceOf(gone, 'en')).toBe(`What to do: ${advice.text}`);
    const {
      recommendedActionCode: _code,
      recommendedActionParams: _params,
      ...withoutCode
    } = gone.errorInformation ?? { errorCode: '', reason: '', errorCategory: '' };
    expect(adviceOf({ ...gone, errorInformation: withoutCode }, 'ko')).toBe(`해야 할 일: ${advice.text}`);
  });
});
