import type { Command } from 'commander';
import { connectionsFileSchema } from '@shared/domain/job-file';
import { call, CliFailure, exitCodes, withApp } from '../cli-app';
import { dataDirOption } from '../options';
import { readJsonFile } from '../read-json-file';

/** `roster connection import <file>`: creates or updates connection profiles by name (never secrets). */
export function registerConnectionCommand(program: Command): void {
  const connection = program.command('connection').description('manage connection profiles');
  connection
    .command('import <file>')
    .description(
      'create or update the connection profiles of a roster-connections JSON file (secrets: `roster secret set`)',
    )
    .addOption(dataDirOption())
    .action((file: string, opts: { dataDir?: string }) =>
      withApp(opts.dataDir, async (app) => {
        const { connections } = readJsonFile(file, connectionsFileSchema);
        // Clashes are found before the first profile is saved, so they never leave half a file imported.
        const seen = new Set<string>();
        for (const [index, profile] of connections.entries()) {
          if (seen.has(profile.name.toLowerCase()))
            throw new CliFailure(
              `${file}: connections[${index}].name: "${profile.name}" is named twice in the file.`,
              exitCodes.badInput,
            );
          seen.add(profile.name.toLowerCase());
          const existing = app.store.connections.findByName(profile.name);
          if (existing && existing.kind !== profile.kind)
            throw new CliFailure(
              `${file}: the connection "${profile.name}" is ${profile.kind.toUpperCase()} in the file, but the existing one is ${existing.kind.toUpperCase()}. Rename one of them.`,
              exitCodes.badInput,
            );
        }
        for (const profile of connections) {
          const existing = app.store.connections.findByName(profile.name);
          if (existing) {
            await call(app, 'connections.update', { id: existing.id, settings: profile.settings });
            console.log(`updated  ${profile.name} (${profile.kind})`);
          } else {
            await call(app, 'connections.create', {
              name: profile.name,
              kind: profile.kind,
              settings: profile.settings,
            });
            console.log(`created  ${profile.name} (${profile.kind})`);
          }
        }
      }),
    );
  connection
    .command('list')
    .description('list connection profiles (secrets only as set / not set)')
    .addOption(dataDirOption())
    .action((opts: { dataDir?: string }) =>
      withApp(opts.dataDir, async (app) => {
        const list = (await call(app, 'connections.list', {})) as {
          name: string;
          kind: string;
          secrets: Record<string, string>;
        }[];
        for (const c of list) {
          const secrets = Object.entries(c.secrets).map(
            ([field, state]) => `${field}: ${state === 'set' ? 'set' : 'not set'}`,
          );
          console.log(`${c.name}\t${c.kind}\t${secrets.join(', ')}`);
        }
      }),
    );
}
