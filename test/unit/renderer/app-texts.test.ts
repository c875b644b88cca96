import { describe, expect, it } from 'vitest';
import type { ConnectionTestResult } from '@shared/domain/connection-test';
import {
  connectionDetailText,
  connectionSummaryText,
  discoveryText,
  originText,
  type TextTranslator,
} from '../../../src-renderer/components/app-texts';
import { createRosterI18n } from '../../../src-renderer/locales';

function translator(language: 'en' | 'ko'): TextTranslator {
  const i18n = createRosterI18n(language).global;
  return { locale: language, t: (key, params) => i18n.t(key, params), te: (key) => i18n.te(key) };
}

const refused: ConnectionTestResult = {
  ok: false,
  summary:
    'The SCIM server at app.example.com/scim refused the credentials (HTTP 401). Check the secret token, or create a new one in the app.',
  summaryCode: 'scim401',
  summaryParams: { where: 'app.example.com/scim' },
  details: [{ label: 'Tenant URL', labelCode: 'tenantUrl', value: 'app.example.com/scim' }],
  error: { code: 'Unauthorized', message: 'HTTP 401', kind: 'credentials' },
};

describe('app texts sent under codes', () => {
  it('says a failed connection test and its facts in Korean', () => {
    const ko = translator('ko');
    expect(connectionSummaryText(refused, ko)).toBe(
      'app.example.com/scim의 SCIM 서버가 자격 증명을 거부했습니다(HTTP 401). 비밀 토큰을 확인하거나 앱에서 새 토큰을 만드세요.',
    );
    expect(connectionDetailText(refused.details[0]!, ko)).toEqual({
      label: '테넌트 URL',
      value: 'app.example.com/scim',
    });
    expect(
      connectionDetailText(
        {
          label: 'Encoding',
          labelCode: 'encoding',
          value: 'UTF-8 (detected)',
          valueCode: 'detected',
          valueParams: { value: 'UTF-8' },
        },
        ko,
      ),
    ).toEqual({ label: '인코딩', value: 'UTF-8 (감지됨)' });
  });

  it('keeps the English the app sent in English and for a code it does not know', () => {
    expect(connectionSummaryText(refused, translator('en'))).toBe(refused.summary);
    const future = { ...refused, summaryCode: 'fromTheFuture' };
    expect(connectionSummaryText(future, translator('ko'))).toBe(refused.summary);
  });

  it('says the discovery message and the schema origin in Korean', () => {
    const ko = translator('ko');
    expect(
      discoveryText(
        {
          supported: true,
          message: '12 User and 3 Group attributes from /Schemas of Slack.',
          messageCode: 'scimFound',
          messageParams: { users: '12', groups: '3', name: 'Slack' },
          attributes: [],
        },
        ko,
      ),
    ).toBe('Slack의 /Schemas에서 사용자 속성 12개, 그룹 속성 3개.');
    expect(
      originText(
        { origin: 'header of hr.csv', originCode: 'csvHeader', originParams: { file: 'hr.csv' } },
        ko,
      ),
    ).toBe('hr.csv의 머리글');
  });
});
