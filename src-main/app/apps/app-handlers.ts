import { summarizeAppProfile, type AppProfile } from '@shared/domain/app-profile';
import { refusal } from '@shared/domain/error-messages';
import { closestMatch } from '@shared/expressions/suggest';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import { resourcePath } from '../resources';
import { loadAppProfiles, type AppProfileCatalogue } from './app-profiles';
import { profileJobDefaults } from './profile-job';

type AppCommands = 'apps.list' | 'apps.get' | 'apps.jobDefaults';

/** The profile named `id`, or a notFound error that names the closest id. */
export function requireAppProfile(catalogue: AppProfileCatalogue, id: string): AppProfile {
  const profile = catalogue.get(id);
  if (profile) return profile;
  const ids = catalogue.profiles.map((p) => p.id);
  const suggestion = closestMatch(id, ids);
  throw suggestion
    ? refusal('notFound', 'appProfileMissingGuess', { id, guess: suggestion, known: ids.join(', ') })
    : refusal('notFound', 'appProfileMissing', { id, known: ids.join(', ') });
}

/**
 * The gallery's commands. Profiles are read on first use, not when the process starts: every
 * `roster` command builds these handlers, and reading and validating the bundled profiles costs
 * 110-130 ms that only the gallery's commands need. A broken bundled profile is logged with its file
 * and JSON path and left out, rather than stopping the app.
 */
export function appProfileHandlers(
  ctx: AppContext,
  load: () => AppProfileCatalogue = () => loadAppProfiles(resourcePath('apps')),
): HandlerGroup<AppCommands> {
  let loaded: AppProfileCatalogue | null = null;
  const catalogue = (): AppProfileCatalogue => {
    if (loaded) return loaded;
    loaded = load();
    for (const problem of loaded.problems) ctx.log.error(`App profile not loaded: ${problem.message}`);
    return loaded;
  };
  return {
    'apps.list': async () => catalogue().profiles.map(summarizeAppProfile),
    'apps.get': async ({ id }) => requireAppProfile(catalogue(), id),
    'apps.jobDefaults': async ({ app, name, sourceConnection, targetConnection }) =>
      profileJobDefaults(ctx, requireAppProfile(catalogue(), app), name, sourceConnection, targetConnection),
  };
}
