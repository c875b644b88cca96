/**
 * The bundled app profiles (resources/apps/<id>.json, docs/app-profiles.md), read and validated once.
 * A profile that does not validate is left out of the gallery and reported with its file and the
 * JSON path of each problem, so a broken file never takes the app down and never goes unnoticed
 * (test/unit/main/apps/bundled-app-profiles.test.ts keeps the bundled ones valid).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { appProfileSchema, type AppProfile } from '@shared/domain/app-profile';
import { describeInputProblems, inputProblems } from '@shared/domain/strict-input';
import { BoundedJsonError, parseBoundedJson } from '@shared/text/bounded-json';

export interface AppProfileProblem {
  file: string;
  /** `file: path: message` lines, one per problem. */
  message: string;
}

export interface AppProfileCatalogue {
  /** In gallery order: by name, the generic profile last. */
  profiles: readonly AppProfile[];
  problems: readonly AppProfileProblem[];
  get(id: string): AppProfile | undefined;
}

export const genericProfileId = 'generic-scim';

function galleryOrder(a: AppProfile, b: AppProfile): number {
  if (a.id === genericProfileId) return 1;
  if (b.id === genericProfileId) return -1;
  return a.name.localeCompare(b.name, 'en');
}

/** One file's profile, or the reason it is not one. */
export function readAppProfile(path: string): { profile: AppProfile } | { problem: AppProfileProblem } {
  const file = basename(path);
  let raw: unknown;
  try {
    raw = parseBoundedJson(readFileSync(path, 'utf8'), file);
  } catch (error) {
    const reason =
      error instanceof BoundedJsonError || error instanceof Error ? error.message : String(error);
    return { problem: { file, message: `${file}: ${reason}` } };
  }
  const parsed = appProfileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = describeInputProblems(inputProblems(parsed.error), `${file}: `);
    return { problem: { file, message: lines } };
  }
  if (`${parsed.data.id}.json` !== file) {
    return {
      problem: {
        file,
        message: `${file}: id: "${parsed.data.id}" must match the file name (${parsed.data.id}.json)`,
      },
    };
  }
  return { profile: parsed.data };
}

export function loadAppProfiles(dir: string): AppProfileCatalogue {
  const profiles: AppProfile[] = [];
  const problems: AppProfileProblem[] = [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of files) {
    const result = readAppProfile(join(dir, name));
    if ('problem' in result) problems.push(result.problem);
    else profiles.push(result.profile);
  }
  profiles.sort(galleryOrder);
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  return { profiles, problems, get: (id) => byId.get(id) };
}
