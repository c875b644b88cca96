import type { z } from 'zod';
import {
  connectionSettingsSchemas,
  isSecretFieldOf,
  secretFieldsByKind,
  type ConnectionKind,
} from '@shared/domain/connections';
import { RosterError } from '@shared/domain/errors';
import { issuesOf } from '../validation-issues';

/** Validates settings against the kind's schema; the error names each field that is wrong. */
export function validateConnectionSettings(
  kind: ConnectionKind,
  settings: Record<string, unknown>,
): Record<string, unknown> {
  const schema: z.ZodType<Record<string, unknown>> = connectionSettingsSchemas[kind];
  const parsed = schema.safeParse(settings);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error, ['settings']);
  throw new RosterError(
    'invalidInput',
    `The ${kind.toUpperCase()} connection settings are not valid: ` +
      issues.map((i) => `${i.path} — ${i.message}`).join('; '),
    { issues },
  );
}

export function validateSecretFields(kind: ConnectionKind, secrets: Record<string, unknown>): void {
  const unknown = Object.keys(secrets).filter((field) => !isSecretFieldOf(kind, field));
  if (unknown.length === 0) return;
  const allowed = secretFieldsByKind[kind];
  throw new RosterError(
    'invalidInput',
    `A ${kind.toUpperCase()} connection has no secret field ${unknown.join(', ')}` +
      (allowed.length ? ` (it has: ${allowed.join(', ')})` : ' (it has no secret fields)'),
    { issues: unknown.map((field) => ({ path: `secrets.${field}`, message: 'Unknown secret field' })) },
  );
}
