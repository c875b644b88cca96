// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import {
  englishOf,
  logMessageCodes,
  logMessageTemplates,
  messageOf,
  parseEnglish,
  say,
} from '@shared/domain/log-messages';
import type { ProvisioningStep } from '@shared/domain/provisioning';
import { en } from '../../../src-renderer/locales/en';
import { ko } from '../../../src-renderer/locales/ko';
import { createRosterI18n } from '../../../src-renderer/locales';
import { logText, translateMessage } from '../../../src-renderer/components/log-message';
import LogSteps from '../../../src-renderer/views/logs/parts/log-steps.vue';
import { actionLabelKey } from '../../../src-renderer/views/logs/parts/action-label';
import { translator } from './translator';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('engine log message codes', () => {
  it('has an English and a Korean sentence for every code, with the same placeholders', () => {
    const english = en.logMessages as Record<string, string>;
    const korean = ko.logMessages as Record<string, string>;
    for (const code of logMessageCodes) {
      expect(english[code], code).toBe(logMessageTemplates[code]);
      // Every sentence with words is in Korean; a template of only placeholders ("{why}: {detail}") has none.
      if (/[a-z]{3}/i.test(logMessageTemplates[code].replace(/\{\w+\}/g, '')))
        expect(korean[code], code).toMatch(/[가-힣]/);
      expect(placeholders(korean[code] ?? ''), code).toEqual(placeholders(logMessageTemplates[code]));
    }
    expect(Object.keys(korean).sort()).toEqual([...logMessageCodes].sort());
  });

  it('stores the English sentence the engine always wrote', () => {
    expect(say('exportCreated', { target: 'Slack' }).text).toBe('Created in Slack');
    expect(say('matchFound', { targetId: 'u1', path: 'userName', value: 'ann@example.com' }).text).toBe(
      'Matched the target object u1 on userName = "ann@example.com"',
    );
  });

  it('translates a message and the messages nested in it', () => {
    const nested = say('processDeprovision', {
      why: messageOf(say('decideDisable')),
      detail: messageOf(say('scopeDisabled')),
    });
    expect(englishOf(nested)).toBe(
      'Left scope or disabled in the source: disable it: Disabled in the source',
    );
    expect(translateMessage(nested, translator('ko'))).toBe(
      '범위를 벗어났거나 원본에서 비활성화됨: 비활성화합니다: 원본에서 비활성화됨',
    );
  });

  it('shows the stored English in English, translates in Korean, and keeps text that has no code', () => {
    const created = say('exportCreated', { target: 'Roster Sandbox' });
    expect(logText(created.text, created.code, created.params, translator('en'))).toBe(
      'Created in Roster Sandbox',
    );
    expect(logText(created.text, created.code, created.params, translator('ko'))).toBe(
      'Roster Sandbox에 만듦',
    );
    // A target's own error text is not Roster's to translate.
    expect(logText('HTTP 400: userName is invalid', undefined, undefined, translator('ko'))).toBe(
      'HTTP 400: userName is invalid',
    );
  });

  it('renders a stored entry’s steps in Korean, without the code among the details', () => {
    const step = (
      type: ProvisioningStep['provisioningStepType'],
      text: ReturnType<typeof say>,
    ): ProvisioningStep => ({
      name: type,
      provisioningStepType: type,
      status: 'success',
      description: text.text,
      details: {},
      messageCode: text.code,
      messageParams: text.params,
    });
    const steps: ProvisioningStep[] = [
      step('import', say('importRead', { source: 'HR export' })),
      step('scoping', say('scopeSoftDeleted')),
      { ...step('processing', say('processUnchanged')), details: { messageCode: 'x', attributes: 'mail' } },
    ];
    const wrapper = mount(LogSteps, { props: { steps }, global: { plugins: [createRosterI18n('ko')] } });
    const descriptions = wrapper.findAll('[data-test="log-step-text"]').map((d) => d.text());
    expect(descriptions).toEqual([
      'HR export에서 읽음',
      '원본에서 일시 삭제됨',
      '대상 개체에 이미 모든 매핑 값이 있습니다',
    ]);
    expect(wrapper.text()).not.toContain('messageCode');
    expect(wrapper.text()).toContain('attributes');
  });

  it('reads the code back from English kept without it (plan notes, older entries)', () => {
    expect(parseEnglish('Would disable; held back: 12 > threshold 10')).toEqual({
      code: 'planHeldBackDisable',
      params: { count: '12', threshold: '10' },
    });
    expect(parseEnglish('Already disabled in the target')).toEqual({
      code: 'decideAlreadyDisabled',
      params: {},
    });
    expect(parseEnglish('HTTP 400: userName is invalid')).toBeNull();
    expect(
      logText('Left scope or disabled in the source: disable it', undefined, undefined, translator('ko')),
    ).toBe('범위를 벗어났거나 원본에서 비활성화됨: 비활성화합니다');
  });

  it('calls a matched object that needed no change "No change", not "Other"', () => {
    const steps: ProvisioningStep[] = [
      {
        name: 'Export',
        provisioningStepType: 'export',
        status: 'skipped',
        description: 'Nothing to change',
        details: { reason: 'EntrySynchronizationSkipped' },
      },
    ];
    expect(actionLabelKey({ provisioningAction: 'other', provisioningSteps: steps })).toBe('ux.logNoChange');
    expect(actionLabelKey({ provisioningAction: 'update', provisioningSteps: steps })).toBe(
      'provisioning.actions.update',
    );
  });
});
