// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { emptyCounters, type CycleSummary } from '@shared/domain/provisioning';
import DryRunOnly from '../../../src-renderer/views/jobs/parts/dry-run-only.vue';
import { createRosterI18n } from '../../../src-renderer/locales';

const dryRun: CycleSummary = {
  id: 'c1',
  jobId: 'j1',
  kind: 'initial',
  dryRun: true,
  status: 'completed',
  startedAt: '2026-12-03T05:00:00.000Z',
  endedAt: '2026-12-03T05:00:04.000Z',
  initiatedBy: 'alice',
  counters: { ...emptyCounters(), read: 200, created: 198, disabled: 1, failed: 0 },
  error: null,
};

describe('a job with only dry runs', () => {
  it('says what the last dry run found and that nothing changed, not "has not run yet"', async () => {
    const wrapper = mount(DryRunOnly, {
      props: { cycle: dryRun },
      global: { plugins: [createRosterI18n('en')] },
    });
    const text = wrapper.text();
    expect(text).toContain('Only dry runs so far');
    expect(text).toContain('nothing was changed in the target');
    expect(text).toContain('198 to create, 1 to disable');
    expect(text).not.toContain('has not run yet');
    await wrapper.find('[data-test="dry-run-only-plan"]').trigger('click');
    expect(wrapper.emitted('plan')?.[0]).toEqual([dryRun]);
  });

  it('reads in Korean too', () => {
    const wrapper = mount(DryRunOnly, {
      props: { cycle: dryRun },
      global: { plugins: [createRosterI18n('ko')] },
    });
    expect(wrapper.text()).toContain('만들기 198건, 비활성화 1건');
  });
});
