import {
  connectionSettingsSchemas,
  secretFieldsInUse,
  type ConnectionKind,
  type ConnectionView,
} from '@shared/domain/connections';
import { defaultSettingsByKind } from './kind-fields';

export interface SecretDraft {
  value: string;
  clear: boolean;
}

export interface ConnectionDraft {
  id: string | null;
  name: string;
  kind: ConnectionKind;
  settings: Record<string, unknown>;
  secrets: Record<string, SecretDraft>;
}

export function newDraft(kind: ConnectionKind = 'scim'): ConnectionDraft {
  return { id: null, name: '', kind, settings: { ...defaultSettingsByKind[kind] }, secrets: {} };
}

export function draftFrom(view: ConnectionView): ConnectionDraft {
  return { id: view.id, name: view.name, kind: view.kind, settings: { ...view.settings }, secrets: {} };
}

/** Settings as the schema wants them: cleared inputs are absent (so defaults apply), not '' or null. */
export function cleanSettings(settings: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(settings).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  );
}

/** Secret changes to send: typed values are stored, "remove" clears, untouched fields are left alone. */
export function secretChanges(draft: ConnectionDraft): Record<string, string | null> {
  const inUse = new Set(secretFieldsInUse(draft.kind, draft.settings));
  const changes: Record<string, string | null> = {};
  for (const [field, secret] of Object.entries(draft.secrets)) {
    if (secret.clear) changes[field] = null;
    else if (secret.value !== '' && inUse.has(field)) changes[field] = secret.value;
  }
  return changes;
}

/** Field problems found before sending (the same zod schema the app checks with), keyed by path. */
export function validateDraft(draft: ConnectionDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.name.trim() === '') problems['name'] = 'Give the connection a name';
  const parsed = connectionSettingsSchemas[draft.kind].safeParse(cleanSettings(draft.settings));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = ['settings', ...issue.path.map(String)].join('.');
      problems[path] ??= issue.message;
    }
  }
  return problems;
}
