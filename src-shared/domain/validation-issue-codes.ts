/**
 * Field problems with a code (issue 10 item 8): every problem a settings form shows — a check of
 * ours (refine/superRefine, which carries `params.code`) or one of zod's own kinds — becomes
 * `{ path, message, code, params }`, so the renderer can say it in the admin's language. The English
 * `message` is unchanged: it is what the CLI prints and what the templates below render to.
 */
import type { z } from 'zod';

/** English for each code; `{name}` is a parameter. The renderer's English is made from these. */
export const fieldProblemTemplates = {
  // Our own checks (src-shared/domain/connections.ts, notifications.ts, the connection form).
  required: 'Required',
  connectionNameMissing: 'Give the connection a name',
  pemCertificate: 'Paste a PEM certificate (it starts with -----BEGIN CERTIFICATE-----)',
  ldapUrl: 'Use ldap://host:port or ldaps://host:port',
  startTlsWithLdaps: 'StartTLS is for ldap:// URLs; ldaps:// is already encrypted',
  httpsUrl: 'Use an https:// URL (plain http:// is allowed only for this computer)',
  putOnlyNeedsGroupMembers:
    'A PUT-only app must return group members when a group is read: PUT rewrites the whole member list from that read',
  basicNeedsUserName: 'Basic authentication needs a user name',
  oauthNeedsTokenUrl: 'OAuth 2 needs a token URL',
  oauthNeedsClientId: 'OAuth 2 needs a client ID',
  multiValueNeedsSeparator: 'Multi-valued columns need a separator',
  statusDisabledAndSoftDeleted: '"{value}" is listed both as a disabled and as a soft-deleted status',
  managerColumnIsKeyColumn: 'The manager column cannot be the key column',
  smtpHostName: 'Enter a host name or an IP address, without a scheme or a port',
  emailAddress: 'Enter an email address such as alerts@example.com',
  smtpCredentialsNeedTls:
    'A user name and password are never sent unencrypted: choose STARTTLS or implicit TLS',
  smtpCaNeedsTls: 'A CA certificate is used only with STARTTLS or implicit TLS',
  passwordNeedsUserName: 'A password needs a user name',
  unknownSecretField: 'Unknown secret field',
  // zod's own kinds, in zod's English (node_modules/zod/v4/locales/en.js).
  invalidType: 'Invalid input: expected {expected}, received {received}',
  invalidValue: 'Invalid input: expected {expected}',
  invalidOption: 'Invalid option: expected one of {options}',
  stringTooShort: 'Too small: expected string to have >={minimum} characters',
  stringTooLong: 'Too big: expected string to have <={maximum} characters',
  listTooShort: 'Too small: expected array to have >={minimum} items',
  listTooLong: 'Too big: expected array to have <={maximum} items',
  numberTooSmall: 'Too small: expected number to be >={minimum}',
  numberTooBig: 'Too big: expected number to be <={maximum}',
  notInteger: 'Invalid input: expected int, received number',
  patternMismatch: 'Invalid string: must match pattern {pattern}',
  invalidEmail: 'Invalid email address',
  invalidUrl: 'Invalid URL',
  // strict-input.ts: one unknown key, with the closest known key or the list of known keys.
  unknownKeySuggestion: '"{key}": unknown key — did you mean "{suggestion}"?',
  unknownKeyKnownList: '"{key}": unknown key (known keys here: {known})',
  // strict-input.ts: a secret typed where settings belong, named exactly or by a near spelling.
  unknownKeyIsSecret:
    '"{key}": {key} is a secret. Secrets never belong in settings or files: store the {key} in the system keychain ' +
    'with `roster secret set <connection> {key}` (it reads the value from standard input), or in the app.',
  unknownKeySecretGuess:
    '"{key}": unknown key — did you mean "{field}"? That is a secret. Secrets never belong in settings or files: ' +
    'store the {field} in the system keychain with `roster secret set <connection> {field}` (it reads the value ' +
    'from standard input), or in the app.',
  /** Several unknown keys: strict-input.ts's English, one line per key (each line is said by its own code). */
  unknownKeys: '{detail}',
  /** A problem no code above describes: its English as it is, in every language (no words to translate it from). */
  otherProblem: '{detail}',
} as const;

export type FieldProblemCode = keyof typeof fieldProblemTemplates;
export const fieldProblemCodes = Object.keys(fieldProblemTemplates) as FieldProblemCode[];
export type FieldProblemParams = Record<string, string | number>;

export interface FieldProblem {
  path: string;
  message: string;
  code: FieldProblemCode;
  params: FieldProblemParams;
}

/** A code's English with its parameters filled in. */
export function fieldProblemText(code: FieldProblemCode, params: FieldProblemParams = {}): string {
  return fieldProblemTemplates[code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

function isFieldProblemCode(value: unknown): value is FieldProblemCode {
  return typeof value === 'string' && Object.hasOwn(fieldProblemTemplates, value);
}

/** Codes whose template has no parameter, by their English: a zod check given our own message. */
const codeByFixedMessage = new Map<string, FieldProblemCode>(
  fieldProblemCodes
    .filter((code) => !fieldProblemTemplates[code].includes('{'))
    .map((code) => [fieldProblemTemplates[code], code]),
);

function valueText(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** zod's own kinds, as a code and the parameters its English needs. */
function zodKind(issue: z.core.$ZodIssue): [FieldProblemCode, FieldProblemParams] | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return ['notInteger', {}];
      return ['invalidType', { expected: issue.expected, received: receivedOf(issue.message) }];
    case 'invalid_value':
      return issue.values.length === 1
        ? ['invalidValue', { expected: valueText(issue.values[0]) }]
        : ['invalidOption', { options: issue.values.map(valueText).join('|') }];
    case 'too_small':
    case 'too_big':
      return sizeKind(issue);
    case 'invalid_format':
      if (issue.format === 'regex' && 'pattern' in issue && typeof issue.pattern === 'string')
        return ['patternMismatch', { pattern: issue.pattern }];
      if (issue.format === 'email') return ['invalidEmail', {}];
      if (issue.format === 'url') return ['invalidUrl', {}];
      return undefined;
    case 'unrecognized_keys':
      return unknownKeyKind(issue.keys, issue.message);
    default:
      return undefined;
  }
}

/** strict-input.ts's line for one unknown key, `"key": problem`, and the codes that say it. */
const unknownKeyLinePatterns: { code: FieldProblemCode; regex: RegExp; names: string[] }[] = [
  {
    code: 'unknownKeySecretGuess',
    regex: /^"(.+)": unknown key — did you mean "(.+?)"\? That is a secret\. /,
    names: ['key', 'field'],
  },
  { code: 'unknownKeyIsSecret', regex: /^"(.+)": .+ is a secret\. /, names: ['key'] },
  {
    code: 'unknownKeySuggestion',
    regex: /^"(.+)": unknown key — did you mean "(.+)"\?$/,
    names: ['key', 'suggestion'],
  },
  {
    code: 'unknownKeyKnownList',
    regex: /^"(.+)": unknown key \(known keys here: (.+)\)$/,
    names: ['key', 'known'],
  },
];

/**
 * One line of strict-input.ts's message (one unknown key) as a code and its parameters, read back
 * from the English — zod keeps only the message for unknown keys. Kept only when the code's template
 * gives the line back byte for byte.
 */
export function unknownKeyLine(line: string): [FieldProblemCode, FieldProblemParams] | undefined {
  for (const { code, regex, names } of unknownKeyLinePatterns) {
    const match = regex.exec(line);
    if (!match) continue;
    const params = Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? '']));
    if (fieldProblemText(code, params) === line) return [code, params];
  }
  return undefined;
}

/** strict-input.ts says the suggestion, the known keys or the secret only in its message; read them back. */
function unknownKeyKind(keys: readonly string[], message: string): [FieldProblemCode, FieldProblemParams] {
  return (keys.length === 1 ? unknownKeyLine(message) : undefined) ?? ['unknownKeys', { detail: message }];
}

/** zod's invalid_type names what it received only in its message. */
function receivedOf(message: string): string {
  return /, received (.+)$/.exec(message)?.[1] ?? '';
}

function sizeKind(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
): [FieldProblemCode, FieldProblemParams] | undefined {
  if (issue.exact === true || issue.inclusive === false) return undefined;
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const param: FieldProblemParams = small ? { minimum: bound } : { maximum: bound };
  if (issue.origin === 'string') return [small ? 'stringTooShort' : 'stringTooLong', param];
  if (issue.origin === 'array') return [small ? 'listTooShort' : 'listTooLong', param];
  if (issue.origin === 'number') return [small ? 'numberTooSmall' : 'numberTooBig', param];
  return undefined;
}

function customCode(issue: z.core.$ZodIssue): [FieldProblemCode, FieldProblemParams] | undefined {
  if (issue.code !== 'custom') return undefined;
  const { code, ...params } = (issue.params ?? {}) as Record<string, unknown>;
  if (!isFieldProblemCode(code)) return undefined;
  const kept = Object.fromEntries(
    Object.entries(params).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
  return [code, kept];
}

/**
 * A problem the app reported without a code (an older app, or a hand-made issue such as an unknown
 * secret field): coded by its English when that is one of the fixed sentences above.
 */
export function fieldProblemFromText(path: string, message: string): FieldProblem {
  const code = codeByFixedMessage.get(message);
  return code === undefined
    ? { path, message, code: 'otherProblem', params: { detail: message } }
    : { path, message, code, params: {} };
}

/**
 * One zod issue as a coded field problem. A code is kept only when its template renders the issue's
 * own English byte for byte; otherwise the problem is `otherProblem`, carrying the English.
 */
export function fieldProblemOf(issue: z.core.$ZodIssue, prefix: (string | number)[] = []): FieldProblem {
  const path = [...prefix, ...issue.path].map(String).join('.') || '(input)';
  const fixed = codeByFixedMessage.get(issue.message);
  const candidates: ([FieldProblemCode, FieldProblemParams] | undefined)[] = [
    customCode(issue),
    fixed === undefined ? undefined : [fixed, {}],
    zodKind(issue),
  ];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const [code, params] = candidate;
    if (fieldProblemText(code, params) === issue.message)
      return { path, message: issue.message, code, params };
  }
  return { path, message: issue.message, code: 'otherProblem', params: { detail: issue.message } };
}
