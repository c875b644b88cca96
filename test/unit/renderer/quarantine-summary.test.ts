// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { deriveJobStatus, type JobStatusInput } from '@shared/domain/job-status';
import QuarantineSummary from '../../../src-renderer/views/jobs/parts/quarantine-summary.vue';
import { createRosterI18n } from '../../../src-renderer/locales';

const since = '2026-03-02T09:00:00.000Z';
const nextAttempt = '2026-03-02T15:00:00.000Z';

function state(over: Partial<JobStatusInput['stored']> & { schedule?: JobStatusInput['schedule'] } = {}) {
  return deriveJobStatus({
    stored: {
      status: over.status ?? 'Quarantine',
      quarantine:
        over.quarantine === undefined
          ? { reason: 'EncounteredQuarantineException', since, detail: '401 from the app' }
          : over.quarantine,
    },
    gaps: [],
    schedule: over.schedule ?? 'started',
    nextRunAt: nextAttempt,
    running: false,
    progress: null,
    lastCycle: null,
  });
}

function render(jobState: ReturnType<typeof state>, language: 'en' | 'ko' = 'en') {
  const i18n = createRosterI18n(language);
  const wrapper = mount(QuarantineSummary, {
    props: { job: { state: jobState } },
    global: { plugins: [i18n] },
  });
  const long = (iso: string) => i18n.global.d(new Date(iso), 'long');
  const text = (test: string) => wrapper.find(`[data-test="${test}"]`).text();
  return { wrapper, long, text };
}

describe('the quarantine on the Dashboard card', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('names the reason, since when, the next attempt and what to fix', () => {
    const { text, long } = render(state());
    expect(text('quarantine-reason')).toBe(
      `In quarantine since ${long(since)}: the app refused the connection`,
    );
    expect(text('quarantine-next')).toBe(`Next attempt ${long(nextAttempt)}.`);
    expect(text('quarantine-hint')).toContain('Test connection');
  });

  it('gives each reason its own hint, in Korean too', () => {
    const failures = state({
      quarantine: { reason: 'EncounteredEscrowProportionThreshold', since, detail: '' },
    });
    expect(render(failures).text('quarantine-hint')).toContain('Waiting for retry');
    const deletes = render(state({ quarantine: { reason: 'TooManyDeletes', since, detail: '' } }), 'ko');
    expect(deletes.text('quarantine-reason')).toContain('격리됨');
    expect(deletes.text('quarantine-hint')).toContain('보류된 사용 중지와 삭제');
  });

  it('says no attempt runs while the job is paused', () => {
    expect(render(state({ schedule: 'paused' })).text('quarantine-next')).toBe(
      'No attempt runs while the job is paused.',
    );
  });

  it('says a Disabled job waits for the admin, with no next attempt', () => {
    const { wrapper, text } = render(state({ status: 'Disabled' }));
    expect(text('quarantine-reason')).toBe(
      'Disabled after 28 days in quarantine: the app refused the connection',
    );
    expect(wrapper.find('[data-test="quarantine-next"]').exists()).toBe(false);
    expect(text('quarantine-hint')).toBe('It does not run again until you start or restart it.');
  });

  it('shows nothing for a healthy job', () => {
    expect(render(state({ status: 'Active', quarantine: null })).wrapper.html()).toBe('<!--v-if-->');
  });
});
