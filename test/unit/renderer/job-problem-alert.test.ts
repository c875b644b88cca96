// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { deriveJobStatus } from '@shared/domain/job-status';
import type { CycleSummary } from '@shared/domain/provisioning';
import JobStateAlerts from '../../../src-renderer/views/jobs/parts/job-state-alerts.vue';
import { createRosterI18n } from '../../../src-renderer/locales';

const message = 'The target answered 401: the credentials were refused.';

function failedCycle(): CycleSummary {
  return {
    id: 'c1',
    jobId: 'j1',
    dryRun: false,
    status: 'stopped',
    startedAt: '2026-03-02T09:00:00.000Z',
    endedAt: '2026-03-02T09:00:05.000Z',
    error: { code: 'Unauthorized', message },
  } as CycleSummary;
}

function render(language: 'en' | 'ko') {
  const state = deriveJobStatus({
    stored: { status: 'Active', quarantine: null },
    gaps: [],
    schedule: 'started',
    nextRunAt: null,
    running: false,
    progress: null,
    lastCycle: failedCycle(),
  });
  const wrapper = mount(JobStateAlerts, {
    props: { job: { state, quarantine: null, running: false } as never },
    global: { plugins: [createRosterI18n(language)] },
  });
  return wrapper.find('[data-test="job-problem"]');
}

describe("the job page's last-cycle problem", () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('says the cycle message in English, as before', () => {
    const alert = render('en');
    expect(alert.text()).toContain(`The last cycle stopped: ${message}`);
    expect(alert.find('[data-test="job-problem-detail"]').exists()).toBe(false);
  });

  it('says why in Korean by the error code and keeps the English as the detail', () => {
    const alert = render('ko');
    expect(alert.text()).toContain('마지막 주기가 중단되었습니다: 대상 앱이 자격 증명을 거부했습니다.');
    expect(alert.find('[data-test="job-problem-detail"]').text()).toContain(message);
  });
});
