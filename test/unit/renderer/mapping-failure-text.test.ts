// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { AttributeMapping } from '@shared/domain/jobs';
import type { ProvisioningLogEntry } from '@shared/domain/provisioning';
import type { TargetSchemaAttribute } from '@shared/domain/schema';
import { expressionErrorDetail, mappingFailure } from '@shared/domain/mapping-failure';
import { evaluateExpressionSync, ExpressionError } from '@shared/expressions';
import { logText } from '../../../src-renderer/components/log-message';
import { impactReasonText } from '../../../src-renderer/components/impact/impact-text';
import type { OnDemandStep } from '@shared/domain/on-demand';
import LogDetail from '../../../src-renderer/views/logs/parts/log-detail.vue';
import OnDemandStepView from '../../../src-renderer/views/jobs/parts/on-demand-step.vue';
import { escrowColumns } from '../../../src-renderer/views/jobs/parts/escrow-columns';
import type { EscrowView } from '@shared/domain/escrow';
import { h } from 'vue';
import MappingFlowPreview from '../../../src-renderer/views/jobs/parts/mapping-editor/mapping-flow-preview.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import { translator } from './translator';

const displayName: AttributeMapping = {
  target: 'displayName',
  type: 'Expression',
  source: 'Mid([givenName], [start], 2)',
  apply: 'Always',
  matchingPriority: 0,
};
const employeeNumber: TargetSchemaAttribute = {
  name: 'employeeNumber',
  type: 'Integer',
  multiValued: false,
} as TargetSchemaAttribute;

/**
 * The reason the engine writes when a mapping fails for an object (MappingEvaluator: the mapping's
 * target and the expression error, through mappingFailure), as a log entry keeps it.
 */
function failedEntry(): ProvisioningLogEntry {
  let error: unknown;
  try {
    evaluateExpressionSync(displayName.source, { source: { givenName: 'Ha-eun', start: '0' } });
  } catch (thrown) {
    error = thrown;
  }
  if (!(error instanceof ExpressionError)) throw new Error('the expression was expected to fail');
  const outcome = {
    code: 'ExpressionEvaluationFailed',
    text: mappingFailure(displayName.target, error.message, expressionErrorDetail(error)),
  };
  return {
    id: 'e-1',
    activityDateTime: '2026-03-10T12:00:00.000Z',
    jobId: 'job-1',
    cycleId: 'cycle-1',
    changeId: 'change-1',
    provisioningAction: 'create',
    status: 'failure',
    errorInformation: {
      errorCode: outcome.code,
      reason: outcome.text.text,
      reasonCode: outcome.text.code,
      reasonParams: outcome.text.params,
      errorCategory: 'NonServiceFailure',
    },
    durationInMilliseconds: 3,
    initiatedBy: { type: 'system', displayName: 'Scheduler' },
    sourceIdentity: { id: 'E1001', displayName: 'Ha-eun Song', identityType: 'User' },
    targetIdentity: { id: null, displayName: null, identityType: 'User' },
    modifiedProperties: [],
    provisioningSteps: [
      {
        name: 'Export',
        provisioningStepType: 'export',
        status: 'failure',
        description: outcome.text.text,
        details: {},
        messageCode: outcome.text.code,
        messageParams: outcome.text.params,
      },
    ],
  };
}

const english = 'displayName: Line 1, column 18: Mid argument 2 (start): start must be 1 or more (got 0).';
const korean = 'displayName: 1줄 18열: Mid의 인수 2(start): start는 1 이상이어야 합니다(받은 값: 0).';

describe('ExpressionEvaluationFailed in the provisioning log', () => {
  it('the log detail says the reason and the failed step in Korean, and in English as stored', () => {
    const entry = failedEntry();
    expect(entry.errorInformation?.reason).toBe(english);
    const mountIn = (language: 'en' | 'ko') =>
      mount(LogDetail, { props: { entry }, global: { plugins: [createRosterI18n(language)] } });

    const ko = mountIn('ko');
    expect(ko.get('[data-test="detail-error"]').text()).toContain(korean);
    expect(ko.get('[data-test="step-export"]').text()).toContain(korean);
    expect(ko.text()).not.toContain('start must be');

    const en = mountIn('en');
    expect(en.get('[data-test="detail-error"]').text()).toContain(english);
    expect(en.get('[data-test="step-export"]').text()).toContain(english);
  });

  it('keeps the English whole for an entry written before codes, or a code this version does not know', () => {
    const entry = failedEntry();
    const info = entry.errorInformation;
    if (!info?.reasonCode || !info.reasonParams) throw new Error('the reason was expected to have a code');
    const ko = translator('ko');
    expect(logText(info.reason, undefined, undefined, ko)).toBe(english);
    const unknown = { ...info.reasonParams, problemCode: 'expr.notInThisVersion' };
    expect(logText(info.reason, info.reasonCode, unknown, ko)).toBe(english);
    expect(logText(info.reason, info.reasonCode, info.reasonParams, translator('en'))).toBe(english);
  });
});

describe('a failing mapping in provision on demand', () => {
  it('says the failure and the failed line in Korean, from the log entry’s codes', () => {
    const info = failedEntry().errorInformation;
    const line = failedEntry().provisioningSteps[0];
    if (!info?.reasonCode || !line) throw new Error('the entry was expected to fail with a code');
    const step: OnDemandStep = {
      runId: 'r1',
      jobId: 'job-1',
      at: '2026-12-03T09:00:00.000Z',
      seq: 4,
      object: { type: 'User', anchor: 'E1001', displayName: 'Ha-eun Song' },
      status: 'failure',
      summary: `create failed: ${english}`,
      detail: {
        kind: 'action',
        action: 'create',
        targetId: null,
        attributes: [],
        lines: [
          {
            step: line.name,
            type: line.provisioningStepType,
            status: line.status,
            description: line.description,
            ...(line.messageCode ? { messageCode: line.messageCode } : {}),
            ...(line.messageParams ? { messageParams: line.messageParams } : {}),
          },
        ],
        logEntryId: 'e-1',
      },
      error: {
        code: info.errorCode,
        message: info.reason,
        reasonCode: info.reasonCode,
        reasonParams: info.reasonParams ?? {},
        recommendedAction: 'Fix the mapping or the source data, then try again.',
      },
    };
    const text = (language: 'en' | 'ko') =>
      mount(OnDemandStepView, { props: { step }, global: { plugins: [createRosterI18n(language)] } }).text();
    const ko = text('ko');
    expect(ko).toContain(korean);
    expect(ko).not.toContain('start must be');
    expect(text('en')).toContain(english);
  });
});

describe('a failing mapping in the job page’s “Waiting for retry” list', () => {
  it('says the entry’s error in Korean from its code, and keeps the English of an entry without one', () => {
    const info = failedEntry().errorInformation;
    if (!info?.reasonCode || !info.reasonParams) throw new Error('the reason was expected to have a code');
    const entry: EscrowView = {
      objectType: 'User',
      anchor: 'E1001',
      displayName: 'Ha-eun Song',
      isReference: false,
      errorClass: 'permanent',
      errorCode: info.errorCode,
      errorMessage: info.reason,
      errorText: { code: info.reasonCode, params: info.reasonParams },
      firstFailure: '2026-03-10T12:00:00.000Z',
      lastAttempt: '2026-03-10T12:00:00.000Z',
      attempts: 1,
      nextRetry: { kind: 'never' },
      expired: false,
      retryNow: false,
    };
    const errorCell = (language: 'en' | 'ko', shown: EscrowView) => {
      const i18n = translator(language);
      const column = escrowColumns({
        t: (key, named) => i18n.t(key, (named ?? {}) as Record<string, string>),
        errorText: (e) => logText(e.errorMessage, e.errorText?.code, e.errorText?.params, i18n),
        time: (iso) => iso,
        longTime: (iso) => iso,
        busyKey: () => null,
        onAction: () => undefined,
      }).find((c) => 'key' in c && c.key === 'error');
      if (!column || !('render' in column) || !column.render) throw new Error('no error column');
      return mount({ render: () => h('div', [column.render?.(shown, 0)]) })
        .get('[data-test="escrow-error-message"]')
        .text();
    };
    expect(errorCell('ko', entry)).toBe(korean);
    expect(errorCell('en', entry)).toBe(english);
    const { errorText: _code, ...withoutCode } = entry;
    expect(errorCell('ko', withoutCode)).toBe(english);
  });
});

describe('a failing mapping in the impact view', () => {
  it('says why the cycle would log a failure in Korean, from the failure’s own code', () => {
    const info = failedEntry().errorInformation;
    if (!info?.reasonCode || !info.reasonParams) throw new Error('the reason was expected to have a code');
    // The item as engine/impact.ts sends it (detailParams: `detail`, `detailCode`, `detail.<name>`;
    // test/integration/engine/mapping-failure-log.test.ts pins the engine's side).
    const item = {
      reason: `The mapping fails for this object, so the cycle would log a failure: ${english}`,
      reasonCode: 'MappingFails',
      reasonParams: {
        code: 'ExpressionEvaluationFailed',
        message: english,
        detail: english,
        detailCode: info.reasonCode,
        ...Object.fromEntries(
          Object.entries(info.reasonParams).flatMap(([name, value]) =>
            typeof value === 'string' ? [[`detail.${name}`, value]] : [],
          ),
        ),
      },
    };
    const say = (language: 'en' | 'ko') => {
      const i18n = translator(language);
      return impactReasonText(item, i18n, (stored, code, params) => logText(stored, code, params, i18n));
    };
    expect(say('ko')).toBe(`이 개체에서 매핑이 실패하므로 주기가 실패를 기록합니다: ${korean}`);
    expect(say('en')).toBe(item.reason);
  });
});

describe('the mapping dialog’s preview: a value the target type cannot take', () => {
  const sample = {
    objectType: 'User' as const,
    anchor: 'E1001',
    displayName: 'Ha-eun Song',
    attributes: { employeeId: 'E-1001' },
  };

  it('says the conversion failure in Korean, and in English as the engine logs it', () => {
    const props = {
      mapping: { ...displayName, target: 'employeeNumber', type: 'Direct' as const, source: 'employeeId' },
      sample,
      attribute: employeeNumber,
    };
    const text = (language: 'en' | 'ko') =>
      mount(MappingFlowPreview, { props, global: { plugins: [createRosterI18n(language)] } })
        .get('[data-test="mapping-flow-create"]')
        .text();
    expect(text('ko')).toBe('실패: "E-1001"은(는) 정수가 아닙니다.');
    expect(text('en')).toBe('fails: "E-1001" is not an integer.');
  });

  it('says why the default value cannot be converted in Korean', () => {
    const props = {
      mapping: {
        ...displayName,
        target: 'employeeNumber',
        type: 'None' as const,
        source: '',
        defaultValue: 'n/a',
      },
      sample,
      attribute: employeeNumber,
    };
    const text = (language: 'en' | 'ko') =>
      mount(MappingFlowPreview, { props, global: { plugins: [createRosterI18n(language)] } })
        .get('[data-test="mapping-flow-create"]')
        .text();
    expect(text('ko')).toBe('아무것도 보내지 않음: 기본값을 변환할 수 없음 ("n/a"은(는) 정수가 아닙니다.)');
    expect(text('en')).toBe(
      'sends nothing: the default value cannot be converted ("n/a" is not an integer.)',
    );
  });
});
