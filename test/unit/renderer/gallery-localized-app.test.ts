import { describe, expect, it } from 'vitest';
import type { AppProfileSummary } from '@shared/domain/app-profile';
import { appFacts, searchApps } from '../../../src-renderer/views/jobs/wizard/gallery/gallery-model';
import { appTexts, localizedApp } from '../../../src-renderer/views/jobs/wizard/gallery/localized-app';

const app: AppProfileSummary = {
  id: 'example',
  name: 'Example',
  vendor: 'Example Inc.',
  summary: 'Users and groups of an Example workspace.',
  setupUrl: 'https://example.com/scim',
  dialect: 'scim2',
  groups: true,
  updateMethod: 'patch',
  authKinds: ['bearer'],
  quirkCount: 0,
  disable: 'activeFalse',
  delete: 'deletes',
  rateLimit: { text: '100 requests per minute.', requestsPerSecond: 1 },
  maxMembersPerPatch: 'not documented',
  groupReadsIncludeMembers: 'not documented',
  baseUrl: 'https://example.com/scim/{tenantId}',
  baseUrlHint: '{tenantId} is on the admin page.',
  credentialHint: 'A token from the admin page.',
  translations: {
    ko: {
      summary: 'Example 워크스페이스의 사용자와 그룹입니다.',
      credentialHint: '관리 페이지에서 받은 토큰입니다.',
      rateLimitText: '분당 100회입니다.',
    },
  },
};

describe('the gallery’s profile texts in the UI’s language', () => {
  it('uses the locale’s text where the profile has one, and English for each one it lacks', () => {
    const shown = localizedApp(app, 'ko');
    expect(shown.summary).toBe('Example 워크스페이스의 사용자와 그룹입니다.');
    expect(shown.credentialHint).toBe('관리 페이지에서 받은 토큰입니다.');
    expect(shown.baseUrlHint).toBe('{tenantId} is on the admin page.');
    expect(shown.rateLimit).toEqual({ text: '분당 100회입니다.', requestsPerSecond: 1 });
    // The rest of the app is as listed: choosing it, its URL and facts do not depend on the language.
    expect({
      ...shown,
      summary: app.summary,
      credentialHint: app.credentialHint,
      rateLimit: app.rateLimit,
    }).toEqual(app);
  });

  it('shows the rate limit’s translated words in the fact’s detail', () => {
    const fact = appFacts(localizedApp(app, 'ko')).find((f) => f.id === 'rateLimit');
    expect(fact).toMatchObject({ key: 'ratePerSecond', params: { rate: 1 }, detail: '분당 100회입니다.' });
  });

  it('keeps English in English, in a locale profiles are not written in, and without translations', () => {
    expect(localizedApp(app, 'en')).toEqual(app);
    expect(localizedApp(app, 'ja')).toEqual(app);
    expect(localizedApp({ ...app, translations: {} }, 'ko')).toEqual({ ...app, translations: {} });
    expect(appTexts(app, 'en')).toEqual({});
  });

  it('translates a vendor line that describes rather than names, and searches it', () => {
    const generic: AppProfileSummary = {
      ...app,
      id: 'generic',
      vendor: 'Any SCIM 2.0 service provider',
      translations: { ko: { vendor: '모든 SCIM 2.0 서비스 공급자' } },
    };
    expect(localizedApp(generic, 'ko').vendor).toBe('모든 SCIM 2.0 서비스 공급자');
    expect(localizedApp(app, 'ko').vendor).toBe('Example Inc.');
    expect(searchApps([app, generic], '공급자', 'ko').map((a) => a.id)).toEqual(['generic']);
    expect(searchApps([app, generic], 'provider', 'ko').map((a) => a.id)).toEqual(['generic']);
  });

  it('leaves a limit the profile does not document as it is', () => {
    const undocumented = { ...app, rateLimit: 'not documented' as const };
    expect(localizedApp(undocumented, 'ko').rateLimit).toBe('not documented');
  });

  it('searches the summary in English and in the language on screen', () => {
    const other: AppProfileSummary = {
      ...app,
      id: 'other',
      name: 'Other',
      summary: 'Seats.',
      translations: {},
    };
    expect(searchApps([app, other], '워크스페이스', 'ko').map((a) => a.id)).toEqual(['example']);
    expect(searchApps([app, other], 'workspace', 'ko').map((a) => a.id)).toEqual(['example']);
    // A Korean word finds nothing while the UI is English: the cards do not show it.
    expect(searchApps([app, other], '워크스페이스', 'en')).toEqual([]);
    expect(searchApps([app, other], '워크', 'ko').map((a) => a.id)).toEqual(['example']);
  });
});
