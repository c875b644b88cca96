import { z } from 'zod';
import { connectionSettingsSchemas, type ConnectionKind } from './connections';
import { jobConfigSchema } from './jobs';
import { strictObject } from './strict-input';

const profileName = z.string().trim().min(1).max(100);

function profileOf<K extends ConnectionKind>(kind: K) {
  return strictObject({
    name: profileName,
    kind: z.literal(kind),
    settings: connectionSettingsSchemas[kind],
  });
}

/**
 * A connection profile as config-as-code carries it: by name, settings only — never a secret. The
 * settings are checked against the kind's strict schema, so a misspelt setting or a secret typed
 * into the file is refused with its path (`connections[0].settings.keyColum`).
 */
export const connectionProfileSchema = z.discriminatedUnion('kind', [
  profileOf('csv'),
  profileOf('ldap'),
  profileOf('scim'),
]);

/** A profile as handlers take it: settings are checked again, per kind, when the profile is saved. */
export interface ConnectionProfile {
  name: string;
  kind: ConnectionKind;
  settings: Record<string, unknown>;
}

/**
 * One job as a file (docs/job-format.md): its mappings, filters, schema and settings, and the
 * connection profiles it uses, by name. Import creates or updates the job and any missing profile;
 * secrets are set separately (`roster secret set`).
 */
export const jobFileSchema = strictObject({
  $schema: z.string().optional(),
  format: z.literal('roster-job'),
  version: z.literal(1),
  connections: z.array(connectionProfileSchema).default([]),
  job: jobConfigSchema,
});
export type JobFile = Omit<z.infer<typeof jobFileSchema>, 'connections'> & {
  connections: ConnectionProfile[];
};
export type JobFileInput = z.input<typeof jobFileSchema>;

/** A file of connection profiles (`roster connection import`, docs/job-format.md). */
export const connectionsFileSchema = strictObject({
  $schema: z.string().optional(),
  format: z.literal('roster-connections'),
  version: z.literal(1),
  connections: z.array(connectionProfileSchema).min(1),
});
