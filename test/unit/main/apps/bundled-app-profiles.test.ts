import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appProfileTranslationLocales,
  notDocumented,
  type AppProfile,
  type AppProfileTexts,
} from '@shared/domain/app-profile';
import { genericProfileId, loadAppProfiles } from '../../../../src-main/app/apps/app-profiles';

const dir = join(__dirname, '../../../../resources/apps');
const catalogue = loadAppProfiles(dir);

describe('the bundled app profiles (resources/apps)', () => {
  it('all validate, each file named after its id', () => {
    expect(catalogue.problems.map((p) => p.message)).toEqual([]);
    expect(catalogue.profiles).toHaveLength(readdirSync(dir).filter((f) => f.endsWith('.json')).length);
  });

  it('cover at least 12 apps besides the generic profile, which comes last', () => {
    const ids = catalogue.profiles.map((p) => p.id);
    expect(ids.filter((id) => id !== genericProfileId).length).toBeGreaterThanOrEqual(12);
    expect(ids.at(-1)).toBe(genericProfileId);
  });

  it.each(catalogue.profiles.map((p) => [p.id, p] as const))(
    '%s cites its sources and gives every quirk a handling',
    (_id, profile: AppProfile) => {
      expect(profile.docs.length).toBeGreaterThan(0);
      for (const doc of profile.docs) expect(doc.url).toMatch(/^https:\/\//);
      for (const quirk of profile.quirks) expect(quirk.handling.trim().length).toBeGreaterThan(10);
      // A documented base URL is a real https URL once its placeholders are filled in.
      if (profile.connection.baseUrl !== notDocumented) {
        expect(() => new URL(profile.connection.baseUrl.replace(/\{[^}]+\}/g, 'x'))).not.toThrow();
      }
    },
  );

  describe.each(appProfileTranslationLocales)('in %s', (locale) => {
    /** Each gallery text of a profile in English, beside its translation (undefined when missing). */
    function pairs(profile: AppProfile): [keyof AppProfileTexts, string, string | undefined][] {
      const texts = profile.translations[locale] ?? {};
      const limit = profile.capabilities.rateLimit;
      return [
        ['summary', profile.summary, texts.summary],
        ['baseUrlHint', profile.connection.baseUrlHint, texts.baseUrlHint],
        ['credentialHint', profile.connection.credentialHint, texts.credentialHint],
        ...(typeof limit === 'object'
          ? [['rateLimitText', limit.text, texts.rateLimitText] as [keyof AppProfileTexts, string, string]]
          : []),
      ];
    }

    /** What a translation must keep as written: `{placeholders}`, `<parts>` and numbers. */
    function verbatim(text: string): string[] {
      return [...text.matchAll(/\{[^}]+\}|<[^>]+>|\d+(?:\.\d+)?/g)].map((m) => m[0]);
    }

    // The product speaks English and Korean everywhere: a new profile cannot ship English-only.
    it.each(catalogue.profiles.map((p) => [p.id, p] as const))(
      '%s translates every text the gallery shows, keeping placeholders and numbers',
      (_id, profile: AppProfile) => {
        for (const [field, english, translated] of pairs(profile)) {
          expect(translated, `translations.${locale}.${field}`).toBeTypeOf('string');
          expect(translated, `translations.${locale}.${field}`).not.toBe(english);
          for (const token of verbatim(english)) {
            expect(translated, `translations.${locale}.${field}`).toContain(token);
          }
        }
      },
    );
  });
});
