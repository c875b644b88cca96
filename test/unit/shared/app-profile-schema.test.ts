import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appProfileSchema, type AppProfileInput } from '@shared/domain/app-profile';
import { inputProblems } from '@shared/domain/strict-input';
import { loadAppProfiles } from '../../../src-main/app/apps/app-profiles';

const slack = JSON.parse(
  readFileSync(join(__dirname, '../../../resources/apps/slack.json'), 'utf8'),
) as AppProfileInput & Record<string, unknown>;

function problems(input: unknown): { path: string; message: string }[] {
  const parsed = appProfileSchema.safeParse(input);
  return parsed.success ? [] : inputProblems(parsed.error);
}

/** The message reported at `path` ('' when there is none). */
function messageAt(found: readonly { path: string; message: string }[], path: string): string {
  return found.find((p) => p.path === path)?.message ?? '';
}

describe('app profile schema', () => {
  it('refuses an unknown key with the closest known one', () => {
    const input = { ...slack, capabilities: { ...slack.capabilities, maxMembersPerPach: 10 } };
    expect(messageAt(problems(input), 'capabilities.maxMembersPerPach')).toContain(
      'did you mean "maxMembersPerPatch"',
    );
  });

  it('accepts "not documented" for a fact and refuses any other word', () => {
    expect(
      problems({ ...slack, capabilities: { ...slack.capabilities, pageSize: 'not documented' } }),
    ).toEqual([]);
    expect(
      problems({ ...slack, capabilities: { ...slack.capabilities, pageSize: 'unknown' } }),
    ).toContainEqual(expect.objectContaining({ path: 'capabilities.pageSize' }));
  });

  it('names a mapping whose target is not in the target schema, and whose source no source offers', () => {
    const users = [...slack.mappings.users, { target: 'nickname', type: 'Direct', source: 'givenNme' }];
    const found = problems({ ...slack, mappings: { ...slack.mappings, users } });
    const index = users.length - 1;
    expect(messageAt(found, `mappings.users[${index}].target`)).toContain(
      'not a User attribute of targetSchema',
    );
    expect(messageAt(found, `mappings.users[${index}].source`)).toContain('did you mean "givenName"');
  });

  it('checks expression sources, matching, required attributes and documented limits', () => {
    const users = slack.mappings.users.map((m) =>
      m.target === 'active' ? { ...m, source: 'Not([IsSoftDeletd])' } : { ...m, matchingPriority: 0 },
    );
    const found = problems({
      ...slack,
      mappings: { users: users.filter((m) => m.target !== 'userName'), groups: slack.mappings.groups },
      capabilities: { ...slack.capabilities, maxMembersPerPatch: 50 },
      settings: { maxMembersPerPatch: 100 },
    });
    const messages = found.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContainEqual(expect.stringContaining('did you mean "IsSoftDeleted"'));
    expect(messages).toContainEqual(
      expect.stringContaining('mappings.users: Give one mapping a matchingPriority'),
    );
    expect(messages).toContainEqual(expect.stringContaining('requires "userName"'));
    expect(messages).toContainEqual(
      expect.stringContaining('settings.maxMembersPerPatch: The app takes at most 50'),
    );
  });

  it('refuses group mappings for an app without groups', () => {
    const found = problems({ ...slack, capabilities: { ...slack.capabilities, groups: false } });
    expect(messageAt(found, 'mappings.groups')).toContain('set mappings.groups to null');
  });
});

describe('app profile translations', () => {
  const korean = { summary: 'Slack 워크스페이스입니다.', credentialHint: 'OAuth 토큰입니다.' };

  it('accepts any of the texts per UI locale, and none at all', () => {
    expect(problems({ ...slack, translations: { ko: korean } })).toEqual([]);
    expect(problems({ ...slack, translations: {} })).toEqual([]);
    const { translations: _, ...english } = slack;
    expect(appProfileSchema.parse(english).translations).toEqual({});
  });

  it('refuses a locale the UI has no language for, and English (the profile’s own fields)', () => {
    const found = problems({ ...slack, translations: { ko: korean, ja: korean, en: korean } });
    expect(messageAt(found, 'translations.ja')).toBe("not a language of Roster's UI: translations take ko");
    expect(messageAt(found, 'translations.en')).toContain("English is the profile's own text");
    expect(found).toHaveLength(2);
    expect(messageAt(problems({ ...slack, translations: { kr: korean } }), 'translations.kr')).toContain(
      'did you mean "ko"',
    );
  });

  it('refuses a text it does not know, naming its JSON path', () => {
    const found = problems({ ...slack, translations: { ko: { ...korean, sumary: 'x' } } });
    expect(messageAt(found, 'translations.ko.sumary')).toContain('did you mean "summary"');
  });

  it('holds translations to the English fields’ limits', () => {
    const found = problems({
      ...slack,
      translations: { ko: { summary: '가'.repeat(401), baseUrlHint: '' } },
    });
    expect(found.map((p) => p.path)).toEqual(
      expect.arrayContaining(['translations.ko.summary', 'translations.ko.baseUrlHint']),
    );
  });

  it('takes a rate-limit text only where the profile states a limit', () => {
    const rateLimitText = '분당 180회';
    expect(problems({ ...slack, translations: { ko: { rateLimitText } } })).toEqual([]);
    const found = problems({
      ...slack,
      capabilities: { ...slack.capabilities, rateLimit: 'not documented' },
      translations: { ko: { rateLimitText } },
    });
    expect(messageAt(found, 'translations.ko.rateLimitText')).toContain('states no rate limit');
  });
});

describe('loading profiles from a folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-apps-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the good ones and names the file and JSON path of each problem', () => {
    writeFileSync(join(dir, 'slack.json'), JSON.stringify(slack));
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...slack, id: 'broken', setupURL: 'x' }));
    writeFileSync(join(dir, 'renamed.json'), JSON.stringify(slack));
    writeFileSync(join(dir, 'truncated.json'), '{"format": "roster-app",');
    const catalogue = loadAppProfiles(dir);
    expect(catalogue.profiles.map((p) => p.id)).toEqual(['slack']);
    expect(catalogue.get('slack')?.name).toBe('Slack');
    const messages = catalogue.problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/broken\.json: setupURL: unknown key — did you mean "setupUrl"\?/);
    expect(messages).toMatch(/renamed\.json: id: "slack" must match the file name/);
    expect(messages).toMatch(/truncated\.json: /);
  });
});
