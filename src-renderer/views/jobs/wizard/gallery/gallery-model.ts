import {
  baseUrlPlaceholders,
  connectionSettingsFromProfile,
  notDocumented,
  type AppProfile,
  type AppProfileSummary,
} from '@shared/domain/app-profile';
import { appTexts } from './localized-app';

/**
 * The app gallery's rules without Vue (issue 12 item 2): searching the profiles, the facts each card
 * shows, and the connection a chosen app pre-fills. Labels are locale keys under `gallery.`, so the
 * same facts read in English and Korean.
 */

/**
 * Words the search matches: name, vendor, summary and id, case- and accent-insensitive. NFKD splits
 * Hangul syllables into jamo as well, on both sides, so Korean words still match Korean text.
 */
function searchable(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The apps whose name, vendor, summary or id holds every word of the query, in gallery order. The
 * vendor line and summary are matched in English and in `locale`, the one the card shows: an admin may search by the
 * words on screen or by the vendor's English terms.
 */
export function searchApps(
  apps: readonly AppProfileSummary[],
  query: string,
  locale = 'en',
): AppProfileSummary[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...apps];
  return apps.filter((app) => {
    const shown = appTexts(app, locale);
    const haystack = searchable(
      `${app.name} ${app.vendor} ${shown.vendor ?? ''} ${app.summary} ${shown.summary ?? ''} ${app.id}`,
    );
    return words.every((word) => haystack.includes(word));
  });
}

export type FactTone = 'yes' | 'no' | 'unknown' | 'info';

/** One fact on a card: a locale key under `gallery.facts`, its parameters, and how it reads. */
export interface AppFact {
  id: 'groups' | 'memberReads' | 'leavers' | 'updates' | 'rateLimit' | 'dialect';
  key: string;
  params?: Record<string, string | number>;
  tone: FactTone;
  /** The vendor's words, for a tooltip (the rate limit as stated). */
  detail?: string;
}

function groupsFact(app: AppProfileSummary): AppFact {
  if (app.groups === notDocumented) return { id: 'groups', key: 'groupsUnknown', tone: 'unknown' };
  return app.groups
    ? { id: 'groups', key: 'groupsYes', tone: 'yes' }
    : { id: 'groups', key: 'groupsNo', tone: 'no' };
}

function leaversFact(app: AppProfileSummary): AppFact {
  if (app.disable === 'activeFalse') return { id: 'leavers', key: 'disables', tone: 'yes' };
  if (app.disable === 'notSupported') return { id: 'leavers', key: 'deleteOnly', tone: 'no' };
  if (app.delete === 'deactivates') return { id: 'leavers', key: 'deleteDeactivates', tone: 'info' };
  return { id: 'leavers', key: 'leaversUnknown', tone: 'unknown' };
}

function updatesFact(app: AppProfileSummary): AppFact {
  switch (app.updateMethod) {
    case 'patch':
      return { id: 'updates', key: 'patch', tone: 'info' };
    case 'put':
      return { id: 'updates', key: 'putOnly', tone: 'no' };
    case 'patchOrPut':
      return { id: 'updates', key: 'patchOrPut', tone: 'info' };
    default:
      return { id: 'updates', key: 'updatesUnknown', tone: 'unknown' };
  }
}

function rateLimitFact(app: AppProfileSummary): AppFact {
  const limit = app.rateLimit;
  if (limit === notDocumented) return { id: 'rateLimit', key: 'rateUnknown', tone: 'unknown' };
  if (limit.requestsPerSecond !== undefined) {
    return {
      id: 'rateLimit',
      key: 'ratePerSecond',
      params: { rate: limit.requestsPerSecond },
      tone: 'info',
      detail: limit.text,
    };
  }
  return { id: 'rateLimit', key: 'rateStated', tone: 'info', detail: limit.text };
}

/** What a card says the app supports, in a fixed order. */
export function appFacts(app: AppProfileSummary): AppFact[] {
  const memberReads: AppFact[] =
    app.groups === true && app.groupReadsIncludeMembers === false
      ? [{ id: 'memberReads', key: 'noMemberReads', tone: 'no' }]
      : [];
  return [
    groupsFact(app),
    ...memberReads,
    leaversFact(app),
    updatesFact(app),
    rateLimitFact(app),
    { id: 'dialect', key: 'dialect', params: { dialect: app.dialect }, tone: 'info' },
  ];
}

/** What the admin must type for the base URL: nothing, the placeholders, or the whole URL. */
export type BaseUrlNeed = { kind: 'ready' } | { kind: 'placeholders'; names: string[] } | { kind: 'whole' };

export function baseUrlNeed(app: Pick<AppProfileSummary, 'baseUrl'>): BaseUrlNeed {
  if (app.baseUrl === notDocumented) return { kind: 'whole' };
  const names = baseUrlPlaceholders(app.baseUrl);
  return names.length > 0 ? { kind: 'placeholders', names } : { kind: 'ready' };
}

/** The base URL the form starts with: the profile's template (placeholders left for the admin). */
export function initialBaseUrl(app: Pick<AppProfileSummary, 'baseUrl'>): string {
  return app.baseUrl === notDocumented ? 'https://' : app.baseUrl;
}

export type GalleryAuthKind = 'bearer' | 'oauth2' | 'basic';

export function authKindsOf(app: Pick<AppProfileSummary, 'authKinds'>): GalleryAuthKind[] {
  return app.authKinds === notDocumented ? ['bearer', 'oauth2', 'basic'] : [...app.authKinds];
}

/** A connection name not taken yet: the app's name, else "name 2", "name 3"… */
export function freeConnectionName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} ${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** What the setup form holds. Secrets go to connections.create once and never come back. */
export interface AppSetupDraft {
  name: string;
  baseUrl: string;
  authType: GalleryAuthKind;
  bearerToken: string;
  username: string;
  password: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

export function newSetupDraft(app: AppProfileSummary, taken: readonly string[]): AppSetupDraft {
  return {
    name: freeConnectionName(app.name, taken),
    baseUrl: initialBaseUrl(app),
    authType: authKindsOf(app)[0] ?? 'bearer',
    bearerToken: '',
    username: '',
    password: '',
    tokenUrl: '',
    clientId: '',
    clientSecret: '',
    scope: '',
  };
}

/** A problem beside one field of the setup form: a locale key under `gallery.problems`. */
export interface SetupProblem {
  field: keyof AppSetupDraft;
  code: string;
  params?: Record<string, string>;
}

/** The form's own checks, before anything is sent (the server's checks come back by JSON path). */
export function setupProblems(draft: AppSetupDraft, taken: readonly string[]): SetupProblem[] {
  const problems: SetupProblem[] = [];
  const name = draft.name.trim();
  if (name === '') problems.push({ field: 'name', code: 'nameRequired' });
  else if (taken.some((n) => n.toLowerCase() === name.toLowerCase()))
    problems.push({ field: 'name', code: 'nameTaken', params: { name } });
  const url = draft.baseUrl.trim();
  const open = baseUrlPlaceholders(url);
  if (url === '' || url === 'https://') problems.push({ field: 'baseUrl', code: 'baseUrlRequired' });
  else if (open.length > 0)
    problems.push({
      field: 'baseUrl',
      code: 'baseUrlPlaceholders',
      params: { names: open.map((p) => `{${p}}`).join(', ') },
    });
  if (draft.authType === 'bearer' && draft.bearerToken.trim() === '')
    problems.push({ field: 'bearerToken', code: 'secretRequired' });
  if (draft.authType === 'basic') {
    if (draft.username.trim() === '') problems.push({ field: 'username', code: 'usernameRequired' });
    if (draft.password === '') problems.push({ field: 'password', code: 'secretRequired' });
  }
  if (draft.authType === 'oauth2') {
    if (draft.tokenUrl.trim() === '') problems.push({ field: 'tokenUrl', code: 'tokenUrlRequired' });
    if (draft.clientId.trim() === '') problems.push({ field: 'clientId', code: 'clientIdRequired' });
    if (draft.clientSecret === '') problems.push({ field: 'clientSecret', code: 'secretRequired' });
  }
  return problems;
}

/** The connections.create input for a chosen app: the profile's settings plus what the admin typed. */
export function connectionInput(
  profile: AppProfile,
  draft: AppSetupDraft,
):
  | {
      ok: true;
      input: {
        name: string;
        kind: 'scim';
        settings: Record<string, unknown>;
        secrets: Record<string, string>;
      };
    }
  | { ok: false; message: string } {
  const made = connectionSettingsFromProfile(profile, draft.baseUrl);
  if (!made.ok) return made;
  const settings: Record<string, unknown> = { ...made.settings, authType: draft.authType };
  const secrets: Record<string, string> = {};
  if (draft.authType === 'bearer') secrets['bearerToken'] = draft.bearerToken.trim();
  if (draft.authType === 'basic') {
    settings['username'] = draft.username.trim();
    secrets['password'] = draft.password;
  }
  if (draft.authType === 'oauth2') {
    settings['tokenUrl'] = draft.tokenUrl.trim();
    settings['clientId'] = draft.clientId.trim();
    if (draft.scope.trim() !== '') settings['scope'] = draft.scope.trim();
    secrets['clientSecret'] = draft.clientSecret;
  }
  return { ok: true, input: { name: draft.name.trim(), kind: 'scim', settings, secrets } };
}

/** Maps a server issue path (`settings.baseUrl`, `secrets.bearerToken`, `name`) to the form's field. */
export function fieldOfIssue(path: string): keyof AppSetupDraft | null {
  const last = path.split('.').at(-1) ?? '';
  const fields: (keyof AppSetupDraft)[] = [
    'name',
    'baseUrl',
    'bearerToken',
    'username',
    'password',
    'tokenUrl',
    'clientId',
    'clientSecret',
    'scope',
  ];
  return fields.find((f) => f === last) ?? (last === 'authType' ? 'authType' : null);
}
