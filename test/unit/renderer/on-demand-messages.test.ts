import { describe, expect, it } from 'vitest';
import type { OnDemandError } from '@shared/domain/on-demand';
import {
  actionCodeOf,
  adviceCodeFor,
  onDemandActionTexts,
  onDemandMessageEnglish,
  onDemandMessageParameters,
  onDemandMessageTemplates,
  type OnDemandActionCode,
  type OnDemandMessageCode,
} from '@shared/domain/on-demand-messages';
import { say } from '@shared/domain/log-messages';
import { createRosterI18n } from '../../../src-renderer/locales';
import { en } from '../../../src-renderer/locales/en';
import { ko } from '../../../src-renderer/locales/ko';
import {
  onDemandActionText,
  onDemandMessageText,
} from '../../../src-renderer/components/on-demand-error-text';
import { translator } from './translator';

const messageCodes = Object.keys(onDemandMessageTemplates) as OnDemandMessageCode[];
const actionCodes = Object.keys(onDemandActionTexts) as OnDemandActionCode[];

describe('provision on demand’s own messages', () => {
  it('has a Korean text for every code, with the same parameters', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of messageCodes)
      expect(names(ko.onDemandMessages.messages[code]), code).toEqual(
        names(en.onDemandMessages.messages[code]),
      );
    for (const code of actionCodes) expect(names(ko.onDemandMessages.actions[code]), code).toEqual([]);
  });

  it('says in English in the app exactly what the engine stores and the CLI prints', () => {
    const { t } = createRosterI18n('en').global;
    const params = Object.fromEntries(onDemandMessageParameters.map((name) => [name, `<${name} | @x>`]));
    for (const code of messageCodes)
      expect(t(`onDemandMessages.messages.${code}`, params), code).toBe(onDemandMessageEnglish(code, params));
    for (const code of actionCodes)
      expect(t(`onDemandMessages.actions.${code}`), code).toBe(onDemandActionTexts[code]);
  });

  it('says a not-found failure and its advice in Korean, and English as sent', () => {
    const params = { query: 'ann', source: 'HR', group: '', suggestions: 'Ann Lee (E1)' };
    const error: OnDemandError = {
      code: 'NotFound',
      message: onDemandMessageEnglish('notFoundUserGuess', params),
      messageCode: 'notFoundUserGuess',
      messageParams: params,
      recommendedAction: onDemandActionTexts.notFound,
      actionCode: 'notFound',
    };
    expect(onDemandMessageText(error, translator('ko'))).toBe(
      'HR에 “ann” 사용자가 없습니다. 이것을 찾으셨나요: Ann Lee (E1)?',
    );
    expect(onDemandActionText(error, translator('ko'))).toMatch(/^이름, 성, 표시 이름/);
    expect(onDemandMessageText(error, translator('en'))).toBeNull();
    expect(onDemandActionText(error, translator('en'))).toBe(error.recommendedAction);
    expect(error.message).toBe('No user "ann" in HR. Did you mean: Ann Lee (E1)?');
  });

  it('keeps a target’s own advice in English, and knows its own advice written into a log entry', () => {
    const foreign: OnDemandError = { code: 'X', message: 'm', recommendedAction: 'Ask the vendor.' };
    expect(onDemandActionText(foreign, translator('ko'))).toBe('Ask the vendor.');
    expect(actionCodeOf(onDemandActionTexts.outOfScope)).toBe('outOfScope');
    expect(actionCodeOf('Ask the vendor.')).toBeUndefined();
    expect(adviceCodeFor('TooManyRequests')).toBe('tooManyRequests');
    expect(adviceCodeFor('SomethingElse')).toBe('general');
  });

  it('says the lock’s “job busy” refusal in Korean with who holds the job, and in English as it always read', () => {
    const params = {
      job: 'HR → Slack',
      holder: 'scheduler in Roster',
      pid: '4242',
      host: 'hr-01',
      since: '2026-03-10T12:00:00.000Z',
      seconds: '30',
    };
    expect(onDemandMessageEnglish('jobBusyWaited', params)).toBe(
      'HR → Slack is being run by scheduler in Roster (process 4242 on host hr-01) since ' +
        '2026-03-10T12:00:00.000Z. Waited 30 s for it to finish. Try again when it has finished, or cancel that cycle first.',
    );
    const error: OnDemandError = {
      code: 'JobBusy',
      message: onDemandMessageEnglish('jobBusyWaited', params),
      messageCode: 'jobBusyWaited',
      messageParams: params,
      recommendedAction: onDemandActionTexts.jobBusy,
      actionCode: 'jobBusy',
    };
    expect(onDemandMessageText(error, translator('ko'))).toBe(
      '2026-03-10T12:00:00.000Z부터 scheduler in Roster(호스트 hr-01의 프로세스 4242)이(가) HR → Slack을(를) ' +
        '실행하고 있습니다. 끝나기를 30초 기다렸습니다. 끝난 뒤 다시 시도하거나, 먼저 그 주기를 취소하세요.',
    );
    const { seconds: _seconds, ...atOnce } = params;
    expect(onDemandMessageEnglish('jobBusy', atOnce)).toBe(
      'HR → Slack is being run by scheduler in Roster (process 4242 on host hr-01) since ' +
        '2026-03-10T12:00:00.000Z. Try again when it has finished, or cancel that cycle first.',
    );
    expect(
      onDemandMessageText(
        { ...error, messageCode: 'cancelledWhileWaiting', messageParams: {} },
        translator('ko'),
      ),
    ).toBe('실행 중인 주기를 기다리는 동안 주문형 프로비저닝이 취소되었습니다.');
  });

  it('says a failed connection check as “target: summary” in both languages', () => {
    const params = { target: 'Slack', summary: 'The token was refused (401).' };
    const error: OnDemandError = {
      code: 'Unauthorized',
      message: onDemandMessageEnglish('connectionFailed', params),
      messageCode: 'connectionFailed',
      messageParams: params,
      recommendedAction: onDemandActionTexts.checkCredentials,
      actionCode: 'checkCredentials',
    };
    expect(error.message).toBe('Slack: The token was refused (401).');
    expect(onDemandMessageText(error, translator('ko'))).toBe('Slack: The token was refused (401).');
    expect(onDemandActionText(error, translator('ko'))).toBe(
      '대상 연결의 자격 증명을 확인하세요(연결 → 연결 테스트).',
    );
  });

  it('says an unexpected exception in Korean around its English words, which stay the English message', () => {
    const params = { error: 'Cannot read properties of undefined (reading "id")' };
    const error: OnDemandError = {
      code: 'InternalError',
      message: onDemandMessageEnglish('unexpected', params),
      messageCode: 'unexpected',
      messageParams: params,
      recommendedAction: onDemandActionTexts.runAgain,
      actionCode: 'runAgain',
    };
    expect(error.message).toBe(params.error);
    expect(onDemandMessageText(error, translator('ko'))).toBe(
      `예기치 않은 오류로 주문형 프로비저닝이 멈췄습니다. 오류 원문: ${params.error}`,
    );
    expect(onDemandMessageText(error, translator('en'))).toBeNull();
    expect(onDemandActionText(error, translator('ko'))).toBe(
      '다시 실행하세요. 또 실패하면 작업과 연결을 확인하세요.',
    );
    expect(onDemandActionText(error, translator('en'))).toBe(
      'Run it again; if it fails again, check the job and its connections.',
    );
  });

  it('says a log entry’s advice under its log code in Korean', () => {
    const error: OnDemandError = {
      code: 'InvalidAnchor',
      message: 'The linked target object u1 no longer exists in Slack.',
      recommendedAction: say('adviceResetLink').text,
      recommendedActionCode: 'adviceResetLink',
      recommendedActionParams: {},
    };
    expect(onDemandActionText(error, translator('ko'))).toMatch(/^이 개체의 연결을 초기화하세요/);
    expect(onDemandActionText(error, translator('en'))).toBe(error.recommendedAction);
  });

  it('says an import that cannot be matched safely, and what to fill in, in Korean', () => {
    const error: OnDemandError = {
      code: 'ImportSkipped',
      message: onDemandMessageTemplates.importSkipped,
      messageCode: 'importSkipped',
      messageParams: {},
      recommendedAction: onDemandActionTexts.importSkipped,
      actionCode: 'importSkipped',
    };
    expect(error.message).toBe(
      'The object has no value for any matching attribute, so it cannot be matched safely.',
    );
    expect(onDemandMessageText(error, translator('ko'))).toBe(
      '이 개체는 일치 특성 값이 하나도 없어 안전하게 일치시킬 수 없습니다.',
    );
    expect(onDemandActionText(error, translator('ko'))).toBe(
      '첫 번째 일치 특성의 원본 특성 값을 채운 뒤 다시 실행하세요.',
    );
  });
});
