import type { Command } from 'commander';
import { notDocumented, type AppProfile, type AppProfileSummary } from '@shared/domain/app-profile';
import { call, withApp } from '../cli-app';
import { dataDirOption } from '../options';

function fact(value: unknown): string {
  if (value === notDocumented) return 'not documented';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object' && value !== null && 'text' in value) return String(value.text);
  return String(value);
}

/** The lines `roster app show` prints: what the gallery shows, for a terminal. */
export function appProfileLines(profile: AppProfile): string[] {
  const c = profile.capabilities;
  return [
    `${profile.name} (${profile.id}) — ${profile.vendor}`,
    profile.summary,
    `SCIM base URL: ${fact(profile.connection.baseUrl)}  (${profile.connection.baseUrlHint})`,
    `Authentication: ${fact(profile.connection.authKinds)} — ${profile.connection.credentialHint}`,
    `Request dialect: ${profile.connection.dialect}`,
    `Groups: ${fact(c.groups)}; updates: ${fact(c.updateMethod)}; disable: ${fact(c.disable)}; DELETE: ${fact(c.delete)}`,
    `Filters on users: ${fact(c.filterableAttributes.users)}; on groups: ${fact(c.filterableAttributes.groups)}`,
    `Members per PATCH: ${fact(c.maxMembersPerPatch)}; page size: ${fact(c.pageSize)}`,
    `Rate limit: ${fact(c.rateLimit)}`,
    ...profile.quirks.map((q) => `Quirk ${q.id}: ${q.problem} → ${q.handling}`),
    `Setup: ${profile.setupUrl}`,
    ...profile.docs.map((d) => `Source: ${d.title} <${d.url}>`),
  ];
}

/** `roster app list|show`: the app gallery for a terminal (issue 12). */
export function registerAppCommand(program: Command): void {
  const apps = program.command('app').description('app profiles: what Roster knows about SCIM apps');
  apps
    .command('list')
    .description('list the app profiles (use an id with `roster job new --app <id>`)')
    .addOption(dataDirOption())
    .action((opts: { dataDir?: string }) =>
      withApp(opts.dataDir, async (app) => {
        const list = (await call(app, 'apps.list', {})) as AppProfileSummary[];
        for (const p of list) {
          console.log(`${p.id}\t${p.name}\tgroups: ${fact(p.groups)}\tdialect: ${p.dialect}\t${p.summary}`);
        }
      }),
    );
  apps
    .command('show <id>')
    .description("print one profile: connection, capabilities and limits, quirks and the vendor's pages")
    .addOption(dataDirOption())
    .action((id: string, opts: { dataDir?: string }) =>
      withApp(opts.dataDir, async (app) => {
        const profile = (await call(app, 'apps.get', { id })) as AppProfile;
        console.log(appProfileLines(profile).join('\n'));
      }),
    );
}
