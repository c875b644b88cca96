import type { z } from 'zod';
import {
  connectionSettingsSchemas,
  isSecretFieldOf,
  secretFieldsByKind,
  type ConnectionKind,
} from '@shared/domain/connections';
import { refusal } from '@shared/domain/error-messages';
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
  throw refusal(
    'invalidInput',
    'connectionSettingsInvalid',
    { kind: kind.toUpperCase(), problems: issues.map((i) => `${i.path} — ${i.message}`).join('; ') },
    { issues },
  );
}

export function validateSecretFields(kind: ConnectionKind, secrets: Record<string, unknown>): void {
  const unknown = Object.keys(secrets).filter((field) => !isSecretFieldOf(kind, field));
  if (unknown.length === 0) return;
  const allowed = secretFieldsByKind[kind];
  throw refusal(
    'invalidInput',
    allowed.length ? 'noSuchSecretFields' : 'noSecretFields',
    { kind: kind.toUpperCase(), fields: unknown.join(', '), allowed: allowed.join(', ') },
    { issues: unknown.map((field) => ({ path: `secrets.${field}`, message: 'Unknown secret field' })) },
  );
}
