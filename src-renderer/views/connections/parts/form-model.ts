import {
  connectionSettingsSchemas,
  secretFieldsInUse,
  type ConnectionKind,
  type ConnectionView,
} from '@shared/domain/connections';
import { fieldProblemOf, fieldProblemText, type FieldProblem } from '@shared/domain/validation-issue-codes';
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
  // A deep copy: nested settings (the memberships file, column types) are edited in place.
  const settings = JSON.parse(JSON.stringify(view.settings)) as Record<string, unknown>;
  return { id: view.id, name: view.name, kind: view.kind, settings, secrets: {} };
}

/** Lists whose emptiness is a choice ("no value disables") rather than "use the default". */
const listsKeptEmpty = new Set(['disabledValues', 'softDeletedValues']);

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * Settings as the schema wants them: cleared inputs are absent (so defaults apply), not '' or null;
 * an empty column list or type table is absent too, and a sub-form left blank (the memberships
 * file) disappears with it.
 */
export function cleanSettings(settings: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (isBlank(value)) continue;
    if (Array.isArray(value)) {
      if (value.length > 0 || listsKeptEmpty.has(key)) clean[key] = [...(value as unknown[])];
      continue;
    }
    if (typeof value === 'object') {
      const inner = cleanSettings(value as Record<string, unknown>);
      if (Object.keys(inner).length > 0) clean[key] = inner;
      continue;
    }
    clean[key] = value;
  }
  return clean;
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

/**
 * Field problems found before sending (the same zod schema the app checks with), keyed by path, each
 * with its code so the form says it in the admin's language.
 */
export function validateDraft(draft: ConnectionDraft): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  if (draft.name.trim() === '') {
    const code = 'connectionNameMissing';
    problems['name'] = { path: 'name', message: fieldProblemText(code), code, params: {} };
  }
  const parsed = connectionSettingsSchemas[draft.kind].safeParse(cleanSettings(draft.settings));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const problem = fieldProblemOf(issue, ['settings']);
      problems[problem.path] ??= problem;
    }
  }
  return problems;
}
