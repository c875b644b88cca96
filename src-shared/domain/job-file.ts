import { z } from 'zod';
import { connectionKinds } from './connections';
import { jobConfigSchema } from './jobs';

/** A connection profile as config-as-code carries it: by name, settings only — never a secret. */
export const connectionProfileSchema = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(connectionKinds),
  settings: z.record(z.string(), z.unknown()),
});
export type ConnectionProfile = z.infer<typeof connectionProfileSchema>;

/**
 * One job as a file (docs/job-format.md): its mappings, filters, schema and settings, and the
 * connection profiles it uses, by name. Import creates or updates the job and any missing profile;
 * secrets are set separately (`roster secret set`).
 */
export const jobFileSchema = z.object({
  $schema: z.string().optional(),
  format: z.literal('roster-job'),
  version: z.literal(1),
  connections: z.array(connectionProfileSchema).default([]),
  job: jobConfigSchema,
});
export type JobFile = z.infer<typeof jobFileSchema>;
export type JobFileInput = z.input<typeof jobFileSchema>;

/** A file of connection profiles (`roster connection import`). */
export const connectionsFileSchema = z.object({
  format: z.literal('roster-connections'),
  version: z.literal(1),
  connections: z.array(connectionProfileSchema).min(1),
});
