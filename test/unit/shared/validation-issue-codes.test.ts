import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connectionSettingsSchemas } from '@shared/domain/connections';
import { notificationSettingsSaveSchema, smtpSettingsSchema } from '@shared/domain/notifications';
import {
  fieldProblemOf,
  fieldProblemText,
  unknownKeyLine,
  type FieldProblem,
  type FieldProblemCode,
} from '@shared/domain/validation-issue-codes';
import { issuesOf } from '../../../src-main/app/validation-issues';

function problemsOf(schema: z.ZodType, input: unknown): FieldProblem[] {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be refused');
  return parsed.error.issues.map((issue) => fieldProblemOf(issue));
}

function problemAt(schema: z.ZodType, input: unknown, path: string): FieldProblem {
  const problem = problemsOf(schema, input).find((p) => p.path === path);
  if (!problem) throw new Error(`no problem at ${path}`);
  return problem;
}

const smtp = { host: 'mail.example.com', port: 587, tls: 'starttls', from: 'roster@example.com' };
const scim = { baseUrl: 'https://scim.example.com' };

/** Each check of ours: the input that fails it, where, its code, and its English as the CLI prints it. */
const customCases: {
  schema: z.ZodType;
  input: unknown;
  path: string;
  code: FieldProblemCode;
  english: string;
}[] = [
  {
    schema: connectionSettingsSchemas.scim,
    input: { baseUrl: 'http://scim.example.com' },
    path: 'baseUrl',
    code: 'httpsUrl',
    english: 'Use an https:// URL (plain http:// is allowed only for this computer)',
  },
  {
    schema: connectionSettingsSchemas.scim,
    input: { ...scim, caCertificate: 'not a certificate' },
    path: 'caCertificate',
    code: 'pemCertificate',
    english: 'Paste a PEM certificate (it starts with -----BEGIN CERTIFICATE-----)',
  },
  {
    schema: connectionSettingsSchemas.scim,
    input: { ...scim, updateMethod: 'put', groupReadsIncludeMembers: false },
    path: 'groupReadsIncludeMembers',
    code: 'putOnlyNeedsGroupMembers',
    english:
      'A PUT-only app must return group members when a group is read: PUT rewrites the whole member list from that read',
  },
  {
    schema: connectionSettingsSchemas.scim,
    input: { ...scim, authType: 'basic' },
    path: 'username',
    code: 'basicNeedsUserName',
    english: 'Basic authentication needs a user name',
  },
  {
    schema: connectionSettingsSchemas.scim,
    input: { ...scim, authType: 'oauth2', clientId: 'c' },
    path: 'tokenUrl',
    code: 'oauthNeedsTokenUrl',
    english: 'OAuth 2 needs a token URL',
  },
  {
    schema: connectionSettingsSchemas.scim,
    input: { ...scim, authType: 'oauth2', tokenUrl: 'https://login.example.com/token' },
    path: 'clientId',
    code: 'oauthNeedsClientId',
    english: 'OAuth 2 needs a client ID',
  },
  {
    schema: connectionSettingsSchemas.ldap,
    input: { url: 'ldap.example.com', bindDn: 'cn=a', baseDn: 'dc=example' },
    path: 'url',
    code: 'ldapUrl',
    english: 'Use ldap://host:port or ldaps://host:port',
  },
  {
    schema: connectionSettingsSchemas.ldap,
    input: { url: 'ldaps://dc.example.com', startTls: true, bindDn: 'cn=a', baseDn: 'dc=example' },
    path: 'startTls',
    code: 'startTlsWithLdaps',
    english: 'StartTLS is for ldap:// URLs; ldaps:// is already encrypted',
  },
  {
    schema: connectionSettingsSchemas.ldap,
    input: { url: 'ldap://dc.example.com', bindDn: '  ', baseDn: 'dc=example' },
    path: 'bindDn',
    code: 'required',
    english: 'Required',
  },
  {
    schema: connectionSettingsSchemas.csv,
    input: { path: '/tmp/people.csv', multiValuedColumns: ['groups'], multiValueSeparator: '' },
    path: 'multiValueSeparator',
    code: 'multiValueNeedsSeparator',
    english: 'Multi-valued columns need a separator',
  },
  {
    schema: connectionSettingsSchemas.csv,
    input: { path: '/tmp/people.csv', disabledValues: ['Gone'], softDeletedValues: ['gone'] },
    path: 'softDeletedValues',
    code: 'statusDisabledAndSoftDeleted',
    english: '"gone" is listed both as a disabled and as a soft-deleted status',
  },
  {
    schema: connectionSettingsSchemas.csv,
    input: { path: '/tmp/people.csv', keyColumn: 'id', managerColumn: 'id' },
    path: 'managerColumn',
    code: 'managerColumnIsKeyColumn',
    english: 'The manager column cannot be the key column',
  },
  {
    schema: smtpSettingsSchema,
    input: { ...smtp, host: 'smtp://mail.example.com:25' },
    path: 'host',
    code: 'smtpHostName',
    english: 'Enter a host name or an IP address, without a scheme or a port',
  },
  {
    schema: smtpSettingsSchema,
    input: { ...smtp, from: 'roster' },
    path: 'from',
    code: 'emailAddress',
    english: 'Enter an email address such as alerts@example.com',
  },
  {
    schema: smtpSettingsSchema,
    input: { ...smtp, tls: 'none', user: 'roster' },
    path: 'tls',
    code: 'smtpCredentialsNeedTls',
    english: 'A user name and password are never sent unencrypted: choose STARTTLS or implicit TLS',
  },
  {
    schema: smtpSettingsSchema,
    input: { ...smtp, tls: 'none', caCertificate: '-----BEGIN CERTIFICATE-----x' },
    path: 'caCertificate',
    code: 'smtpCaNeedsTls',
    english: 'A CA certificate is used only with STARTTLS or implicit TLS',
  },
  {
    schema: notificationSettingsSaveSchema,
    input: { smtp, password: 'secret' },
    path: 'password',
    code: 'passwordNeedsUserName',
    english: 'A password needs a user name',
  },
];

describe('field problem codes', () => {
  it.each(customCases)('codes $code, its English unchanged byte for byte', (c) => {
    const problem = problemAt(c.schema, c.input, c.path);
    expect(problem.code).toBe(c.code);
    expect(problem.message).toBe(c.english);
    expect(fieldProblemText(problem.code, problem.params)).toBe(c.english);
  });

  it('carries the status a CSV lists twice as a parameter', () => {
    const c = customCases.find((x) => x.code === 'statusDisabledAndSoftDeleted');
    expect(c && problemAt(c.schema, c.input, c.path).params).toEqual({ value: 'gone' });
  });

  it.each([
    ['numberTooSmall', { ...scim, timeoutSeconds: 0 }, 'timeoutSeconds', { minimum: 1 }],
    ['numberTooBig', { ...scim, timeoutSeconds: 601 }, 'timeoutSeconds', { maximum: 600 }],
    ['notInteger', { ...scim, timeoutSeconds: 1.5 }, 'timeoutSeconds', {}],
    [
      'invalidType',
      { ...scim, timeoutSeconds: 'ten' },
      'timeoutSeconds',
      { expected: 'number', received: 'string' },
    ],
    [
      'invalidOption',
      { ...scim, authType: 'kerberos' },
      'authType',
      { options: '"bearer"|"oauth2"|"basic"|"none"' },
    ],
  ] as const)('codes zod’s own %s with its parameters, in zod’s English', (code, input, path, params) => {
    const problem = problemAt(connectionSettingsSchemas.scim, input, path);
    expect(problem).toMatchObject({ code, params });
    expect(fieldProblemText(problem.code, problem.params)).toBe(problem.message);
  });

  it('codes string and list lengths by their bound', () => {
    const long = problemAt(z.object({ name: z.string().max(3) }), { name: 'abcd' }, 'name');
    expect(long).toMatchObject({ code: 'stringTooLong', params: { maximum: 3 } });
    expect(long.message).toBe('Too big: expected string to have <=3 characters');
    const few = problemAt(z.object({ to: z.array(z.string()).min(1) }), { to: [] }, 'to');
    expect(few).toMatchObject({ code: 'listTooShort', params: { minimum: 1 } });
    expect(fieldProblemText(few.code, few.params)).toBe(few.message);
  });

  it('names an unknown key with the closest known key, or the keys known there', () => {
    const near = problemAt(connectionSettingsSchemas.scim, { ...scim, baseUrll: 'x' }, '(input)');
    expect(near).toMatchObject({
      code: 'unknownKeySuggestion',
      params: { key: 'baseUrll', suggestion: 'baseUrl' },
    });
    expect(near.message).toBe('"baseUrll": unknown key — did you mean "baseUrl"?');
    expect(fieldProblemText(near.code, near.params)).toBe(near.message);
    const far = problemAt(connectionSettingsSchemas.scim, { ...scim, qqqqqqqqqq: 'x' }, '(input)');
    expect(far).toMatchObject({ code: 'unknownKeyKnownList', params: { key: 'qqqqqqqqqq' } });
    expect(fieldProblemText(far.code, far.params)).toBe(far.message);
  });

  it('names a secret typed into settings, exactly or by a near spelling, with where it belongs', () => {
    const exact = problemAt(connectionSettingsSchemas.scim, { ...scim, bearerToken: 'x' }, '(input)');
    expect(exact).toMatchObject({ code: 'unknownKeyIsSecret', params: { key: 'bearerToken' } });
    expect(exact.message).toContain('keychain');
    expect(fieldProblemText(exact.code, exact.params)).toBe(exact.message);
    const near = problemAt(connectionSettingsSchemas.scim, { ...scim, api_key: 'x' }, '(input)');
    expect(near).toMatchObject({
      code: 'unknownKeySecretGuess',
      params: { key: 'api_key', field: 'bearerToken' },
    });
    expect(fieldProblemText(near.code, near.params)).toBe(near.message);
  });

  it('keeps several unknown keys as the English lines that explain them, each line readable by its code', () => {
    const several = problemAt(
      connectionSettingsSchemas.scim,
      { ...scim, baseUrll: 'x', authTyp: 'y', token: 'z' },
      '(input)',
    );
    expect(several).toMatchObject({ code: 'unknownKeys', params: { detail: several.message } });
    const lines = several.message.split('\n');
    expect(lines.map((line) => unknownKeyLine(line)?.[0])).toEqual([
      'unknownKeySuggestion',
      'unknownKeySuggestion',
      'unknownKeySecretGuess',
    ]);
    for (const line of lines) {
      const coded = unknownKeyLine(line);
      expect(coded && fieldProblemText(coded[0], coded[1])).toBe(line);
    }
    expect(unknownKeyLine('"x": something else')).toBeUndefined();
  });

  it('keeps a problem no code describes as its English', () => {
    const schema = z.object({ n: z.number().gt(5) });
    const problem = problemAt(schema, { n: 5 }, 'n');
    expect(problem).toEqual({
      path: 'n',
      message: problem.message,
      code: 'otherProblem',
      params: { detail: problem.message },
    });
  });
});

describe('issuesOf', () => {
  it('keeps the path and the English message, and adds the code and params', () => {
    const parsed = connectionSettingsSchemas.scim.safeParse({
      baseUrl: 'http://scim.example.com',
      timeoutSeconds: 0,
    });
    if (parsed.success) throw new Error('expected refusal');
    expect(issuesOf(parsed.error, ['settings'])).toEqual([
      {
        path: 'settings.baseUrl',
        message: 'Use an https:// URL (plain http:// is allowed only for this computer)',
        code: 'httpsUrl',
        params: {},
      },
      {
        path: 'settings.timeoutSeconds',
        message: 'Too small: expected number to be >=1',
        code: 'numberTooSmall',
        params: { minimum: 1 },
      },
    ]);
  });
});
