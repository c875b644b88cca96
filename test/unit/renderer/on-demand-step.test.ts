// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { OnDemandStep } from '@shared/domain/on-demand';
import OnDemandStepView from '../../../src-renderer/views/jobs/parts/on-demand-step.vue';
import { createRosterI18n } from '../../../src-renderer/locales';

const base = { runId: 'r1', jobId: 'j1', at: '2026-12-03T09:00:00.000Z' };
const jane = { type: 'User' as const, anchor: 'E100', displayName: 'Jane Doe' };

function render(step: OnDemandStep, language: 'en' | 'ko' = 'ko'): string {
  return mount(OnDemandStepView, {
    props: { step },
    global: { plugins: [createRosterI18n(language)] },
  }).text();
}

describe('provision-on-demand step', () => {
  it('says the match and the engine’s log lines in Korean, from their codes', () => {
    const match: OnDemandStep = {
      ...base,
      seq: 3,
      object: jane,
      status: 'success',
      summary: 'Matched the target object 42 on userName = "jane@example.com"',
      detail: {
        kind: 'match',
        outcome: 'matched',
        targetId: '42',
        queries: [],
        description: 'Matched the target object 42 on userName = "jane@example.com"',
        message: {
          code: 'matchFound',
          params: { targetId: '42', path: 'userName', value: 'jane@example.com' },
        },
      },
    };
    expect(render(match)).toContain('userName = "jane@example.com"로 대상 개체 42와 일치');

    const action: OnDemandStep = {
      ...base,
      seq: 4,
      object: jane,
      status: 'success',
      summary: 'create (target object 42)',
      detail: {
        kind: 'action',
        action: 'create',
        targetId: '42',
        attributes: [],
        lines: [
          {
            step: 'Export',
            type: 'export',
            status: 'success',
            description: 'Created in Slack',
            messageCode: 'exportCreated',
            messageParams: { target: 'Slack' },
          },
        ],
        logEntryId: 'l1',
      },
    };
    const text = render(action);
    expect(text).toContain('Slack에 만듦');
    expect(text).not.toContain('Created in Slack');
  });

  it('reads English stored without a code back through the log templates', () => {
    const scope: OnDemandStep = {
      ...base,
      seq: 2,
      object: jane,
      status: 'skipped',
      summary: 'Out of scope: Gone from the source',
      detail: {
        kind: 'scope',
        inScope: false,
        reason: 'gone',
        activeInSource: true,
        assignment: 'scopeAll',
        clauses: [],
        summary: 'Gone from the source',
      },
    };
    expect(render(scope)).toContain('원본에서 사라짐');
  });

  it('builds the import line in the admin’s language', () => {
    const read: OnDemandStep = {
      ...base,
      seq: 1,
      object: jane,
      status: 'success',
      summary: 'Read Jane Doe (E100) from HR: 2 attribute(s)',
      detail: {
        kind: 'import',
        source: 'HR',
        origin: null,
        attributes: [
          { name: 'mail', value: 'jane@example.com' },
          { name: 'givenName', value: 'Jane' },
        ],
        matchingValues: [],
      },
    };
    expect(render(read)).toContain('HR에서 Jane Doe(E100)을(를) 읽었습니다: 속성 2개');
    expect(render(read, 'en')).toContain('Read Jane Doe (E100) from HR: 2 attribute(s)');
  });

  it('says a failed connection check in Korean, the test’s summary from its own code', () => {
    const where = 'https://slack.example.com/scim/v2';
    const summary = `The SCIM server at ${where} refused the credentials (HTTP 401). Check the secret token, or create a new one in the app.`;
    const connection: OnDemandStep = {
      ...base,
      seq: 1,
      object: null,
      status: 'failure',
      summary: `Test connection to Slack failed: ${summary}`,
      detail: {
        kind: 'connection',
        target: 'Slack',
        summary,
        summaryCode: 'scim401',
        summaryParams: { where },
      },
      error: {
        code: 'Unauthorized',
        message: `Slack: ${summary}`,
        messageCode: 'connectionFailed',
        messageParams: { target: 'Slack', summary, summaryCode: 'scim401', 'summary.where': where },
        recommendedAction: 'Check the credentials of the target connection (Connections → Test connection).',
        actionCode: 'checkCredentials',
      },
    };
    const korean401 = `${where}의 SCIM 서버가 자격 증명을 거부했습니다(HTTP 401). 비밀 토큰을 확인하거나 앱에서 새 토큰을 만드세요.`;
    const ko = render(connection);
    expect(ko).toContain(`Slack 연결 테스트 실패: ${korean401}`);
    expect(ko).toContain(`Slack: ${korean401}`);
    expect(ko).toContain('대상 연결의 자격 증명을 확인하세요');
    expect(ko).not.toContain('refused the credentials');

    const en = render(connection, 'en');
    expect(en).toContain(`Test connection to Slack failed: ${summary}`);
    expect(en).toContain(`Slack: ${summary}`);
  });
});
