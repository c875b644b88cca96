import { describe, expect, it } from 'vitest';
import {
  notificationSettingsSaveSchema,
  smtpSettingsSchema,
  testEmailInputSchema,
} from '@shared/domain/notifications';
import { inputProblems } from '@shared/domain/strict-input';

const smtp = {
  host: 'smtp.example.com',
  port: 587,
  tls: 'starttls',
  user: 'roster',
  from: 'roster@example.com',
};

function problems(input: unknown): string[] {
  const parsed = notificationSettingsSaveSchema.safeParse(input);
  return parsed.success ? [] : inputProblems(parsed.error).map((p) => `${p.path}: ${p.message}`);
}

describe('notification settings schema', () => {
  it('accepts SMTP settings with defaults for the rest', () => {
    expect(notificationSettingsSaveSchema.parse({ smtp, password: 'pw' })).toEqual({
      smtp,
      emailLanguage: 'en',
      desktop: true,
      password: 'pw',
    });
    expect(notificationSettingsSaveSchema.parse({})).toEqual({
      smtp: null,
      emailLanguage: 'en',
      desktop: true,
    });
  });

  it('refuses unknown keys, naming the closest known one', () => {
    expect(problems({ smtp: { ...smtp, hots: 'x' } })).toEqual([
      'smtp.hots: unknown key — did you mean "host"?',
    ]);
    expect(problems({ smtp, desktp: true })).toEqual(['desktp: unknown key — did you mean "desktop"?']);
    expect(problems({ smtp: { ...smtp, password: 'pw' } })[0]).toMatch(/^smtp\.password: unknown key/);
  });

  it('never sends a password unencrypted, except to this computer', () => {
    expect(problems({ smtp: { ...smtp, tls: 'none' } })).toEqual([
      'smtp.tls: A user name and password are never sent unencrypted: choose STARTTLS or implicit TLS',
    ]);
    expect(problems({ smtp: { ...smtp, tls: 'none', host: '127.0.0.1' } })).toEqual([]);
    expect(problems({ smtp: { ...smtp, tls: 'none', user: undefined } })).toEqual([]);
  });

  it('refuses a password without a user, a bad host, port, sender and CA', () => {
    expect(problems({ smtp: { ...smtp, user: undefined }, password: 'pw' })).toEqual([
      'password: A password needs a user name',
    ]);
    expect(smtpSettingsSchema.safeParse({ ...smtp, host: 'smtp://mail.example.com:25' }).success).toBe(false);
    expect(smtpSettingsSchema.safeParse({ ...smtp, port: 70000 }).success).toBe(false);
    expect(smtpSettingsSchema.safeParse({ ...smtp, from: 'roster' }).success).toBe(false);
    expect(smtpSettingsSchema.safeParse({ ...smtp, caCertificate: 'not a cert' }).success).toBe(false);
    expect(smtpSettingsSchema.safeParse({ ...smtp, host: '[::1]' }).success).toBe(true);
    expect(testEmailInputSchema.safeParse({ to: 'it@example.com' }).success).toBe(true);
    expect(testEmailInputSchema.safeParse({ to: 'it' }).success).toBe(false);
  });
});
