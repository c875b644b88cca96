import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notDocumented, type AppProfile } from '@shared/domain/app-profile';
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
});
