/**
 * `roster job new <name> --app <id> --source <connection> [--target <connection>] [--base-url <url>]`:
 * the CLI face of the app gallery (issue 12). The app profile pre-fills the SCIM connection (base
 * URL, authentication, request dialect) and the job (mappings for this source, schema, limits); an
 * existing target connection is used as it is. Without --create it prints a roster-job file that
 * carries the new connection profile, so `roster job import` creates both.
 */
import { writeFileSync } from 'node:fs';
import {
  connectionSettingsFromProfile,
  type AppJobDefaults,
  type AppProfile,
} from '@shared/domain/app-profile';
import type { JobDetail } from '@shared/domain/job-view';
import type { RosterApp } from '../../app/create-app';
import { call, CliFailure, exitCodes } from '../cli-app';

export interface JobNewAppOptions {
  app: string;
  source: string;
  target?: string;
  baseUrl?: string;
  out?: string;
  create?: boolean;
}

function omittedLines(defaults: AppJobDefaults): string[] {
  return defaults.omittedMappings.map(
    (o) => `  ${o.objectMapping}: ${o.target} (the source has no ${o.missing.join(', ')})`,
  );
}

export async function jobNewFromApp(app: RosterApp, name: string, opts: JobNewAppOptions): Promise<void> {
  const profile = (await call(app, 'apps.get', { id: opts.app })) as AppProfile;
  const targetName = opts.target ?? profile.name;
  const existing = app.store.connections.findByName(targetName);
  if (existing && opts.baseUrl) {
    throw new CliFailure(
      `The connection "${targetName}" exists already; --base-url is only for a new one. Leave it out, or name a new connection with --target.`,
      exitCodes.badInput,
    );
  }
  let connection: { name: string; kind: 'scim'; settings: Record<string, unknown> } | null = null;
  if (!existing) {
    const prefilled = connectionSettingsFromProfile(profile, opts.baseUrl);
    if (!prefilled.ok) throw new CliFailure(`${prefilled.message} (use --base-url).`, exitCodes.badInput);
    connection = { name: targetName, kind: 'scim', settings: prefilled.settings };
  }
  const defaults = (await call(app, 'apps.jobDefaults', {
    app: profile.id,
    name,
    sourceConnection: opts.source,
    targetConnection: targetName,
  })) as AppJobDefaults;
  const omitted = omittedLines(defaults);
  // Notes go to stderr, so a printed job file on stdout stays valid JSON.
  if (omitted.length > 0)
    console.error(`Left out of the job (the source lacks what they read):\n${omitted.join('\n')}`);

  if (opts.create) {
    if (connection) {
      await call(app, 'connections.create', connection);
      console.log(`Created connection "${connection.name}" for ${profile.name}.`);
    }
    const detail = (await call(app, 'jobs.create', { config: defaults.config })) as JobDetail;
    console.log(`Created job "${detail.name}" (${detail.id}) from the ${profile.name} profile.`);
    if (connection) {
      console.log(
        `Store its credential before the first run: roster secret set "${connection.name}" bearerToken (${profile.connection.credentialHint})`,
      );
    }
    return;
  }
  const file = {
    $schema: 'https://roster.invalid/schemas/job-file.json',
    format: 'roster-job',
    version: 1,
    connections: connection ? [connection] : [],
    job: defaults.config,
  };
  const text = `${JSON.stringify(file, null, 2)}\n`;
  if (opts.out) writeFileSync(opts.out, text);
  else process.stdout.write(text);
}
